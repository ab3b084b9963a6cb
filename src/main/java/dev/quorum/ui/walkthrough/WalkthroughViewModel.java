package dev.quorum.ui.walkthrough;

import dev.quorum.model.Design;
import dev.quorum.model.SimulatedOutcome;
import dev.quorum.service.SimulationService;
import dev.quorum.service.walkthrough.Comparison;
import dev.quorum.service.walkthrough.Decision;
import dev.quorum.service.walkthrough.Walkthrough;
import dev.quorum.service.walkthrough.WalkthroughService;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.CancelledException;
import dev.quorum.template.ScenarioCard;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.edit.ReplaceDesign;
import dev.quorum.ui.simulation.ResultCharts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The walkthrough's state and actions: six steps from the scenario to the outcome recorded in the design. Choosing
 * a scenario runs it on the open design in the background (parameters from the design, the card's defaults
 * elsewhere); "Apply" makes the fix as one undoable edit; reaching the last step records the outcome, with the
 * decision, when the fix was not applied.
 */
public final class WalkthroughViewModel {

    /** The steps, in order. */
    public static final List<String> STEPS = List.of(
            "1. The scenario",
            "2. How this design fares",
            "3. The mechanism and the fix",
            "4. The fix simulated",
            "5. What the fix changes",
            "6. The outcome");
    /** The index of the last step. */
    public static final int LAST_STEP = STEPS.size() - 1;

    private static final System.Logger LOG = System.getLogger(WalkthroughViewModel.class.getName());

    private final WalkthroughService service;
    private final BackgroundExecutor executor;
    private final EditSession session;
    private final ObservableList<ScenarioCard> scenarios = FXCollections.observableArrayList();
    private final ObjectProperty<ScenarioCard> scenario = new SimpleObjectProperty<>(this, "scenario");
    private final ReadOnlyIntegerWrapper step = new ReadOnlyIntegerWrapper(this, "step", 0);
    private final ReadOnlyObjectWrapper<Walkthrough> walkthrough = new ReadOnlyObjectWrapper<>(this, "walkthrough");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper(this, "failure", "");
    private final ReadOnlyObjectWrapper<SimulatedOutcome> recorded = new ReadOnlyObjectWrapper<>(this, "recorded");
    private final ReadOnlyBooleanWrapper applied = new ReadOnlyBooleanWrapper(this, "applied", false);
    private final ReadOnlyBooleanWrapper canApply = new ReadOnlyBooleanWrapper(this, "canApply", false);
    private final ReadOnlyStringWrapper applyBlocked = new ReadOnlyStringWrapper(this, "applyBlocked", "");
    private final ObservableList<ResultCharts.BarChartData> charts = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale", false);
    private final BooleanBinding canGoNext;
    // The designs this walkthrough knows: the one it ran on and those its own edits made. Any other means the
    // design changed under it, and its figures may no longer hold.
    private final java.util.Set<Design> known = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private final javafx.beans.property.ReadOnlyLongWrapper version = new javafx.beans.property.ReadOnlyLongWrapper(this, "version", 0);
    private Cancellation cancellation;
    private long generation;

    /** A view model over {@code service}, running through {@code executor}, reading and editing {@code session}'s design. */
    public WalkthroughViewModel(WalkthroughService service, BackgroundExecutor executor, EditSession session) {
        this.service = service;
        this.executor = executor;
        this.session = session;
        scenarios.setAll(service.scenarios());
        canGoNext = Bindings.createBooleanBinding(() -> step.get() < LAST_STEP && walkthrough.get() != null, step, walkthrough);
        scenario.addListener((o, was, now) -> {
            step.set(0);
            start();
        });
        // Undo and redo change the design under the walkthrough; what is recorded (and applied) is read from it.
        session.revisionProperty().addListener((o, was, now) -> {
            if (walkthrough.get() == null && !running.get() && scenario.get() != null && session.design() != null
                    && !failure.get().isEmpty()) {
                // A scenario chosen before any design was open runs once one is.
                start();
                return;
            }
            refreshRecorded();
            stale.set(walkthrough.get() != null && !known.contains(session.design()));
        });
    }

