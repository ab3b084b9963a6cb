package dev.quorum.ui.simulation;

import dev.quorum.model.Design;
import dev.quorum.service.SimulationReport;
import dev.quorum.service.SimulationService;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.CancelledException;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.edit.ReplaceDesign;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.util.Duration;

/**
 * The simulation view's state and actions: which model or guide scenario, its parameters pre-filled from the open
 * design (each with where its value comes from), the run with progress and cancel through the
 * {@link BackgroundExecutor}, the result as metrics, verdicts and chart data, export as CSV or PNG, and recording
 * the result in the design as one undoable edit. A run that took under {@link #AUTO_RERUN_MILLIS} ms runs again
 * by itself shortly after a parameter changes.
 */
public final class SimulationViewModel {

    /** A run faster than this re-runs by itself when a parameter changes. */
    public static final long AUTO_RERUN_MILLIS = 200;
    /** How long the parameters must rest before an automatic re-run, so a dragged slider runs once. */
    public static final Duration RERUN_DELAY = Duration.millis(250);

    private static final System.Logger LOG = System.getLogger(SimulationViewModel.class.getName());

    /** An entry of the model list: a model, or the heading of a group of models. */
    public record ModelChoice(String id, String title, String group, boolean heading) {
        @Override
        public String toString() {
            return title;
        }
    }

    /** A finished run: the result and how long the simulation took. */
    record Timed(SimulationResult result, long millis) {
    }

    private final SimulationService service;
    private final BackgroundExecutor executor;
    private final EditSession session;
    private final ObservableList<ModelChoice> choices = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<ParameterField> fields = FXCollections.observableArrayList();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private final StringProperty seed = new SimpleStringProperty(this, "seed", Long.toString(SimulationService.DEFAULT_SEED));
    private final IntegerProperty replications = new SimpleIntegerProperty(this, "replications", SimulationService.DEFAULT_REPLICATIONS);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final ReadOnlyStringWrapper notApplicable = new ReadOnlyStringWrapper(this, "notApplicable", "");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<SimulationResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyLongWrapper lastRunMillis = new ReadOnlyLongWrapper(this, "lastRunMillis", -1);
    private final ReadOnlyBooleanWrapper autoRerun = new ReadOnlyBooleanWrapper(this, "autoRerun", false);
    private final ReadOnlyLongWrapper runs = new ReadOnlyLongWrapper(this, "runs", 0);
    private final ReadOnlyBooleanWrapper canRun = new ReadOnlyBooleanWrapper(this, "canRun", false);
    private final BooleanProperty stale = new SimpleBooleanProperty(this, "stale", false);
    private final ObservableList<Metric> metrics = FXCollections.observableArrayList();
    private final ObservableList<Verdict> verdicts = FXCollections.observableArrayList();
    private final ObservableList<String> notes = FXCollections.observableArrayList();
    private final ObservableList<ResultCharts.LineChartData> timeSeries = FXCollections.observableArrayList();
    private final ObservableList<ResultCharts.BarChartData> beforeAfter = FXCollections.observableArrayList();
    private final ObservableList<ResultCharts.BarChartData> distributions = FXCollections.observableArrayList();
    private final PauseTransition rerun = new PauseTransition(RERUN_DELAY);
    private Cancellation cancellation;
    private long generation;
    // True while fields are rebuilt or re-resolved, so that filling them is not taken for the user's edits.
    private boolean resolving;
    private boolean reverting;
    // Counts parameter changes, so a result made from older values is shown as stale.
    private long inputs;

    /** A view model over {@code service}, running through {@code executor}, reading and editing {@code session}'s design. */
    public SimulationViewModel(SimulationService service, BackgroundExecutor executor, EditSession session) {
        this.service = service;
        this.executor = executor;
        this.session = session;
        choices.setAll(listChoices(service.models()));
        rerun.setOnFinished(e -> run());
        selected.addListener((o, was, now) -> {
            if (reverting) {
                return;
            }
            if (now != null && now.heading()) {
                // A heading is a label, not a model: keep what was chosen.
                reverting = true;
                selected.set(was);
                reverting = false;
                return;
            }
            modelChanged();
        });
        session.revisionProperty().addListener((o, was, now) -> designChanged());
        seed.addListener((o, was, now) -> parametersChanged());
        replications.addListener((o, was, now) -> parametersChanged());
        choices.stream().filter(c -> !c.heading()).findFirst().ifPresent(selected::set);
    }

