package dev.quorum.ui.diagram;

import dev.quorum.service.DiagramKind;
import dev.quorum.ui.WorkIndicator;
import java.io.File;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Diagrams view: a toolbar (which diagram, the ER centre table and hops, zoom, fit, export) over the
 * rendered image in a scroll pane, a message line, and the DOT text when rendering failed. It binds to a
 * {@link DiagramsViewModel} and holds no logic.
 */
public final class DiagramsView {

    private final DiagramsViewModel model;
    private final BorderPane root = new BorderPane();
    private final ScrollPane scroll = new ScrollPane();

    public DiagramsView(DiagramsViewModel model) {
        this.model = model;
        root.setId("diagrams-view");
        root.getStyleClass().add("diagrams-view");
        root.setTop(toolbar());
        root.setCenter(body());
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    private Node toolbar() {
        ComboBox<DiagramKind> kind = new ComboBox<>();
        kind.setId("diagram-kind");
        kind.getItems().setAll(DiagramKind.values());
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(DiagramKind k) {
                return k == null ? "" : k.title();
            }

            @Override
            public DiagramKind fromString(String s) {
                return DiagramKind.ER;
            }
        });
        kind.valueProperty().bindBidirectional(model.kindProperty());

        ComboBox<String> table = new ComboBox<>();
        table.setId("diagram-table");
        table.setPrefWidth(180);
        table.getItems().add("");
        model.tables().addListener((javafx.collections.ListChangeListener<String>) c -> {
            String chosen = model.focusTableProperty().get();
            table.getItems().setAll("");
            table.getItems().addAll(model.tables());
            table.setValue(chosen);
        });
        table.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null || s.isEmpty() ? "All tables" : s;
            }

            @Override
            public String fromString(String s) {
                return "All tables".equals(s) ? "" : s;
            }
        });
        table.setValue(model.focusTableProperty().get());
        table.valueProperty().addListener((o, was, now) -> model.focusTableProperty().set(now == null ? "" : now));
        table.setTooltip(new Tooltip("Draw only this table and its neighbours"));

        Spinner<Integer> hops = new Spinner<>(0, 5, model.hopsProperty().get());
        hops.setId("diagram-hops");
        hops.setPrefWidth(70);
        hops.valueProperty().addListener((o, was, now) -> model.hopsProperty().set(now));
        hops.setTooltip(new Tooltip("Foreign-key hops around the chosen table"));
        hops.disableProperty().bind(model.focusTableProperty().isEmpty());

        Label tableLabel = new Label("Table:");
        Label hopsLabel = new Label("Hops:");
        HBox er = new HBox(6, tableLabel, table, hopsLabel, hops);
        er.setId("diagram-er-controls");
        er.setAlignment(Pos.CENTER_LEFT);
        er.visibleProperty().bind(model.erControlsVisible());
        er.managedProperty().bind(er.visibleProperty());

        Button zoomOut = button("−", "diagram-zoom-out", "Zoom out", model::zoomOut);
        Button zoomIn = button("+", "diagram-zoom-in", "Zoom in", model::zoomIn);
        Button fit = button("Fit", "diagram-fit", "Fit the whole diagram in the view",
                () -> model.fit(scroll.getViewportBounds().getWidth() - 4, scroll.getViewportBounds().getHeight() - 4));
        Button actual = button("100 %", "diagram-actual-size", "Actual size", model::actualSize);
        Label zoomText = new Label();
        zoomText.setId("diagram-zoom");
        zoomText.setMinWidth(48);
        zoomText.textProperty().bind(model.zoomText());
        Button export = button("Export…", "diagram-export", "Save as SVG, PNG, DOT or Mermaid", this::chooseAndExport);
        ProgressBar progress = WorkIndicator.create("diagram-progress");
        progress.visibleProperty().bind(model.drawingProperty());

        Label kindLabel = new Label("Diagram:");
        HBox choose = new HBox(6, kindLabel, kind);
        choose.setAlignment(Pos.CENTER_LEFT);
        HBox zoom = new HBox(4, progress, zoomOut, zoomText, zoomIn, fit, actual, export);
        zoom.setAlignment(Pos.CENTER_LEFT);
        // Labels and buttons keep their full text; the bar wraps onto a second row when the pane is narrow.
        for (Node n : new Node[] {kindLabel, tableLabel, hopsLabel, zoomOut, zoomIn, fit, actual, export, zoomText}) {
            ((Region) n).setMinWidth(Region.USE_PREF_SIZE);
        }
        FlowPane bar = new FlowPane(12, 6, choose, er, zoom);
        bar.setId("diagram-toolbar");
        bar.getStyleClass().add("diagram-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(6, 8, 6, 8));
        return bar;
    }

    private Node body() {
        ImageView view = new ImageView();
        view.setId("diagram-image");
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.imageProperty().bind(model.imageProperty());
        view.fitWidthProperty().bind(model.displayWidth());
        scroll.setContent(new Group(view));
        // Follow the view's size while fitting: when the picture or the pane changes, fit again.
        model.imageProperty().addListener((o, was, now) -> refit());
        scroll.viewportBoundsProperty().addListener((o, was, now) -> refit());
        scroll.setPannable(true);
        scroll.setId("diagram-scroll");
        scroll.getStyleClass().add("diagram-scroll");

        Label message = new Label();
        message.setId("diagram-message");
        message.setWrapText(true);
        message.getStyleClass().add("diagram-message");
        message.textProperty().bind(model.messageProperty());
        message.visibleProperty().bind(model.messageProperty().isNotEmpty());
        message.managedProperty().bind(message.visibleProperty());

        TextArea dot = new TextArea();
        dot.setId("diagram-dot");
        dot.setEditable(false);
        dot.getStyleClass().add("diagram-dot");
        dot.textProperty().bind(model.failedDotProperty());
        dot.visibleProperty().bind(model.failedDotProperty().isNotEmpty());
        dot.managedProperty().bind(dot.visibleProperty());
        VBox.setVgrow(dot, Priority.ALWAYS);

        scroll.visibleProperty().bind(model.imageProperty().isNotNull());
        VBox text = new VBox(8, message, dot);
        text.setPadding(new Insets(8));
        text.setPickOnBounds(false);
        StackPane body = new StackPane(scroll, text);
        StackPane.setAlignment(text, Pos.TOP_LEFT);
        VBox.setVgrow(body, Priority.ALWAYS);
        return body;
    }

    private void refit() {
        model.refit(scroll.getViewportBounds().getWidth() - 4, scroll.getViewportBounds().getHeight() - 4);
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export diagram");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("SVG image (*.svg)", "*.svg"),
                new FileChooser.ExtensionFilter("PNG image (*.png)", "*.png"),
                new FileChooser.ExtensionFilter("Graphviz DOT (*.dot)", "*.dot"),
                new FileChooser.ExtensionFilter("Mermaid (*.mmd)", "*.mmd"));
        chooser.setInitialFileName(model.suggestedExportName());
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file != null) {
            model.export(file.toPath());
        }
    }
}