    /** Chooses the scenario with this card id; false when there is none. */
    public boolean choose(String scenarioId) {
        Optional<ScenarioCard> card = scenarios.stream().filter(c -> c.id().equals(scenarioId)).findFirst();
        card.ifPresent(scenario::set);
        return card.isPresent();
    }

    /** Walks the open design through the chosen scenario again, in the background. */
    public void start() {
        if (cancellation != null) {
            cancellation.cancel();
        }
        walkthrough.set(null);
        charts.clear();
        failure.set("");
        stale.set(false);
        known.clear();
        refreshRecorded();
        ScenarioCard card = scenario.get();
        Design d = session.design();
        if (card == null) {
            running.set(false);
            changed();
            return;
        }
        if (d == null) {
            failure.set("No design is open.");
            running.set(false);
            changed();
            return;
        }
        known.add(d);
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        long request = ++generation;
        running.set(true);
        progress.set(0);
        status.set("Simulating " + card.title() + " on this design…");
        changed();
        executor.submitComputation("Walking through " + card.title() + "…",
                () -> service.run(d, card.id(), Map.of(), SimulationService.DEFAULT_SEED, SimulationService.DEFAULT_REPLICATIONS,
                        (done, total) -> Platform.runLater(() -> {
                            if (request == generation) {
                                progress.set(total == 0 ? 0 : (double) done / total);
                            }
                        }), cancel),
                w -> {
                    if (request != generation) {
                        return;
                    }
                    done();
                    charts.setAll(charts(w));
                    walkthrough.set(w);
                    status.set(w.fits() ? "" : "This scenario does not fit the design.");
                    refreshRecorded();
                    if (step.get() == LAST_STEP) {
                        recordIfNeeded();
                    }
                    changed();
                },
                error -> {
                    if (request != generation) {
                        return;
                    }
                    done();
                    if (error instanceof CancelledException) {
                        status.set("Cancelled.");
                        changed();
                        return;
                    }
                    LOG.log(System.Logger.Level.WARNING, "walkthrough failed", error);
                    failure.set("Cannot walk through " + card.title() + ": " + (error.getMessage() == null
                            ? error.getClass().getSimpleName() : error.getMessage()));
                    status.set("");
                    changed();
                });
    }

    private void done() {
        running.set(false);
        progress.set(0);
        cancellation = null;
    }

    /** Stops the simulation in progress. */
    public void cancel() {
        if (cancellation != null) {
            cancellation.cancel();
            cancellation = null;
            generation++;
            done();
            status.set("Cancelled.");
            changed();
        }
    }

    private void changed() {
        version.set(version.get() + 1);
    }

    /** Bar charts of the claimed measures: the design's variant (or the naive one) against the fix. */
    static List<ResultCharts.BarChartData> charts(Walkthrough w) {
        List<ResultCharts.BarChartData> out = new ArrayList<>();
        for (Comparison c : w.claimed()) {
            String label = c.label().isEmpty() ? c.label() : c.label().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + c.label().substring(1);
            out.add(new ResultCharts.BarChartData(label, c.unit(), List.of(c.label()), List.of(
                    new ResultCharts.BarSeries("before: " + c.beforeLabel(), List.of(c.before().value())),
                    new ResultCharts.BarSeries("after: " + c.afterLabel(), List.of(c.after().value())))));
        }
        return out;
    }

    /** Goes to the next step; reaching the last one records the outcome when the fix was not applied. */
    public void next() {
        if (canGoNext().get()) {
            goTo(step.get() + 1);
        }
    }

    /** Goes to the previous step. */
    public void back() {
        if (step.get() > 0) {
            goTo(step.get() - 1);
        }
    }

    /** Goes to step {@code index} (0-based); the steps after the first wait for the simulation. */
    public void goTo(int index) {
        int target = Math.max(0, Math.min(LAST_STEP, index));
        if (target > 0 && walkthrough.get() == null) {
            return;
        }
        step.set(target);
        if (target == LAST_STEP) {
            recordIfNeeded();
        }
        changed();
    }

    /** True when Next may be pressed: not at the end, and past the first step only once the walkthrough ran. */
    public BooleanBinding canGoNext() {
        return canGoNext;
    }

