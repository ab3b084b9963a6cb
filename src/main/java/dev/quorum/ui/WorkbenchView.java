package dev.quorum.ui;

import dev.quorum.ui.preview.PreviewView;
import dev.quorum.ui.section.SectionView;
import dev.quorum.ui.section.SectionViewModel;
import dev.quorum.ui.section.SectionViews;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window's layout: menu bar, error banner, section tree, the selected section, the Markdown
 * preview and the status bar. It wires controls to the {@link WorkbenchViewModel} and holds no logic.
 */
public final class WorkbenchView {

    private final WorkbenchViewModel model;
    private final BorderPane root = new BorderPane();
    private final SectionTree tree;
    private final StackPane sectionHost = new StackPane();
    private final PreviewView preview;
    private final SplitPane split = new SplitPane();
    private final DesignOverviewView overview;
    private final Map<SectionViewModel, SectionView<?>> sectionViews = new HashMap<>();

    public WorkbenchView(WorkbenchViewModel model) {
        this.model = model;
        this.tree = new SectionTree(model.design());
        this.preview = new PreviewView(model.preview());
        this.overview = new DesignOverviewView(model.design());

        sectionHost.setId("section-host");
        sectionHost.getStyleClass().add("section-host");
        tree.selectedItemProperty().addListener((o, was, item) -> showSelected(item));

        VBox previewPane = new VBox(paneTitle("Markdown preview"), preview.root());
        VBox.setVgrow(preview.root(), Priority.ALWAYS);
        previewPane.setId("preview-pane");
        VBox treePane = new VBox(paneTitle("Sections"), tree.control());
        VBox.setVgrow(tree.control(), Priority.ALWAYS);
        split.getItems().addAll(treePane, sectionHost, previewPane);
        split.setDividerPositions(0.18, 0.64);
        SplitPane.setResizableWithParent(treePane, false);

        VBox center = new VBox(errorBanner(), split);
        VBox.setVgrow(split, Priority.ALWAYS);
        root.setTop(menuBar(previewPane));
        root.setCenter(center);
        root.setBottom(statusBar());
        root.getStyleClass().add("workbench");

        tree.select("persistence");
    }

    /** The window's root node. */
    public Parent root() {
        return root;
    }

    /** The Markdown preview. */
    public PreviewView preview() {
        return preview;
    }

    /** The section tree. */
    public SectionTree tree() {
        return tree;
    }

    private void showSelected(TreeItem<Object> item) {
        if (item == null) {
            return;
        }
        Node view = item.getValue() instanceof SectionViewModel s
                ? sectionViews.computeIfAbsent(s, SectionViews::create).root()
                : overview.root();
        sectionHost.getChildren().setAll(view);
    }

    private static Label paneTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private MenuBar menuBar(Node previewPane) {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        Menu samples = new Menu("Open Sample");
        for (String sample : model.samples()) {
            MenuItem item = new MenuItem(sample);
            item.setDisable(!model.sampleAvailable(sample));
            item.setOnAction(e -> model.openSample(sample));
            samples.getItems().add(item);
        }
        MenuItem export = new MenuItem("Export Markdown…");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setOnAction(e -> chooseAndExport());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, open, samples, new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);

        CheckMenuItem showPreview = new CheckMenuItem("Markdown Preview");
        showPreview.setSelected(true);
        showPreview.selectedProperty().addListener((o, was, show) -> {
            if (show && !split.getItems().contains(previewPane)) {
                split.getItems().add(previewPane);
                split.setDividerPosition(1, 0.64);
            } else if (!show) {
                split.getItems().remove(previewPane);
            }
        });
        Menu view = new Menu("View", null, showPreview);

        MenuItem about = new MenuItem("About Quorum");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("Help", null, about);

        MenuBar bar = new MenuBar(file, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open design");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Quorum designs (*.quorum.yaml)", "*.quorum.yaml"),
                new FileChooser.ExtensionFilter("YAML files (*.yaml, *.yml)", "*.yaml", "*.yml"));
        chooser.setInitialDirectory(model.suggestedOpenDirectory().toFile());
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.open(file.toPath());
        }
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Markdown");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        chooser.setInitialDirectory(model.suggestedExportDirectory().toFile());
        chooser.setInitialFileName(model.suggestedExportName());
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportMarkdown(Path.of(file.getPath()));
        }
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, model.aboutText());
        alert.setTitle("About Quorum");
        alert.setHeaderText("Quorum");
        alert.initOwner(window());
        alert.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node errorBanner() {
        Label icon = new Label("⚠");
        icon.getStyleClass().add("error-icon");
        Label message = new Label();
        message.setId("error-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(model.errorMessageProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("error-dismiss");
        dismiss.setOnAction(e -> model.dismissError());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox banner = new HBox(10, icon, message, dismiss);
        banner.setId("error-banner");
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.visibleProperty().bind(model.errorMessageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node statusBar() {
        Label source = new Label();
        source.setId("status-source");
        source.textProperty().bind(model.design().sourceProperty());
        source.setMinWidth(0);
        Label status = new Label();
        status.setId("status-completeness");
        status.textProperty().bind(model.design().statusTextProperty());
        status.getStyleClass().add("status-completeness");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("status-message");
        message.textProperty().bind(Bindings.when(model.busyProperty()).then(model.activityProperty())
                .otherwise(model.messageProperty()));
        message.setMinWidth(0);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setId("status-progress");
        progress.setPrefSize(16, 16);
        progress.setMaxSize(16, 16);
        progress.visibleProperty().bind(model.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(12, source, sep(), status, spacer, message, progress);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private static Node sep() {
        Label l = new Label("|");
        l.getStyleClass().add("status-separator");
        return l;
    }
}