    /** The models grouped for the list: the design's what-ifs, then the guide's scenarios, each under a heading. */
    static List<ModelChoice> listChoices(List<Model> models) {
        Map<String, List<ModelChoice>> groups = new LinkedHashMap<>();
        for (Model m : models) {
            String group = groupTitle(m.family());
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(new ModelChoice(m.id(), m.title(), group, false));
        }
        List<ModelChoice> out = new ArrayList<>();
        for (Map.Entry<String, List<ModelChoice>> g : groups.entrySet()) {
            out.add(new ModelChoice("", g.getKey(), g.getKey(), true));
            out.addAll(g.getValue());
        }
        return out;
    }

    private static String groupTitle(String family) {
        return switch (family) {
            case "what-if" -> "What-ifs on this design";
            case "scenario" -> "Guide scenarios";
            default -> family.substring(0, 1).toUpperCase(Locale.ROOT) + family.substring(1);
        };
    }

    /** Chooses the model or scenario with this id; false when there is none. */
    public boolean choose(String modelId) {
        Optional<ModelChoice> c = choices.stream().filter(m -> !m.heading() && m.id().equals(modelId)).findFirst();
        c.ifPresent(selected::set);
        return c.isPresent();
    }

    private void modelChanged() {
        cancel();
        rerun.stop();
        overrides.clear();
        clearResult();
        lastRunMillis.set(-1);
        autoRerun.set(false);
        ModelChoice c = selected.get();
        if (c == null) {
            fields.clear();
            summary.set("");
            return;
        }
        Model m = service.model(c.id());
        summary.set(m.summary());
        List<ParameterField> built = new ArrayList<>();
        for (var p : m.parameters()) {
            built.add(new ParameterField(p, this::fieldEdited));
        }
        fields.setAll(built);
        resolve(null);
        status.set("");
    }

    /** The open design changed: origins and values from the design are read again; the user's overrides stay. */
    private void designChanged() {
        if (selected.get() == null) {
            return;
        }
        List<String> before = values();
        resolve(null);
        // Most edits (recording this very outcome, say) leave the model's inputs as they were: nothing to re-run.
        if (!values().equals(before)) {
            parametersChanged();
        }
    }

    private List<String> values() {
        return fields.stream().map(f -> f.textProperty().get() + "|" + f.originProperty().get()).toList();
    }

    private void fieldEdited(ParameterField field, String text) {
        if (resolving) {
            return;
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            // An empty field gives the parameter back to the design or the default.
            overrides.remove(field.name());
            field.setError("");
            resolve(null);
            parametersChanged();
            return;
        }
        try {
            field.check(t);
        } catch (IllegalArgumentException e) {
            field.setError(e.getMessage());
            updateCanRun();
            return;
        }
        field.setError("");
        overrides.put(field.name(), t);
        resolve(field);
        parametersChanged();
    }

    /** Gives a parameter back to the design or the default. */
    public void reset(ParameterField field) {
        overrides.remove(field.name());
        field.setError("");
        resolve(null);
        parametersChanged();
    }

    /** Gives every parameter back to the design or the default. */
    public void resetAll() {
        overrides.clear();
        fields.forEach(f -> f.setError(""));
        resolve(null);
        parametersChanged();
    }

    /** Reads the values a run would use; {@code editing} keeps the text the user is typing as it is. */
    private void resolve(ParameterField editing) {
        ModelChoice c = selected.get();
        Design d = session.design();
        if (c == null) {
            return;
        }
        notApplicable.set(d == null ? "No design is open." : service.notApplicable(d, c.id()).orElse(""));
        resolving = true;
        try {
            ParameterSet values = service.parameters(d, c.id(), Map.copyOf(overrides));
            for (ParameterField f : fields) {
                ParameterValue v = values.value(f.name());
                f.show(v, f == editing);
            }
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
        } finally {
            resolving = false;
        }
        updateCanRun();
    }

    private void updateCanRun() {
        canRun.set(selected.get() != null && session.design() != null && notApplicable.get().isEmpty()
                && fields.stream().allMatch(f -> f.errorProperty().get().isEmpty()) && seedValue().isPresent()
                && replications.get() >= 1);
    }

    private void parametersChanged() {
        inputs++;
        updateCanRun();
        if (result.get() != null) {
            stale.set(true);
        }
        if (autoRerun.get() && canRun.get()) {
            rerun.playFromStart();
        }
    }

