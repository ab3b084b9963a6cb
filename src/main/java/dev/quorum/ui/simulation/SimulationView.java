package dev.quorum.ui.simulation;

import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.io.File;
import java.util.Locale;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The simulation view: the model or scenario list, the parameters as controls, Run and Cancel with progress, and
 * the results as metric cards, verdicts and charts with export and "Record Outcome". It only wires controls to the
 * {@link SimulationViewModel}.
 */
public final class SimulationView {

    private final SimulationViewModel model;
    private final SplitPane root = new SplitPane();
    private final VBox parameters = new VBox(10);
    private final VBox results = new VBox(14);

    public SimulationView(SimulationViewModel model) {
        this.model = model;
        root.setId("simulation-view");
        root.getStyleClass().add("simulation-view");
        root.getStylesheets().add(Objects.requireNonNull(SimulationView.class.getResource("/dev/quorum/ui/simulation.css"),
                "simulation.css missing from the build").toExternalForm());

        ScrollPane left = new ScrollPane(controls());
        left.setFitToWidth(true);
        left.setId("simulation-controls-scroll");
        // Parameters with a slider, a value and a range need this much room to read; the results take the rest.
        left.setMinWidth(340);
        left.setPrefWidth(400);
        results.setId("simulation-results");
        results.getStyleClass().add("simulation-results");
        results.setPadding(new Insets(14));
        ScrollPane right = new ScrollPane(results);
        right.setFitToWidth(true);
        right.setId("simulation-results-scroll");
        root.getItems().addAll(left, right);
        root.setDividerPositions(0.3);
        SplitPane.setResizableWithParent(left, false);

        model.fields().addListener((ListChangeListener<ParameterField>) c -> showFields());
        // Every run redraws, even one whose result equals the last; clearing the result redraws too.
        model.runsProperty().addListener((o, was, now) -> showResult(model.resultProperty().get()));
        model.resultProperty().addListener((o, was, now) -> {
            if (now == null) {
                showResult(null);
            }
        });
        showFields();
        showResult(model.resultProperty().get());
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    /** The node that holds the results; its picture is what Export PNG saves. */
    public Node results() {
        return results;
    }

    private Node controls() {
        ComboBox<SimulationViewModel.ModelChoice> models = new ComboBox<>(model.choices());
        models.setId("simulation-model");
        models.setMaxWidth(Double.MAX_VALUE);
        models.setVisibleRowCount(24);
        models.valueProperty().bindBidirectional(model.selectedProperty());
        models.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(SimulationViewModel.ModelChoice item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("model-heading");
                setDisable(false);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText(item.heading() ? item.title() : "   " + item.title());
                if (item.heading()) {
                    getStyleClass().add("model-heading");
                    setDisable(true);
                }
            }
        });
        Label summary = new Label();
        summary.setId("simulation-summary");
        summary.setWrapText(true);
        summary.getStyleClass().add("simulation-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label notApplicable = new Label();
        notApplicable.setId("simulation-not-applicable");
        notApplicable.setWrapText(true);
        notApplicable.getStyleClass().add("simulation-warning");
        notApplicable.textProperty().bind(model.notApplicableProperty());
        notApplicable.visibleProperty().bind(model.notApplicableProperty().isNotEmpty());
        notApplicable.managedProperty().bind(notApplicable.visibleProperty());

        TextField seed = new TextField();
        seed.setId("simulation-seed");
        seed.setPrefColumnCount(6);
        seed.textProperty().bindBidirectional(model.seedProperty());
        Spinner<Integer> replications = new Spinner<>(1, 1000, model.replicationsProperty().get());
        replications.setId("simulation-replications");
        replications.setEditable(true);
        replications.setPrefWidth(90);
        replications.valueProperty().addListener((o, was, now) -> model.replicationsProperty().set(now));
        Label seedLabel = new Label("Seed");
        Label replicationsLabel = new Label("Replications");
        seedLabel.setMinWidth(Region.USE_PREF_SIZE);
        replicationsLabel.setMinWidth(Region.USE_PREF_SIZE);
        seed.setMinWidth(70);
        replications.setMinWidth(90);
        HBox runSettings = new HBox(8, seedLabel, seed, replicationsLabel, replications);
        runSettings.setAlignment(Pos.CENTER_LEFT);

        Button run = new Button("Run");
        run.setId("simulation-run");
        run.setDefaultButton(true);
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.canRunProperty().not());
        Button cancel = new Button("Cancel");
        cancel.setId("simulation-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.disableProperty().bind(model.runningProperty().not());
        Button reset = new Button("Reset Values");
        reset.setId("simulation-reset");
        reset.setOnAction(e -> model.resetAll());
        ProgressBar progress = new ProgressBar();
        progress.setId("simulation-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(progress, Priority.ALWAYS);
        for (Button b : new Button[] {run, cancel, reset}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox buttons = new HBox(8, run, cancel, reset, progress);
        buttons.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("simulation-status");
        status.setWrapText(true);
        status.getStyleClass().add("simulation-status");
        status.textProperty().bind(model.statusProperty());

        Label title = new Label("Simulate");
        title.getStyleClass().add("section-title");
        Label paramsTitle = new Label("Parameters");
        paramsTitle.getStyleClass().add("subheading");
        Label hint = new Label("Values come from the design where it states them, else from the documented default. "
                + "Hover over a name for its source; type or drag to override.");
        hint.setWrapText(true);
        hint.getStyleClass().add("simulation-hint");
        parameters.setId("simulation-parameters");
        VBox box = new VBox(10, title, models, summary, notApplicable, buttons, status, runSettings, new Separator(),
                paramsTitle, hint, parameters);
        box.setPadding(new Insets(14));
        box.getStyleClass().add("simulation-controls");
        return box;
    }

    private void showFields() {
        parameters.getChildren().clear();
        for (ParameterField f : model.fields()) {
            parameters.getChildren().add(fieldRow(f));
        }
    }

    private Node fieldRow(ParameterField f) {
        Label name = new Label(f.label());
        name.getStyleClass().add("parameter-name");
        name.setWrapText(true);
        Tooltip tip = new Tooltip();
        tip.setWrapText(true);
        tip.setMaxWidth(460);
        tip.setShowDelay(Duration.millis(300));
        tip.setShowDuration(Duration.seconds(30));
        // The tooltip names this run's origin, so it is written when it shows.
        tip.setOnShowing(e -> tip.setText(f.tooltip()));
        name.setTooltip(tip);
        Label origin = new Label();
        origin.setId("origin-" + f.name());
        origin.getStyleClass().add("origin-badge");
        origin.setMinWidth(Region.USE_PREF_SIZE);
        origin.textProperty().bind(f.originProperty());
        f.originProperty().addListener((o, was, now) -> styleOrigin(origin, now));
        styleOrigin(origin, f.originProperty().get());
        origin.setTooltip(tip);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button reset = new Button("↺");
        reset.setId("reset-" + f.name());
        reset.getStyleClass().add("parameter-reset");
        reset.setMinWidth(Region.USE_PREF_SIZE);
        reset.setTooltip(new Tooltip("Use the design's value or the default again"));
        reset.setOnAction(e -> model.reset(f));
        reset.visibleProperty().bind(f.overriddenProperty());
        HBox head = new HBox(6, name, spacer, origin, reset);
        head.setAlignment(Pos.CENTER_LEFT);

        Node input;
        if (f.isChoice()) {
            ChoiceBox<String> choice = new ChoiceBox<>();
            choice.getItems().setAll(f.options());
            choice.setId("param-" + f.name());
            choice.valueProperty().bindBidirectional(f.textProperty());
            choice.setTooltip(tip);
            input = choice;
        } else {
            TextField text = new TextField();
            text.setId("param-" + f.name());
            text.setPrefColumnCount(8);
            text.textProperty().bindBidirectional(f.textProperty());
            text.setTooltip(tip);
            text.setPromptText("not stated");
            if (f.sliderFits()) {
                Slider slider = new Slider(0, ParameterField.SLIDER_STEPS, f.positionProperty().get());
                slider.setId("slider-" + f.name());
                slider.valueProperty().bindBidirectional(f.positionProperty());
                slider.setTooltip(new Tooltip(f.rangeText() + (f.logarithmic() ? " (logarithmic)" : "")));
                HBox.setHgrow(slider, Priority.ALWAYS);
                HBox row = new HBox(8, text, slider);
                row.setAlignment(Pos.CENTER_LEFT);
                input = row;
            } else {
                input = text;
            }
        }
        Label range = new Label(f.isChoice() ? "" : f.rangeText());
        range.getStyleClass().add("parameter-range");
        range.setVisible(!f.isChoice());
        range.setManaged(!f.isChoice());
        Label error = new Label();
        error.setId("error-" + f.name());
        error.getStyleClass().add("parameter-error");
        error.setWrapText(true);
        error.textProperty().bind(f.errorProperty());
        error.visibleProperty().bind(f.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox row = new VBox(3, head, input, range, error);
        row.getStyleClass().add("parameter-row");
        return row;
    }

    private static void styleOrigin(Label badge, String origin) {
        badge.getStyleClass().removeAll("origin-design", "origin-default", "origin-override");
        if (origin != null && !origin.isEmpty()) {
            badge.getStyleClass().add("origin-" + origin);
        }
    }

    private void showResult(SimulationResult r) {
        results.getChildren().clear();
        if (r == null) {
            Label empty = new Label("Choose a model or a scenario, check its parameters, and press Run.");
            empty.getStyleClass().add("simulation-hint");
            empty.setId("simulation-empty");
            results.getChildren().add(empty);
            return;
        }
        Label title = new Label(r.title());
        title.setId("result-title");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        Label run = new Label("Model " + r.model() + ", seed " + r.seed() + ", " + r.replications() + " replications; "
                + "each figure is the mean over replications with its 95% confidence interval.");
        run.getStyleClass().add("simulation-hint");
        run.setWrapText(true);
        Label stale = new Label("The parameters changed since this run: press Run to update.");
        stale.setId("result-stale");
        stale.getStyleClass().add("simulation-warning");
        stale.visibleProperty().bind(model.staleProperty().and(model.runningProperty().not()));
        stale.managedProperty().bind(stale.visibleProperty());

        Button csv = new Button("Export CSV…");
        csv.setId("simulation-export-csv");
        csv.setOnAction(e -> chooseExport("csv"));
        Button png = new Button("Export PNG…");
        png.setId("simulation-export-png");
        png.setOnAction(e -> chooseExport("png"));
        Button record = new Button("Record Outcome");
        record.setId("simulation-record");
        record.setTooltip(new Tooltip("Record this result in the design, as one step you can undo; the Markdown export "
                + "lists it under Simulated outcomes"));
        record.setOnAction(e -> model.recordOutcome());
        for (Button b : new Button[] {csv, png, record}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        // The actions wrap rather than shrink out of sight when the results are narrow.
        FlowPane actions = new FlowPane(8, 8, csv, png, record);
        results.getChildren().addAll(title, run, stale, actions);

        if (!model.verdicts().isEmpty()) {
            VBox verdicts = new VBox(4);
            verdicts.setId("result-verdicts");
            for (Verdict v : model.verdicts()) {
                Label status = new Label(v.status().name());
                status.getStyleClass().addAll("verdict-status", "verdict-" + v.status().name().toLowerCase(Locale.ROOT));
                status.setMinWidth(Region.USE_PREF_SIZE);
                Label text = new Label(v.text());
                text.setWrapText(true);
                HBox line = new HBox(8, status, text);
                line.setAlignment(Pos.TOP_LEFT);
                verdicts.getChildren().add(line);
            }
            results.getChildren().addAll(subheading("Verdicts"), verdicts);
        }
        if (!model.beforeAfter().isEmpty()) {
            FlowPane bars = new FlowPane(10, 10);
            bars.setId("result-before-after");
            model.beforeAfter().forEach(b -> bars.getChildren().add(ChartNodes.bars(b, true)));
            results.getChildren().addAll(subheading("Before and after the fix"), bars);
        }
        FlowPane cards = new FlowPane(10, 10);
        cards.setId("result-metrics");
        for (Metric m : model.metrics()) {
            cards.getChildren().add(card(m));
        }
        results.getChildren().addAll(subheading("Metrics"), cards);
        if (!model.timeSeries().isEmpty()) {
            FlowPane lines = new FlowPane(10, 10);
            lines.setId("result-time-series");
            // A scenario's lines are its variants, naive first and the fix last.
            boolean variants = !model.beforeAfter().isEmpty();
            model.timeSeries().forEach(l -> lines.getChildren().add(ChartNodes.line(l, variants)));
            results.getChildren().addAll(subheading("Over time"), lines);
        }
        if (!model.distributions().isEmpty()) {
            FlowPane dists = new FlowPane(10, 10);
            dists.setId("result-distributions");
            model.distributions().forEach(d -> dists.getChildren().add(ChartNodes.bars(d)));
            results.getChildren().addAll(subheading("Distributions"), dists);
        }
        if (!model.notes().isEmpty()) {
            VBox notes = new VBox(3);
            for (String n : model.notes()) {
                Label l = new Label("• " + n);
                l.setWrapText(true);
                l.getStyleClass().add("simulation-hint");
                notes.getChildren().add(l);
            }
            results.getChildren().addAll(subheading("Notes"), notes);
        }
    }

    private static Node card(Metric m) {
        Label label = new Label(m.label());
        label.getStyleClass().add("metric-label");
        label.setWrapText(true);
        Label value = new Label(m.text());
        value.getStyleClass().add("metric-value");
        Label ci = new Label(m.intervalText().equals("n/a") ? "single run" : "95% CI " + m.intervalText());
        ci.getStyleClass().add("metric-ci");
        ci.setWrapText(true);
        VBox card = new VBox(2, label, value, ci);
        card.setId("metric-" + m.name());
        card.getStyleClass().add("metric-card");
        card.setPrefWidth(190);
        card.setMaxWidth(190);
        return card;
    }

    private static Label subheading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("subheading");
        return l;
    }

    private void chooseExport(String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(extension.equals("csv") ? "Export the results as CSV" : "Export the results as a picture");
        chooser.getExtensionFilters().add(extension.equals("csv")
                ? new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv")
                : new FileChooser.ExtensionFilter("PNG picture (*.png)", "*.png"));
        chooser.setInitialFileName(model.suggestedExportName(extension));
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return;
        }
        if (extension.equals("csv")) {
            model.exportCsv(file.toPath());
        } else {
            model.exportPng(snapshot(), file.toPath());
        }
    }

    /** A picture of the results as shown; taken on the FX thread, as JavaFX requires. */
    public javafx.scene.image.WritableImage snapshot() {
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(javafx.scene.paint.Color.WHITE);
        return results.snapshot(params, null);
    }
}
