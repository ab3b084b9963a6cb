package dev.quorum.ui.walkthrough;

import dev.quorum.model.OutcomeValue;
import dev.quorum.model.SimulatedOutcome;
import dev.quorum.service.walkthrough.Comparison;
import dev.quorum.service.walkthrough.FixProposal;
import dev.quorum.service.walkthrough.Walkthrough;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.template.ScenarioCard;
import dev.quorum.ui.simulation.ChartNodes;
import java.util.Objects;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The walkthrough as a six-step guide: a scenario list on top, the steps on the left, the step's page in the middle,
 * and Back and Next below. It only shows what the {@link WalkthroughViewModel} holds and forwards the user's actions.
 */
public final class WalkthroughView {

    private final WalkthroughViewModel model;
    private final BorderPane root = new BorderPane();
    private final VBox page = new VBox(12);
    private final ListView<String> steps = new ListView<>();
    private final ScrollPane scroll = new ScrollPane();
    private int shownStep = -1;
    // Set while the step list follows the model, so that its selection is not taken for a click.
    private boolean following;

    public WalkthroughView(WalkthroughViewModel model) {
        this.model = model;
        root.setId("walkthrough-view");
        root.getStyleClass().add("walkthrough-view");
        root.getStylesheets().add(Objects.requireNonNull(WalkthroughView.class.getResource("/dev/quorum/ui/simulation.css"),
                "simulation.css missing from the build").toExternalForm());

        steps.setId("walkthrough-steps");
        steps.getStyleClass().add("step-list");
        steps.getItems().setAll(WalkthroughViewModel.STEPS);
        steps.setPrefWidth(230);
        steps.getSelectionModel().selectedIndexProperty().addListener((o, was, now) -> {
            if (!following && now.intValue() >= 0) {
                model.goTo(now.intValue());
                // A step that cannot be shown yet (the simulation still runs) keeps the list on the current one.
                follow();
            }
        });
        steps.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setDisable(!empty && getIndex() > 0 && model.walkthroughProperty().get() == null);
            }
        });

        page.setId("walkthrough-page");
        page.getStyleClass().add("walkthrough-page");
        page.setPadding(new Insets(16, 20, 16, 20));
        page.setFillWidth(true);
        scroll.setContent(page);
        scroll.setFitToWidth(true);
        scroll.setId("walkthrough-scroll");

        root.setTop(header());
        root.setLeft(steps);
        root.setCenter(scroll);
        root.setBottom(footer());

        InvalidationListener refresh = o -> {
            follow();
            steps.refresh();
            showPage();
        };
        model.versionProperty().addListener(refresh);
        follow();
        showPage();
    }

    /** The view's root node. */
    public Parent root() {
        return root;
    }

    private void follow() {
        following = true;
        steps.getSelectionModel().select(model.stepProperty().get());
        following = false;
    }

    private Node header() {
        ComboBox<ScenarioCard> scenarios = new ComboBox<>(model.scenarios());
        scenarios.setId("walkthrough-scenario");
        scenarios.setPromptText("Choose a scenario of the guide…");
        scenarios.setVisibleRowCount(16);
        scenarios.setPrefWidth(420);
        scenarios.setConverter(new StringConverter<>() {
            @Override
            public String toString(ScenarioCard card) {
                return card == null ? "" : card.title() + " — " + card.theme();
            }

            @Override
            public ScenarioCard fromString(String text) {
                return null;
            }
        });
        scenarios.valueProperty().bindBidirectional(model.scenarioProperty());
        Button again = new Button("Run Again");
        again.setId("walkthrough-rerun");
        again.setOnAction(e -> model.start());
        again.disableProperty().bind(model.scenarioProperty().isNull().or(model.runningProperty()));
        Button cancel = new Button("Cancel");
        cancel.setId("walkthrough-cancel");
        cancel.setOnAction(e -> model.cancel());
        cancel.visibleProperty().bind(model.runningProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        ProgressBar progress = new ProgressBar();
        progress.setId("walkthrough-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label status = new Label();
        status.setId("walkthrough-status");
        status.textProperty().bind(model.statusProperty());
        status.setMinWidth(0);
        Label stale = new Label("The design changed since this walkthrough ran: Run Again to update its figures.");
        stale.getStyleClass().add("simulation-warning");
        stale.visibleProperty().bind(model.staleProperty());
        stale.managedProperty().bind(stale.visibleProperty());
        Label title = new Label("Walk through a scenario");
        title.getStyleClass().add("pane-title-text");
        HBox bar = new HBox(10, new Label("Scenario"), scenarios, again, cancel, progress, status, stale);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add("walkthrough-header");
        return bar;
    }

    private Node footer() {
        Button back = new Button("← Back");
        back.setId("walkthrough-back");
        back.setOnAction(e -> model.back());
        back.disableProperty().bind(model.stepProperty().isEqualTo(0));
        Button next = new Button("Next →");
        next.setId("walkthrough-next");
        next.setDefaultButton(true);
        next.setOnAction(e -> model.next());
        next.disableProperty().bind(model.canGoNext().not());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(10, spacer, back, next);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    private void showPage() {
        page.getChildren().clear();
        if (shownStep != model.stepProperty().get()) {
            // A new step starts at its top; a redraw of the same step (after Apply) keeps the place.
            shownStep = model.stepProperty().get();
            scroll.setVvalue(0);
        }
        ScenarioCard card = model.scenarioProperty().get();
        if (card == null) {
            page.getChildren().addAll(heading("Walk through a scenario"), text("Choose one of the guide's fifteen scenarios "
                    + "above. Quorum simulates it on this design with the design's own figures, shows the fix and what it "
                    + "changes, and records the outcome in the design."));
            return;
        }
        Walkthrough w = model.walkthroughProperty().get();
        int step = model.stepProperty().get();
        page.getChildren().add(heading(WalkthroughViewModel.STEPS.get(step).replaceFirst("^\\d\\. ", "") + ": " + card.title()));
        if (step > 0 && w == null) {
            page.getChildren().add(text(model.failureProperty().get().isEmpty() ? "Simulating…" : model.failureProperty().get()));
            return;
        }
        switch (step) {
            case 0 -> scenarioPage(card, w);
            case 1 -> designPage(w);
            case 2 -> mechanismPage(card);
            case 3 -> simulatedPage(w);
            case 4 -> fixPage(w);
            default -> outcomePage(w);
        }
    }

    private void scenarioPage(ScenarioCard card, Walkthrough w) {
        Label meta = new Label(card.theme() + " · " + card.group().label());
        meta.getStyleClass().add("simulation-hint");
        page.getChildren().addAll(meta, label("What happens"), text(card.scenario()), label("Why it matters"),
                text(card.technicalProblem()), label("When it applies"), text(card.scope()));
        if (!model.failureProperty().get().isEmpty()) {
            page.getChildren().add(warning(model.failureProperty().get()));
        } else if (w != null && !w.fits()) {
            page.getChildren().add(outOfScope(w));
        }
    }

    private void designPage(Walkthrough w) {
        if (!w.fits()) {
            page.getChildren().add(outOfScope(w));
            return;
        }
        Label variant = new Label("This design: " + w.designVariantLabel());
        variant.setId("walkthrough-variant");
        variant.getStyleClass().add("walkthrough-text");
        variant.setStyle("-fx-font-weight: bold;");
        page.getChildren().addAll(variant, text(w.evidence().isEmpty()
                ? "Assumed: the design does not say otherwise, so it is taken to do what most systems do first."
                : "Read from the design: " + w.evidence()));
        if (w.alreadyFixed()) {
            page.getChildren().add(text("The design already uses the fix; the figures below compare it with the naive design."));
        }
        GridPane grid = grid("walkthrough-design-metrics", "Measure", "This design (" + w.claimed().stream().findFirst()
                .map(Comparison::beforeLabel).orElse(w.designVariantLabel()) + ")", "95% CI");
        int row = 1;
        for (Comparison c : w.comparisons()) {
            grid.addRow(row++, cell(c.label()), cell(c.before().text()), cell(c.before().intervalText()));
        }
        page.getChildren().addAll(label("How it fares"), grid);
        long fromDesign = w.result().parameters().stream().filter(v -> v.origin() == ParameterValue.Origin.DESIGN).count();
        GridPane params = grid("walkthrough-parameters", "Parameter", "Value", "Where it comes from");
        int line = 1;
        for (ParameterValue v : w.result().parameters()) {
            boolean stated = v.origin() == ParameterValue.Origin.DESIGN;
            Label where = cell(v.origin().name().toLowerCase(java.util.Locale.ROOT) + (v.detail().isEmpty() ? "" : ": " + v.detail()));
            where.setMaxWidth(560);
            Label name = cell(v.parameter().label());
            Label value = cell(v.text());
            if (!stated) {
                // The design's own figures stand out; the defaults that fill the gaps are muted.
                for (Label l : new Label[] {name, value, where}) {
                    l.getStyleClass().add("simulation-hint");
                }
            }
            params.addRow(line++, name, value, where);
        }
        page.getChildren().addAll(label("Parameters (" + fromDesign + " from the design, the rest documented defaults)"), params);
    }

    private void mechanismPage(ScenarioCard card) {
        page.getChildren().addAll(label("The fix"), text(card.solution()), label("How it works"), text(card.mechanism()),
                label("What it buys, and what it costs"), text(card.benefit()));
    }

    private void simulatedPage(Walkthrough w) {
        if (!w.fits()) {
            page.getChildren().add(outOfScope(w));
            return;
        }
        GridPane grid = grid("walkthrough-comparison", "Measure", "Before", "After", "Change");
        int row = 1;
        for (Comparison c : w.comparisons()) {
            Label change = cell(c.changeText().isEmpty() ? "—" : c.changeText());
            if (c.measure().claimed() && !c.changeText().isEmpty() && !c.changeText().equals("unchanged")) {
                change.getStyleClass().add(c.improved() ? "change-improved" : "change-worse");
            }
            grid.addRow(row++, cell(c.label() + (c.measure().claimed() ? "" : " (shown)")), cell(c.before().text()),
                    cell(c.after().text()), change);
        }
        Comparison first = w.comparisons().isEmpty() ? null : w.comparisons().get(0);
        page.getChildren().add(text(first == null ? "" : "Before: " + first.beforeLabel() + ".  After: " + first.afterLabel()
                + ".  Same seeded workload, " + w.result().replications() + " replications, seed " + w.result().seed() + "."));
        page.getChildren().add(grid);
        FlowPane charts = new FlowPane(10, 10);
        charts.setId("walkthrough-charts");
        model.charts().forEach(c -> charts.getChildren().add(ChartNodes.bars(c, true)));
        page.getChildren().add(charts);
    }

    private void fixPage(Walkthrough w) {
        FixProposal fix = w.fix();
        page.getChildren().addAll(label("The change"), text(fix.text()));
        if (!fix.changes().isEmpty()) {
            VBox changes = new VBox(3);
            changes.setId("walkthrough-changes");
            fix.changes().forEach(c -> {
                Label l = new Label("• " + c);
                l.setWrapText(true);
                changes.getChildren().add(l);
            });
            page.getChildren().addAll(label("In this design"), changes);
        }
        Button apply = new Button("Apply to the Design");
        apply.setId("walkthrough-apply");
        apply.setOnAction(e -> model.apply());
        apply.setDisable(!model.canApplyProperty().get());
        Label why = new Label(model.applyBlockedProperty().get());
        why.setId("walkthrough-apply-blocked");
        why.setWrapText(true);
        why.getStyleClass().add("simulation-hint");
        HBox actions = new HBox(10, apply, why);
        actions.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(why, Priority.ALWAYS);
        page.getChildren().addAll(actions, hint("Apply makes the change and records the outcome as one step; Edit › Undo "
                + "(Ctrl+Z) takes it back."));
        if (!fix.example().isBlank()) {
            Label example = new Label(fix.example());
            example.getStyleClass().add("walkthrough-code");
            example.setWrapText(true);
            page.getChildren().addAll(label("For example"), example);
        }
    }

    private void outcomePage(Walkthrough w) {
        SimulatedOutcome o = model.recordedProperty().get();
        if (o == null) {
            page.getChildren().add(text("Nothing is recorded for this scenario in the design (an undo may have taken it back)."));
            Button record = new Button("Record Outcome");
            record.setId("walkthrough-record");
            record.setOnAction(e -> model.recordIfNeeded());
            page.getChildren().add(record);
            return;
        }
        Label title = new Label(o.title());
        title.setId("walkthrough-recorded");
        title.getStyleClass().add("walkthrough-text");
        title.setStyle("-fx-font-weight: bold;");
        VBox lines = new VBox(3);
        lines.setId("walkthrough-recorded-lines");
        o.verdicts().forEach(v -> {
            Label l = new Label("• " + v);
            l.setWrapText(true);
            lines.getChildren().add(l);
        });
        page.getChildren().addAll(text("Recorded in the design" + (o.seed().isEmpty() ? "" : ", with seed " + o.seed()
                + " and " + o.replications() + " replications so it can be reproduced") + "."), title, lines);
        if (!o.metrics().isEmpty()) {
            GridPane grid = grid("walkthrough-recorded-metrics", "Metric", "Value", "95% CI");
            int row = 1;
            for (OutcomeValue m : o.metrics()) {
                grid.addRow(row++, cell(m.label()), cell(m.value()), cell(m.detail()));
            }
            page.getChildren().addAll(label("Figures recorded"), grid);
        }
        page.getChildren().add(hint("It appears in File › Export Markdown under \"Simulated outcomes\"."
                + (w.fits() ? "" : " The scenario does not fit this design, so no figures were invented for it.")));
    }

    private static Node outOfScope(Walkthrough w) {
        Label l = warning("This scenario does not fit this design: " + w.outOfScope().orElse("")
                + ". Quorum shows no figures for it rather than invent them.");
        l.setId("walkthrough-out-of-scope");
        return l;
    }

    private static Label heading(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("section-title");
        l.setWrapText(true);
        return l;
    }

    private static Label label(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("subheading");
        return l;
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("walkthrough-text");
        l.setWrapText(true);
        return l;
    }

    private static Label hint(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("simulation-hint");
        l.setWrapText(true);
        return l;
    }

    private static Label warning(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("simulation-warning");
        l.setWrapText(true);
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private static GridPane grid(String id, String... headings) {
        GridPane grid = new GridPane();
        grid.setId(id);
        grid.getStyleClass().add("comparison-grid");
        grid.setHgap(18);
        grid.setVgap(5);
        for (int i = 0; i < headings.length; i++) {
            Label h = new Label(headings[i]);
            h.getStyleClass().add("comparison-head");
            grid.add(h, i, 0);
        }
        return grid;
    }

    private static Label cell(String s) {
        Label l = new Label(s);
        l.setWrapText(true);
        l.setMaxWidth(420);
        return l;
    }
}
