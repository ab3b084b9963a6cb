package dev.quorum.ui.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import dev.quorum.service.SimulationService;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.edit.EditSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import dev.quorum.ui.FxCalls;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The simulation view model without a window: model list, parameters and their origins, runs, re-runs, cancel, record, export. */
class SimulationViewModelTest {

    private static final SimulationService SERVICE = new SimulationService();

    private BackgroundExecutor executor;
    private EditSession session;
    private SimulationViewModel model;

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        // The toolkit runs headless (Monocle): the view model's timers and the executor's hand-back need its thread.
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void setUp() throws Exception {
        DesignFile file = new DesignYaml().read(Path.of("samples/ecommerce.quorum.yaml"));
        fxRun(() -> {
            executor = new BackgroundExecutor();
            session = new EditSession();
            session.load(file);
            model = new SimulationViewModel(SERVICE, executor, session);
        });
    }

    @AfterEach
    void tearDown() {
        fxRun(() -> model.cancel());
        executor.close();
    }

    @Test
    void listsWhatIfsAndScenariosUnderHeadingsAndAHeadingCannotBeChosen() {
        List<SimulationViewModel.ModelChoice> choices = fx(() -> List.copyOf(model.choices()));
        assertThat(choices.get(0).heading()).isTrue();
        assertThat(choices.get(0).title()).isEqualTo("What-ifs on this design");
        assertThat(choices.stream().filter(c -> !c.heading()).map(SimulationViewModel.ModelChoice::id).toList())
                .containsSubsequence("failover", "restore", "replica-reads", "multi-primary", "thundering-herd", "connection-pool");
        assertThat(fx(() -> model.selectedProperty().get().id())).as("the first model is chosen at start").isEqualTo("failover");

        fxRun(() -> model.selectedProperty().set(choices.get(0)));
        assertThat(fx(() -> model.selectedProperty().get().id())).as("a heading keeps the model chosen").isEqualTo("failover");
        assertThat(fx(() -> model.fields().size())).isEqualTo(SERVICE.model("failover").parameters().size());
    }

    @Test
    void parametersArePrefilledFromTheDesignAndAnOverrideCanBeTypedDraggedAndReset() {
        assertThat(fx(() -> model.choose("restore"))).isTrue();
        ParameterField interval = fx(() -> model.field("backup_interval").orElseThrow());
        ParameterField delay = fx(() -> model.field("archive_delay").orElseThrow());
        ParameterField shipping = fx(() -> model.field("log_shipping").orElseThrow());
        // The sample backs up daily and ships its WAL continuously; the archive delay is not in the design.
        assertThat(fx(() -> interval.textProperty().get())).isEqualTo("24 h");
        assertThat(fx(() -> interval.originProperty().get())).isEqualTo("design");
        assertThat(fx(() -> interval.originDetailProperty().get())).contains("backup.strategy.frequency");
        assertThat(fx(() -> shipping.textProperty().get())).isEqualTo("on");
        assertThat(fx(() -> shipping.isChoice())).isTrue();
        assertThat(fx(() -> delay.originProperty().get())).isEqualTo("default");
        assertThat(fx(delay::tooltip)).contains("Default: 60 s").contains("source:").contains("Design field: none");
        assertThat(fx(interval::tooltip)).contains("Design field: backup.strategy.frequency");

        fxRun(() -> delay.textProperty().set("10 min"));
        assertThat(fx(() -> delay.originProperty().get())).isEqualTo("override");
        assertThat(fx(() -> delay.overriddenProperty().get())).isTrue();
        assertThat(fx(() -> delay.positionProperty().get())).as("the slider follows the text")
                .isCloseTo(delay.toPosition(600), org.assertj.core.data.Offset.offset(1e-6));

        fxRun(() -> delay.textProperty().set("ten minutes"));
        assertThat(fx(() -> delay.errorProperty().get())).isNotEmpty();
        assertThat(fx(() -> model.canRunProperty().get())).as("a value that cannot be read blocks Run").isFalse();
        fxRun(() -> delay.textProperty().set("2 d"));
        assertThat(fx(() -> delay.errorProperty().get())).as("out of range").contains("between");

        fxRun(() -> delay.positionProperty().set(ParameterField.SLIDER_STEPS));
        assertThat(fx(() -> delay.textProperty().get())).as("the slider's end is the range's end").isEqualTo("24 h");
        assertThat(fx(() -> delay.errorProperty().get())).isEmpty();
        assertThat(fx(() -> model.canRunProperty().get())).isTrue();

        fxRun(() -> model.reset(delay));
        assertThat(fx(() -> delay.textProperty().get())).isEqualTo("60 s");
        assertThat(fx(() -> delay.originProperty().get())).isEqualTo("default");
        assertThat(fx(() -> interval.originProperty().get())).isEqualTo("design");
    }