    private Optional<Long> seedValue() {
        try {
            return Optional.of(Long.parseLong(seed.get().strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs the chosen model on the open design in the background; a run already going is cancelled first. */
    public void run() {
        rerun.stop();
        ModelChoice c = selected.get();
        Design d = session.design();
        updateCanRun();
        if (c == null || d == null || !canRun.get()) {
            status.set(d == null ? "No design is open." : !notApplicable.get().isEmpty() ? notApplicable.get()
                    : "Some values cannot be used; see the fields marked in red.");
            return;
        }
        if (cancellation != null) {
            cancellation.cancel();
        }
        Cancellation cancel = new Cancellation();
        cancellation = cancel;
        long request = ++generation;
        Map<String, String> values = Map.copyOf(overrides);
        long seedNumber = seedValue().orElse(SimulationService.DEFAULT_SEED);
        int reps = replications.get();
        running.set(true);
        progress.set(0);
        status.set("Running " + c.title() + "…");
        try {
            submit(c, d, values, seedNumber, reps, cancel, request, inputs);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // The window is closing and its executor has stopped: a re-run that fires now has nowhere to run.
            finish();
        }
    }

    private void submit(ModelChoice c, Design d, Map<String, String> values, long seedNumber, int reps, Cancellation cancel,
            long request, long madeFrom) {
        String id = c.id();
        executor.submitComputation("Simulating " + c.title() + "…", () -> {
            long start = System.nanoTime();
            SimulationResult r = service.run(d, id, values, seedNumber, reps,
                    (done, total) -> Platform.runLater(() -> {
                        if (request == generation) {
                            progress.set(total == 0 ? 0 : (double) done / total);
                        }
                    }), cancel);
            return new Timed(r, (System.nanoTime() - start) / 1_000_000);
        }, timed -> {
            if (request != generation) {
                return;
            }
            finish();
            lastRunMillis.set(timed.millis());
            autoRerun.set(timed.millis() < AUTO_RERUN_MILLIS);
            show(timed.result(), madeFrom != inputs);
            status.set("Ran " + reps + (reps == 1 ? " replication" : " replications") + " in " + timed.millis() + " ms"
                    + (autoRerun.get() ? "; changes re-run by themselves." : "."));
        }, error -> {
            if (request != generation) {
                return;
            }
            finish();
            if (error instanceof CancelledException) {
                status.set("Cancelled.");
            } else {
                LOG.log(System.Logger.Level.WARNING, "simulation failed", error);
                status.set("The simulation failed: " + (error.getMessage() == null ? error.getClass().getSimpleName()
                        : error.getMessage()));
            }
        });
    }

    private void finish() {
        running.set(false);
        progress.set(0);
        cancellation = null;
    }

    /** Stops the run in progress; its result, when it comes, is dropped. */
    public void cancel() {
        rerun.stop();
        if (cancellation != null) {
            cancellation.cancel();
            cancellation = null;
            generation++;
            running.set(false);
            progress.set(0);
            status.set("Cancelled.");
        }
    }

    private void show(SimulationResult r, boolean outdated) {
        Model m = service.model(r.model());
        // The lists first: the view redraws when the result or the run count changes, and reads them then.
        metrics.setAll(r.metrics());
        verdicts.setAll(r.verdicts());
        notes.setAll(r.notes());
        timeSeries.setAll(ResultCharts.timeSeries(r));
        beforeAfter.setAll(ResultCharts.beforeAfter(m, r));
        distributions.setAll(ResultCharts.distributions(m, r));
        stale.set(outdated);
        result.set(r);
        runs.set(runs.get() + 1);
    }

    private void clearResult() {
        stale.set(false);
        metrics.clear();
        verdicts.clear();
        notes.clear();
        timeSeries.clear();
        beforeAfter.clear();
        distributions.clear();
        result.set(null);
    }

    /** Records the result shown in the open design, as one undoable edit; false when there is nothing to record. */
    public boolean recordOutcome() {
        SimulationResult r = result.get();
        Design before = session.design();
        if (r == null || before == null) {
            return false;
        }
        Design after = service.record(before, r);
        session.apply(new ReplaceDesign(before, after, "Record outcome of " + r.title(), ""));
        status.set("Recorded in the design; it appears under Simulated outcomes in the Markdown export.");
        return true;
    }

    /** Writes the result as CSV in the background. */
    public void exportCsv(Path target) {
        SimulationResult r = result.get();
        if (r == null) {
            status.set("Nothing to export: run the simulation first.");
            return;
        }
        Path out = target.toAbsolutePath().normalize();
        executor.submit("Exporting the results…", () -> {
            writeAtomically(out, SimulationReport.csv(List.of(r)).getBytes(StandardCharsets.UTF_8));
            return out;
        }, written -> status.set("Exported to " + written), error -> status.set("Cannot export to " + out + ": "
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())));
    }

    /**
     * Writes a picture of the results as PNG: the pixels are read here, on the FX thread, and encoded and written
     * in the background.
     */
    public void exportPng(Image picture, Path target) {
        if (picture == null || result.get() == null) {
            status.set("Nothing to export: run the simulation first.");
            return;
        }
        int w = (int) picture.getWidth();
        int h = (int) picture.getHeight();
        int[] argb = new int[w * h];
        picture.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        Path out = target.toAbsolutePath().normalize();
        executor.submit("Exporting the picture…", () -> {
            BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            image.setRGB(0, 0, w, h, argb, 0, w);
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            if (!javax.imageio.ImageIO.write(image, "png", bytes)) {
                throw new IOException("no PNG writer available");
            }
            writeAtomically(out, bytes.toByteArray());
            return out;
        }, written -> status.set("Exported to " + written), error -> status.set("Cannot export to " + out + ": "
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())));
    }

    /** A file name for an export: the model's id and the extension. */
    public String suggestedExportName(String extension) {
        ModelChoice c = selected.get();
        return (c == null ? "simulation" : c.id()) + "." + extension;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".quorum-simulation-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** The models and scenarios, under their group headings. */
    public ObservableList<ModelChoice> choices() {
        return choices;
    }

    /** The chosen model or scenario. */
    public ObjectProperty<ModelChoice> selectedProperty() {
        return selected;
    }

    /** The chosen model's parameters. */
    public ObservableList<ParameterField> fields() {
        return fields;
    }

    /** The field of a parameter by name. */
    public Optional<ParameterField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The seed, as typed. */
    public StringProperty seedProperty() {
        return seed;
    }

    /** How many replications a run makes. */
    public IntegerProperty replicationsProperty() {
        return replications;
    }

    /** What the chosen model shows. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** Why the chosen model does not fit the open design; empty when it does. */
    public ReadOnlyStringProperty notApplicableProperty() {
        return notApplicable.getReadOnlyProperty();
    }

    /** True while a run is going. */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** The share of replications done, from 0 to 1. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** One line on the last run: running, done in so many ms, cancelled, failed, exported. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last result; null before the first run and after the model changes. */
    public ReadOnlyObjectProperty<SimulationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** True when parameters changed since the result shown was made. */
    public BooleanProperty staleProperty() {
        return stale;
    }

    /** How long the last run's simulation took, in ms; -1 before the first. */
    public ReadOnlyLongProperty lastRunMillisProperty() {
        return lastRunMillis.getReadOnlyProperty();
    }

    /** True when the last run was fast enough for changes to re-run by themselves. */
    public ReadOnlyBooleanProperty autoRerunProperty() {
        return autoRerun.getReadOnlyProperty();
    }

    /** How many results have been shown; tests wait on it. */
    public ReadOnlyLongProperty runsProperty() {
        return runs.getReadOnlyProperty();
    }

    /** True when the chosen model can run on the open design with the values given. */
    public ReadOnlyBooleanProperty canRunProperty() {
        return canRun.getReadOnlyProperty();
    }

    /** The last result's metrics, each with its 95% confidence interval. */
    public ObservableList<Metric> metrics() {
        return metrics;
    }

    /** The last result's verdicts. */
    public ObservableList<Verdict> verdicts() {
        return verdicts;
    }

    /** The last result's notes, such as the defaults that stood in for design fields. */
    public ObservableList<String> notes() {
        return notes;
    }

    /** The last result's time series, as line charts. */
    public ObservableList<ResultCharts.LineChartData> timeSeries() {
        return timeSeries;
    }

    /** For a guide scenario, the claimed measures per variant, as bar charts. */
    public ObservableList<ResultCharts.BarChartData> beforeAfter() {
        return beforeAfter;
    }

    /** The distributions the last result reports (mean and percentiles), as bar charts. */
    public ObservableList<ResultCharts.BarChartData> distributions() {
        return distributions;
    }
}
