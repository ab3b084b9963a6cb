package dev.quorum.ui;

import dev.quorum.ui.section.OverviewView;
import dev.quorum.ui.section.SectionView;
import dev.quorum.ui.section.SectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * What the tree's root shows: the design's name and summary to edit, its overall status, each section's
 * digest with its badges, and the design's rule settings.
 */
public final class DesignOverviewView {

    private final ScrollPane root;
    private final OverviewView editor;

    public DesignOverviewView(DesignViewModel design) {
        editor = new OverviewView(design.overview());
        Label name = new Label();
        name.textProperty().bind(Bindings.when(design.nameProperty().isEmpty()).then("(unnamed design)")
                .otherwise(design.nameProperty()));
        name.getStyleClass().add("section-title");
        name.setWrapText(true);
        Label status = new Label();
        status.textProperty().bind(Bindings.concat("Status: ", design.statusTextProperty()));
        status.getStyleClass().add("section-digest");
        Label designGaps = new Label();
        designGaps.setWrapText(true);
        designGaps.getStyleClass().add("gap-list");
        designGaps.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", design.designGaps().stream().map(g -> "• " + g).toList()), design.designGaps()));
        designGaps.visibleProperty().bind(Bindings.isNotEmpty(design.designGaps()));
        designGaps.managedProperty().bind(designGaps.visibleProperty());

        GridPane sections = new GridPane();
        sections.setHgap(14);
        sections.setVgap(8);
        ColumnConstraints title = new ColumnConstraints();
        title.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints badge = new ColumnConstraints();
        badge.setMinWidth(110);
        ColumnConstraints digest = new ColumnConstraints();
        digest.setHgrow(Priority.ALWAYS);
        sections.getColumnConstraints().addAll(title, badge, digest);
        int row = 0;
        for (SectionViewModel s : design.sections()) {
            Label t = new Label(s.title());
            t.getStyleClass().add("field-label");
            t.setMinWidth(Region.USE_PREF_SIZE);
            Label d = new Label();
            d.textProperty().bind(s.digestProperty());
            d.setWrapText(true);
            d.getStyleClass().add("field-value");
            HBox badges = new HBox(6, SectionView.badge(s), SectionView.findingsBadge(s));
            sections.addRow(row++, t, badges, d);
        }
        Label sectionsHeading = new Label("Sections");
        sectionsHeading.getStyleClass().add("subheading");
        Label settingsHeading = new Label("Validation settings");
        settingsHeading.getStyleClass().add("subheading");
        VBox content = new VBox(10, name, status, editor.form(), designGaps, sectionsHeading, sections, settingsHeading,
                editor.ruleSettings());
        content.setPadding(new Insets(14, 18, 24, 18));
        root = new ScrollPane(content);
        root.setFitToWidth(true);
        root.setId("design-overview");
        root.getStyleClass().add("section-view");
    }

    /** The view's root node. */
    public Node root() {
        return root;
    }

    /** Focuses the design-level field at {@code path}; false when it is not on this page. */
    public boolean reveal(String path) {
        return editor.reveal(path);
    }
}