    @Test
    void aFastRunReRunsByItselfWhenAParameterChangesAndTheResultFollowsTheChange() {
        fxRun(() -> model.choose("restore"));
        ParameterField failures = fx(() -> model.field("failures").orElseThrow());
        ParameterField delay = fx(() -> model.field("archive_delay").orElseThrow());
        fxRun(() -> failures.textProperty().set("200"));
        fxRun(() -> model.replicationsProperty().set(4));
        assertThat(fx(() -> model.runsProperty().get())).as("nothing runs before the first Run").isZero();

        fxRun(model::run);
        assertThat(fx(() -> model.runningProperty().get())).isTrue();
        waitUntil(() -> model.runsProperty().get() == 1 && !model.runningProperty().get());
        if (!fx(() -> model.autoRerunProperty().get())) {
            // A first run may be slow while the JVM warms up; the second says how fast the model really is.
            fxRun(model::run);
            waitUntil(() -> model.runsProperty().get() == 2 && !model.runningProperty().get());
        }
        long runs = fx(() -> model.runsProperty().get());
        double before = fx(() -> model.resultProperty().get().value("loss_window"));
        assertThat(fx(() -> model.lastRunMillisProperty().get())).isLessThan(SimulationViewModel.AUTO_RERUN_MILLIS);
        assertThat(fx(() -> model.autoRerunProperty().get())).isTrue();
        assertThat(fx(() -> model.metrics().stream().map(Metric::name).toList())).contains("loss_window", "restore_time");
        assertThat(fx(() -> model.verdicts().size())).isPositive();
        assertThat(fx(() -> model.distributions().stream().map(ResultCharts.BarChartData::title).toList()))
                .anyMatch(t -> t.startsWith("Data-loss window"));

        // Archived WAL lags by the archive delay: ten times the delay loses about ten times the data.
        fxRun(() -> delay.textProperty().set("10 min"));
        assertThat(fx(() -> model.staleProperty().get())).isTrue();
        waitUntil(() -> model.runsProperty().get() == runs + 1 && !model.runningProperty().get());
        double after = fx(() -> model.resultProperty().get().value("loss_window"));
        assertThat(after).isGreaterThan(before * 3);
        assertThat(fx(() -> model.staleProperty().get())).isFalse();
        SimulationResult direct = SERVICE.run(fx(session::design), "restore",
                Map.of("failures", "200", "archive_delay", "10 min"), 1, 4, dev.quorum.sim.engine.ProgressListener.NONE,
                dev.quorum.sim.engine.Cancellation.NONE);
        assertThat(fx(() -> model.resultProperty().get())).as("the window shows what the service computes").isEqualTo(direct);
    }

    @Test
    void aLongRunShowsProgressAndCancelStopsItWithoutAResult() {
        fxRun(() -> model.choose("replica-reads"));
        fxRun(() -> model.field("operations").orElseThrow().textProperty().set("100,000,000"));
        fxRun(() -> model.replicationsProperty().set(4));
        fxRun(model::run);
        assertThat(fx(() -> model.runningProperty().get())).isTrue();
        fxRun(model::cancel);
        assertThat(fx(() -> model.runningProperty().get())).isFalse();
        assertThat(fx(() -> model.statusProperty().get())).isEqualTo("Cancelled.");

        // The cancelled run must really stop: a short run queued behind it on the same lane then finishes.
        fxRun(() -> model.field("operations").orElseThrow().textProperty().set("1,000"));
        fxRun(model::run);
        waitUntil(() -> model.runsProperty().get() == 1 && !model.runningProperty().get());
        assertThat(fx(() -> model.resultProperty().get().parameters().stream()
                .filter(v -> v.name().equals("operations")).findFirst().orElseThrow().number())).isEqualTo(1000.0);
    }

