package dev.quorum.ui;

import dev.quorum.ui.section.SectionView;
import dev.quorum.ui.section.SectionViewModel;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The section tree: the design at the root, one item per template section, each with its completeness
 * badge and, when the rules found errors or warnings there, a findings badge.
 */
public final class SectionTree {

    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");
    private static final PseudoClass ERRORS = PseudoClass.getPseudoClass("errors");

    private final TreeView<Object> tree = new TreeView<>();

    public SectionTree(DesignViewModel design) {
        TreeItem<Object> root = new TreeItem<>(design);
        root.setExpanded(true);
        for (SectionViewModel s : design.sections()) {
            root.getChildren().add(new TreeItem<>(s));
        }
        tree.setRoot(root);
        tree.setShowRoot(true);
        tree.setId("section-tree");
        tree.getStyleClass().add("section-tree");
        tree.setCellFactory(t -> new EntryCell());
    }

    /** The tree control. */
    public TreeView<Object> control() {
        return tree;
    }

    /** The selected entry: the {@link DesignViewModel} at the root or a {@link SectionViewModel}. */
    public ReadOnlyObjectProperty<TreeItem<Object>> selectedItemProperty() {
        return tree.getSelectionModel().selectedItemProperty();
    }

    /** Selects the section with this id, or the design itself for "design". */
    public void select(String sectionId) {
        if ("design".equals(sectionId)) {
            tree.getSelectionModel().select(tree.getRoot());
            return;
        }
        for (TreeItem<Object> item : tree.getRoot().getChildren()) {
            if (item.getValue() instanceof SectionViewModel s && s.id().equals(sectionId)) {
                tree.getSelectionModel().select(item);
                return;
            }
        }
    }

    /** A tree row: the title and a badge whose text, not only its colour, gives the status. */
    private static final class EntryCell extends TreeCell<Object> {
        private final Label title = new Label();
        private final Label badge = new Label();
        private final Label findings = new Label();
        // Bound, not listened to: bindings hold the view models weakly, so reused cells leak nothing.
        private final BooleanProperty complete = new SimpleBooleanProperty(false);
        private final BooleanProperty errors = new SimpleBooleanProperty(false);
        // The badges' texts as the models give them; the labels never show an empty text (see SectionView.neverEmpty)
        // and are hidden by these instead.
        private final StringProperty badgeText = new SimpleStringProperty("");
        private final StringProperty findingsText = new SimpleStringProperty("");
        private final VBox row;

        EntryCell() {
            title.getStyleClass().add("tree-title");
            // The badge sits under the title so that neither is cut off in a narrow tree.
            title.setMinWidth(0);
            badge.getStyleClass().add("badge");
            badge.setMinWidth(Region.USE_PREF_SIZE);
            // Before the first design arrives there is no status to show, and an empty pill looks broken.
            badge.textProperty().bind(SectionView.neverEmpty(badgeText));
            badge.visibleProperty().bind(badgeText.isNotEmpty());
            badge.managedProperty().bind(badge.visibleProperty());
            complete.addListener((o, was, is) -> badge.pseudoClassStateChanged(COMPLETE, is));
            findings.getStyleClass().addAll("badge", "findings-badge");
            findings.setMinWidth(Region.USE_PREF_SIZE);
            findings.textProperty().bind(SectionView.neverEmpty(findingsText));
            findings.visibleProperty().bind(findingsText.isNotEmpty());
            findings.managedProperty().bind(findings.visibleProperty());
            errors.addListener((o, was, is) -> findings.pseudoClassStateChanged(ERRORS, is));
            // One badge per line: side by side they overflowed a narrow tree and covered the next row.
            row = new VBox(3, title, badge, findings);
            row.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            title.textProperty().unbind();
            badgeText.unbind();
            findingsText.unbind();
            findingsText.set("");
            complete.unbind();
            errors.unbind();
            title.getStyleClass().remove("tree-root-title");
            row.prefWidthProperty().unbind();
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                setId(null);
                return;
            }
            if (item instanceof SectionViewModel s) {
                title.setText(s.title());
                badgeText.bind(s.badgeProperty());
                complete.bind(s.completeProperty());
                findingsText.bind(s.findingsBadgeProperty());
                errors.bind(s.errorCountProperty().greaterThan(0));
                setId("tree-" + s.id());
            } else {
                DesignViewModel d = (DesignViewModel) item;
                title.textProperty().bind(Bindings.createStringBinding(
                        () -> d.designFileProperty().get() == null ? "Opening…"
                                : d.nameProperty().get().isBlank() ? "(unnamed design)" : d.nameProperty().get(),
                        d.nameProperty(), d.designFileProperty()));
                title.getStyleClass().add("tree-root-title");
                badgeText.bind(Bindings.createStringBinding(
                        () -> "complete".equals(d.statusTextProperty().get()) ? "✓ complete" : d.statusTextProperty().get(),
                        d.statusTextProperty()));
                complete.bind(d.statusTextProperty().isEqualTo("complete"));
                setId("tree-design");
            }
            badge.pseudoClassStateChanged(COMPLETE, complete.get());
            findings.pseudoClassStateChanged(ERRORS, errors.get());
            int level = getTreeView().getTreeItemLevel(getTreeItem());
            row.prefWidthProperty().bind(getTreeView().widthProperty().subtract(44 + 18 * level));
            setTooltip(new javafx.scene.control.Tooltip(title.getText()));
            setGraphic(row);
        }
    }
}