    /**
     * Applies the fix to the open design and records the outcome, as one undoable edit; false when it cannot be
     * applied (the reason is {@link #applyBlockedProperty()}).
     */
    public boolean apply() {
        Walkthrough w = walkthrough.get();
        Design before = session.design();
        if (w == null || before == null || !canApply.get()) {
            return false;
        }
        Design after;
        try {
            after = service.apply(before, w);
        } catch (IllegalStateException e) {
            status.set(e.getMessage());
            return false;
        }
        known.add(after);
        session.apply(new ReplaceDesign(before, after, "Apply " + w.card().title() + " fix", ""));
        status.set("Fix applied and outcome recorded; Edit › Undo takes it back in one step.");
        return true;
    }

    /**
     * Records the outcome in the open design with the decision "not applied" ("already in the design", "out of
     * scope"), as one undoable edit, unless the fix was applied, which recorded it already.
     */
    public void recordIfNeeded() {
        Walkthrough w = walkthrough.get();
        Design before = session.design();
        if (w == null || before == null || applied.get()) {
            return;
        }
        Decision decision = WalkthroughService.unapplied(w);
        Design after = service.record(before, w, decision);
        if (after.equals(before)) {
            return;
        }
        known.add(after);
        session.apply(new ReplaceDesign(before, after, "Record " + w.card().title() + " walkthrough", ""));
    }

    /** Reads what the open design records for the chosen scenario, and whether the fix was applied. */
    private void refreshRecorded() {
        ScenarioCard card = scenario.get();
        Design d = session.design();
        SimulatedOutcome found = null;
        if (card != null && d != null) {
            String title = WalkthroughService.OUTCOME_PREFIX + card.title();
            found = d.outcomes().stream().filter(o -> o.title().equals(title)).reduce((a, b) -> b).orElse(null);
        }
        boolean isApplied = found != null && found.verdicts().contains("Decision: " + Decision.APPLIED.text());
        Walkthrough w = walkthrough.get();
        canApply.set(w != null && w.fix().applicable() && !isApplied);
        applyBlocked.set(w == null ? "" : isApplied ? "The fix is applied to the design."
                : w.fix().applicable() ? "" : "Cannot apply: " + w.fix().whyNot());
        applied.set(isApplied);
        recorded.set(found);
        changed();
    }

    /** True when the design changed since the walkthrough ran (other than by its own Apply or record). */
    public ReadOnlyBooleanProperty staleProperty() {
        return stale.getReadOnlyProperty();
    }

    /** Counts every change of what the steps show, so the view redraws the page once per change. */
    public javafx.beans.property.ReadOnlyLongProperty versionProperty() {
        return version.getReadOnlyProperty();
    }

    /** The scenarios of the guide, in its order. */
    public ObservableList<ScenarioCard> scenarios() {
        return scenarios;
    }

    /** The chosen scenario. */
    public ObjectProperty<ScenarioCard> scenarioProperty() {
        return scenario;
    }

    /** The step shown, from 0. */
    public ReadOnlyIntegerProperty stepProperty() {
        return step.getReadOnlyProperty();
    }

    /** The walkthrough of the chosen scenario on the open design; null while it runs. */
    public ReadOnlyObjectProperty<Walkthrough> walkthroughProperty() {
        return walkthrough.getReadOnlyProperty();
    }

    /** The comparisons of the measures the fix claims to improve, as bar charts. */
    public ObservableList<ResultCharts.BarChartData> charts() {
        return charts;
    }

    /** True while the scenario is simulated. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share of replications done, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line on what is happening: simulating, cancelled, applied. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the walkthrough could not run; empty when it could. */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** The outcome the open design records for the chosen scenario; null when none. */
    public ReadOnlyObjectProperty<SimulatedOutcome> recordedProperty() {
        return recorded.getReadOnlyProperty();
    }

    /** True when the open design records that the fix was applied. */
    public ReadOnlyBooleanProperty appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    /** True when "Apply" can change the design. */
    public ReadOnlyBooleanProperty canApplyProperty() {
        return canApply.getReadOnlyProperty();
    }

    /** Why "Apply" is disabled; empty when it is not. */
    public ReadOnlyStringProperty applyBlockedProperty() {
        return applyBlocked.getReadOnlyProperty();
    }
}
