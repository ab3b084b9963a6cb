package dev.quorum.ui.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.service.DesignService;
import dev.quorum.service.SimulationService;
import dev.quorum.service.walkthrough.Decision;
import dev.quorum.service.walkthrough.WalkthroughService;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.edit.EditSession;
import java.nio.file.Path;
import dev.quorum.ui.FxCalls;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The walkthrough view model without a window: the six steps, apply and undo, the outcome recorded, out of scope, cancel. */
class WalkthroughViewModelTest {

    private static final WalkthroughService SERVICE = new WalkthroughService(new SimulationService());

    private BackgroundExecutor executor;
    private EditSession session;
    private WalkthroughViewModel model;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() {
        if (executor != null) {
            fxRun(() -> model.cancel());
            executor.close();
        }
    }

    private Design open(String sample) throws Exception {
        DesignFile file = new DesignYaml().read(Path.of("samples").resolve(sample));
        fxRun(() -> {
            executor = new BackgroundExecutor();
            session = new EditSession();
            session.load(file);
            model = new WalkthroughViewModel(SERVICE, executor, session);
        });
        return file.design();
    }

    @Test
    void walksThroughSixStepsAppliesTheFixAsOneUndoableEditAndRecordsTheOutcome() throws Exception {
        Design original = open("flawed-startup.quorum.yaml");
        assertThat(fx(() -> model.scenarios().size())).isEqualTo(15);
        assertThat(fx(() -> model.canGoNext().get())).as("nothing chosen yet").isFalse();

        assertThat(fx(() -> model.choose("noon-crash"))).isTrue();
        assertThat(fx(() -> model.runningProperty().get())).as("the simulation runs in the background").isTrue();
        assertThat(fx(() -> {
            boolean pending = model.walkthroughProperty().get() == null;
            model.next();
            return !pending || model.stepProperty().get() == 0;
        })).as("step 2 waits for the simulation").isTrue();
        fxRun(() -> model.goTo(0));
        waitUntil(() -> model.walkthroughProperty().get() != null);
        var w = fx(() -> model.walkthroughProperty().get());
        assertThat(w.fits()).isTrue();
        assertThat(w.designVariantLabel()).isEqualTo("fixed TTL");
        assertThat(w.evidence()).contains("no jitter");
        assertThat(fx(() -> model.charts().size())).isEqualTo(w.claimed().size()).isPositive();
        assertThat(fx(() -> model.charts().get(0).series().get(0).name())).startsWith("before: fixed TTL");

        for (int i = 1; i <= 4; i++) {
            fxRun(model::next);
            assertThat(fx(() -> model.stepProperty().get())).isEqualTo(i);
        }
        assertThat(fx(() -> model.canApplyProperty().get())).isTrue();
        assertThat(fx(() -> model.applyBlockedProperty().get())).isEmpty();

        assertThat(fx(model::apply)).isTrue();
        Design applied = fx(session::design);
        assertThat(applied).isNotEqualTo(original);
        assertThat(applied.persistence().storageChoices().get(5).justification()).contains("TTL gets a random extra");
        assertThat(applied.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.title()).isEqualTo("Walkthrough: The Noon Crash");
            assertThat(o.verdicts()).contains("Decision: " + Decision.APPLIED.text());
        });
        assertThat(fx(() -> session.history().undoDepth())).as("the fix and its record are one step").isEqualTo(1);
        assertThat(fx(() -> model.appliedProperty().get())).isTrue();
        assertThat(fx(() -> model.canApplyProperty().get())).isFalse();
        assertThat(fx(() -> model.staleProperty().get())).as("its own edit does not make it stale").isFalse();

        fxRun(() -> session.undo());
        assertThat(fx(session::design)).isEqualTo(original);
        assertThat(fx(() -> model.appliedProperty().get())).isFalse();
        assertThat(fx(() -> model.recordedProperty().get())).isNull();
        assertThat(fx(() -> model.canApplyProperty().get())).isTrue();

        // Reaching the last step without applying records the decision, again as one step.
        fxRun(model::next);
        assertThat(fx(() -> model.stepProperty().get())).isEqualTo(WalkthroughViewModel.LAST_STEP);
        assertThat(fx(() -> model.recordedProperty().get().verdicts())).contains("Decision: " + Decision.NOT_APPLIED.text());
        assertThat(fx(() -> session.history().undoDepth())).isEqualTo(1);
        String markdown = new DesignService().toMarkdown(fx(session::design));
        assertThat(markdown).contains("## Simulated outcomes").contains("### Walkthrough: The Noon Crash")
                .contains("Decision: " + Decision.NOT_APPLIED.text());
        fxRun(model::back);
        fxRun(model::next);
        assertThat(fx(() -> session.history().undoDepth())).as("coming back records nothing new").isEqualTo(1);
    }

    @Test
    void aScenarioThatDoesNotFitSaysSoAndRecordsThatDecision() throws Exception {
        open("payments.quorum.yaml");
        fxRun(() -> model.choose("noon-crash"));
        waitUntil(() -> model.walkthroughProperty().get() != null);
        assertThat(fx(() -> model.walkthroughProperty().get().fits())).isFalse();
        assertThat(fx(() -> model.walkthroughProperty().get().result())).as("no figures are invented").isNull();
        assertThat(fx(() -> model.charts())).isEmpty();
        assertThat(fx(() -> model.canApplyProperty().get())).isFalse();
        assertThat(fx(() -> model.applyBlockedProperty().get())).contains("does not fit").contains("no cache");
        fxRun(() -> model.goTo(WalkthroughViewModel.LAST_STEP));
        assertThat(fx(() -> model.recordedProperty().get().verdicts())).contains("Decision: " + Decision.OUT_OF_SCOPE.text());
    }

    @Test
    void cancelStopsTheSimulationAndAnotherScenarioStartsAfresh() throws Exception {
        open("flawed-startup.quorum.yaml");
        fxRun(() -> model.choose("third-party-fail"));
        assertThat(fx(() -> model.runningProperty().get())).isTrue();
        fxRun(model::cancel);
        assertThat(fx(() -> model.runningProperty().get())).isFalse();
        assertThat(fx(() -> model.statusProperty().get())).isEqualTo("Cancelled.");
        assertThat(fx(() -> model.walkthroughProperty().get())).isNull();

        fxRun(() -> model.choose("state-trap"));
        waitUntil(() -> model.walkthroughProperty().get() != null);
        assertThat(fx(() -> model.walkthroughProperty().get().card().id())).isEqualTo("state-trap");
        assertThat(fx(() -> model.stepProperty().get())).isZero();
        fxRun(() -> session.set("name", "Renamed while walking", "Rename"));
        assertThat(fx(() -> model.staleProperty().get())).as("an edit by the user makes the figures stale").isTrue();
    }

    private static <T> T fx(Callable<T> work) {
        return FxCalls.fx(work);
    }

    private static void fxRun(Runnable work) {
        FxCalls.fxRun(work);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxCalls.waitUntil(condition, 90);
    }
}