    @Test
    void recordingTheOutcomeIsOneUndoableEditAndExportsWriteFiles() throws Exception {
        fxRun(() -> model.choose("restore"));
        fxRun(() -> model.field("failures").orElseThrow().textProperty().set("100"));
        fxRun(() -> model.replicationsProperty().set(2));
        fxRun(model::run);
        waitUntil(() -> model.runsProperty().get() == 1);
        int before = fx(() -> session.design().outcomes().size());
        assertThat(fx(model::recordOutcome)).isTrue();
        assertThat(fx(() -> session.design().outcomes())).hasSize(before + 1);
        assertThat(fx(() -> session.design().outcomes().get(before).model())).isEqualTo("restore");
        assertThat(fx(() -> session.history().undoDepth())).isEqualTo(1);
        fxRun(session::undo);
        assertThat(fx(() -> session.design().outcomes())).hasSize(before);

        Path csv = dir.resolve("restore.csv");
        fxRun(() -> model.exportCsv(csv));
        waitUntil(() -> Files.exists(csv) && model.statusProperty().get().startsWith("Exported"));
        assertThat(Files.readString(csv)).startsWith("model,kind,name,label,value,unit,ci_low,ci_high,detail")
                .contains("restore,metric,loss_window");
    }

    @Test
    void aModelThatDoesNotFitTheDesignSaysSoAndDoesNotRun() {
        fxRun(() -> model.choose("multi-primary"));
        assertThat(fx(() -> model.notApplicableProperty().get())).contains("single primary");
        assertThat(fx(() -> model.canRunProperty().get())).isFalse();
        fxRun(model::run);
        assertThat(fx(() -> model.runningProperty().get())).isFalse();
        assertThat(fx(() -> model.statusProperty().get())).contains("single primary");
    }

    @Test
    void chartDataGroupsSeriesAndFindsDistributions() {
        SimulationResult failover = SERVICE.run(fx(session::design), "failover", Map.of("failures", "200"), 1, 2,
                dev.quorum.sim.engine.ProgressListener.NONE, dev.quorum.sim.engine.Cancellation.NONE);
        List<ResultCharts.BarChartData> dists = ResultCharts.distributions(SERVICE.model("failover"), failover);
        ResultCharts.BarChartData lost = dists.stream().filter(d -> d.title().startsWith("Writes lost per failure")).findFirst()
                .orElseThrow();
        assertThat(lost.categories()).containsExactly("mean", "95th pct", "worst");
        assertThat(lost.series()).hasSize(1);
        assertThat(lost.series().get(0).values().get(0)).isEqualTo(failover.value("writes_lost"));
        assertThat(lost.series().get(0).values().get(2)).isEqualTo(failover.value("writes_lost_max"));
        assertThat(ResultCharts.timeSeries(failover)).hasSize(1);
        assertThat(ResultCharts.beforeAfter(SERVICE.model("failover"), failover)).as("only scenarios have before and after").isEmpty();

        SimulationResult herd = SERVICE.run(fx(session::design), "thundering-herd", Map.of(), 1, 2,
                dev.quorum.sim.engine.ProgressListener.NONE, dev.quorum.sim.engine.Cancellation.NONE);
        int lines = ResultCharts.timeSeries(herd).stream().mapToInt(c -> c.lines().size()).sum();
        assertThat(lines).isEqualTo(herd.series().size());
    }

    private static <T> T fx(Callable<T> work) {
        return FxCalls.fx(work);
    }

    private static void fxRun(Runnable work) {
        FxCalls.fxRun(work);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxCalls.waitUntil(condition, 60);
    }
}
