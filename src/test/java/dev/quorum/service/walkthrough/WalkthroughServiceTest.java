package dev.quorum.service.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.SimulatedOutcome;
import dev.quorum.service.DesignService;
import dev.quorum.service.SimulationService;
import dev.quorum.sql.DdlImporter;
import dev.quorum.io.DesignFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Walkthroughs on real sample designs: fit, before and after, apply, record, and what the export shows. */
class WalkthroughServiceTest {

    private final WalkthroughService service = new WalkthroughService(new SimulationService());

    private static Design sample(String name) throws Exception {
        return new DesignYaml().read(Path.of("samples/" + name + ".quorum.yaml")).design();
    }

    private Walkthrough run(Design d, String id) {
        return service.run(d, id, Map.of(), 1, 4, null, null);
    }

    @Test
    void theGhostPaymentOnADesignWithoutKeysComparesNoProtectionWithTheUniqueKey() throws Exception {
        Walkthrough w = run(sample("flawed-startup"), "ghost-payment");
        assertThat(w.fits()).isTrue();
        assertThat(w.alreadyFixed()).isFalse();
        assertThat(w.designVariant()).isEqualTo(service.model("ghost-payment").naive().id());
        assertThat(w.claimed()).isNotEmpty().allSatisfy(c -> {
            assertThat(c.improved()).as(c.label()).isTrue();
            assertThat(c.beforeLabel()).isEqualTo(service.model("ghost-payment").naive().label());
            assertThat(c.afterLabel()).isEqualTo(service.model("ghost-payment").fix().label());
        });
        assertThat(w.fix().applicable()).isTrue();
        // The same seed gives the same walkthrough.
        assertThat(run(sample("flawed-startup"), "ghost-payment")).isEqualTo(w);
    }

    @Test
    void aDesignThatAlreadyHasTheFixIsToldSoAndNothingIsApplied() throws Exception {
        Walkthrough w = run(sample("ecommerce"), "ghost-payment");
        assertThat(w.alreadyFixed()).as(w.evidence()).isTrue();
        assertThat(w.evidence()).isNotBlank();
        assertThat(w.fix().applicable()).isFalse();
        assertThat(w.fix().whyNot()).startsWith("the design already uses");
        assertThat(WalkthroughService.unapplied(w)).isEqualTo(Decision.ALREADY_IN_DESIGN);
        assertThat(w.claimed()).allSatisfy(c -> assertThat(c.improved()).isTrue());
    }

    @Test
    void applyingTheFixEditsTheDesignAndRecordsTheOutcomeThenTheNextWalkthroughSeesTheFix() throws Exception {
        Design before = sample("flawed-startup");
        Walkthrough w = run(before, "ghost-payment");
        Design after = service.apply(before, w);
        assertThat(new DdlImporter().importDdl(after.schema().sql(), after.schema().dialect()).table("payments").orElseThrow()
                .column("idempotency_key")).isPresent();
        SimulatedOutcome recorded = after.outcomes().get(after.outcomes().size() - 1);
        assertThat(recorded.title()).isEqualTo("Walkthrough: The Ghost Payment");
        assertThat(recorded.verdicts()).contains("Decision: fix applied to the design");
        assertThat(recorded.metrics()).isNotEmpty();
        assertThat(after.outcomes()).hasSize(before.outcomes().size() + 1);

        Walkthrough again = run(after, "ghost-payment");
        assertThat(again.alreadyFixed()).as("the model reads the key the fix added").isTrue();
        Design recordedTwice = service.record(after, again, WalkthroughService.unapplied(again));
        assertThat(recordedTwice.outcomes()).as("a later walkthrough of the same scenario replaces the earlier one")
                .hasSameSizeAs(after.outcomes());
        assertThat(recordedTwice.outcomes().get(recordedTwice.outcomes().size() - 1).verdicts())
                .contains("Decision: the design already has the fix");
    }

    @Test
    void theOutcomeAppearsInTheMarkdownExport() throws Exception {
        DesignService designs = new DesignService();
        DesignFile file = designs.open(Path.of("samples/flawed-startup.quorum.yaml"));
        Walkthrough w = run(file.design(), "noon-crash");
        DesignFile applied = file.withDesign(service.apply(file.design(), w));
        String md = designs.toMarkdown(applied.design());
        assertThat(md).contains("## Simulated outcomes", "### Walkthrough: The Noon Crash", "Decision: fix applied to the design");
        assertThat(md).contains("single-flight");
    }

    @Test
    void applyRedoesTheFixOnTheCurrentDesignSoLaterEditsAreKept() throws Exception {
        Design before = sample("flawed-startup");
        Walkthrough w = run(before, "noon-crash");
        Design edited = before.withOutcomes(before.outcomes());
        edited = dev.quorum.model.DesignPath.parse("summary").with(edited, "edited after the walkthrough ran");
        Design applied = service.apply(edited, w);
        assertThat(applied.summary()).isEqualTo("edited after the walkthrough ran");
    }

    @Test
    void aScenarioOutsideTheDesignsScopeSaysSoInsteadOfInventingNumbers() {
        Walkthrough w = run(Design.empty("blank"), "noon-crash");
        assertThat(w.fits()).isFalse();
        assertThat(w.outOfScope().orElseThrow()).contains("no cache");
        assertThat(w.result()).isNull();
        assertThat(w.comparisons()).isEmpty();
        assertThat(w.fix().applicable()).isFalse();
        String text = WalkthroughReport.text("blank", w, null);
        assertThat(text).contains("This scenario does not fit the design: ", "Not simulated");
        assertThat(text).doesNotContainPattern("\\d+(\\.\\d+)?/s");
        assertThat(service.record(Design.empty("blank"), w, WalkthroughService.unapplied(w)).outcomes()).singleElement()
                .satisfies(o -> assertThat(o.verdicts()).contains("Decision: the scenario does not fit this design"));
    }

    @Test
    void anUnknownScenarioNamesTheKnownOnes() {
        assertThatThrownBy(() -> service.scenario("ghost")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown scenario 'ghost'; the scenarios are: live-score, ghost-payment");
    }

    @Test
    void theReportHasTheSixStepsInBothFormats() throws Exception {
        Walkthrough w = run(sample("flawed-startup"), "ghost-payment");
        String text = WalkthroughReport.text("flawed-startup.quorum.yaml", w, null);
        String md = WalkthroughReport.markdown("flawed-startup.quorum.yaml", w, Decision.NOT_APPLIED);
        int at = -1;
        for (int i = 0; i < WalkthroughReport.STEPS.size(); i++) {
            String heading = (i + 1) + ". " + WalkthroughReport.STEPS.get(i);
            assertThat(text.indexOf("\n" + heading + "\n")).as(heading).isGreaterThan(at);
            at = text.indexOf("\n" + heading + "\n");
            assertThat(md).contains("\n## " + heading + "\n");
        }
        assertThat(text).startsWith("Walkthrough: The Ghost Payment (Duplicate protection)  [flawed-startup.quorum.yaml]\n");
        assertThat(text).contains("schema.sql: a NOT NULL idempotency_key on payments under a UNIQUE constraint");
        assertThat(md).contains("| Measure | No protection | Unique idempotency key | Change |");
        assertThat(md).contains("Recorded in the design under 'Simulated outcomes': fix not applied.");
        assertThat(WalkthroughReport.text("x", w, null)).isEqualTo(WalkthroughReport.text("x", w, null));
    }
}
