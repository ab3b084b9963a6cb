package dev.quorum.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.TestMarkdown;
import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.OutcomeValue;
import dev.quorum.model.SimulatedOutcome;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.CancelledException;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulationServiceTest {

    private final SimulationService simulation = new SimulationService();
    private final DesignService designs = new DesignService();

    private static Design payments() throws Exception {
        return new DesignYaml().read(Path.of("samples/payments.quorum.yaml")).design();
    }

    @Test
    void onPaymentsAsyncReplicationLosesWritesOnFailoverSyncLosesNoneAndCostsLatency() throws Exception {
        Design d = payments();
        SimulationResult async = simulation.run(d, "failover", Map.of("mode", "async", "failures", "1000"), 1, 4, null, null);
        SimulationResult sync = simulation.run(d, "failover", Map.of("failures", "1000"), 1, 4, null, null);
        // The design replicates synchronously to its standbys; the async what-if uses the cross-region lag (< 1 s).
        assertThat(sync.parameters()).filteredOn(p -> p.name().equals("mode")).singleElement()
                .satisfies(p -> assertThat(p.choice()).isEqualTo("sync"));
        // About 80 writes/s x 1 s of lag are lost per failure with async replication...
        assertThat(async.value("writes_lost")).isCloseTo(80, within(8.0));
        assertThat(async.verdicts().get(0).status()).isEqualTo(Verdict.Status.MISSED);
        assertThat(async.verdicts().get(0).text()).startsWith("RPO 0 s: met in ").contains("with async replication");
        // ...and none with sync, which meets RPO 0...
        assertThat(sync.value("writes_lost")).isZero();
        assertThat(sync.value("writes_lost_max")).isZero();
        assertThat(sync.verdicts().get(0).status()).isEqualTo(Verdict.Status.MET);
        // ...at the price of a round trip and a remote flush on every commit (1 ms + 1 ms by default).
        assertThat(sync.value("sync_latency_cost")).isCloseTo(0.002, within(0.0002));
        assertThat(sync.value("commit_latency")).isGreaterThan(async.value("commit_latency"));
        assertThat(sync.verdicts().get(2).text()).contains("sync costs +2 ms per commit on average");
        // Both runs see the same failures, so the comparison inside one run agrees with the other run.
        assertThat(sync.value("writes_lost_async")).isEqualTo(async.value("writes_lost"));
    }

    @Test
    void aRecordedOutcomeIsKeptInTheFileAndExportedAsAnAppendix() throws Exception {
        Design d = payments();
        SimulationResult r = simulation.run(d, "failover", Map.of("failures", "200"), 3, 2, null, null);
        Design recorded = simulation.record(d, r);
        assertThat(recorded.outcomes()).hasSize(1);
        SimulatedOutcome o = recorded.outcomes().get(0);
        assertThat(o.model()).isEqualTo("failover");
        assertThat(o.seed()).isEqualTo("3");
        assertThat(o.replications()).isEqualTo("2");
        assertThat(o.parameters()).extracting(OutcomeValue::name).contains("write_rate", "mode", "lag", "rpo");
        assertThat(o.parameters()).filteredOn(v -> v.name().equals("detection")).singleElement()
                .satisfies(v -> assertThat(v.detail()).isEqualTo("design: replication.failover.detection_time: '15 s'"));
        assertThat(o.metrics()).filteredOn(v -> v.name().equals("writes_lost")).singleElement()
                .satisfies(v -> assertThat(v.value()).isEqualTo("0"));
        assertThat(o.verdicts()).first().asString().startsWith("MET: RPO 0 s: met in 100% of failures");

        // The same model with the same parameters replaces; another what-if is added.
        Design again = simulation.record(recorded, simulation.run(d, "failover", Map.of("failures", "200"), 4, 2, null, null));
        assertThat(again.outcomes()).hasSize(1);
        assertThat(again.outcomes().get(0).seed()).isEqualTo("4");
        Design twoWhatIfs = simulation.record(again,
                simulation.run(d, "failover", Map.of("failures", "200", "mode", "async"), 4, 2, null, null));
        assertThat(twoWhatIfs.outcomes()).hasSize(2);

        // The file keeps it: write, read, same design.
        DesignYaml yaml = new DesignYaml();
        String text = yaml.write(DesignFile.of(twoWhatIfs));
        assertThat(text).contains("outcomes:\n  - model: failover\n");
        assertThat(yaml.read(text, "x.quorum.yaml").design()).isEqualTo(twoWhatIfs);

        // The Markdown export gains the appendix after the template's own headings.
        String md = designs.toMarkdown(twoWhatIfs);
        List<String> expected = new ArrayList<>(TestMarkdown.templateHeadings(designs.template()));
        expected.add("2 Simulated outcomes");
        expected.add("3 Primary failure and failover");
        expected.add("3 Primary failure and failover");
        assertThat(TestMarkdown.headings(TestMarkdown.parse(md))).containsExactlyElementsOf(expected);
        assertThat(md).contains("Model `failover`, seed 4, 2 replications.")
                .contains("- MET: RPO 0 s: met in 100% of failures")
                .contains("| writes lost per failure (mean) | 0 | 0 to 0 |")
                .contains("| Replication mode | async | set for this run |");
    }

    @Test
    void designsWithoutOutcomesExportExactlyTheTemplate() throws Exception {
        String md = designs.toMarkdown(payments());
        assertThat(md).doesNotContain("Simulated outcomes");
        assertThat(TestMarkdown.headings(TestMarkdown.parse(md)))
                .containsExactlyElementsOf(TestMarkdown.templateHeadings(designs.template()));
    }

    @Test
    void recordedTextFromAFileCannotInjectMarkdownOrHtml() {
        SimulatedOutcome hostile = new SimulatedOutcome("x`y", "<script>alert(1)</script>", "1\n# injected", "2",
                List.of(new OutcomeValue("a", "a | b", "<b>1</b>", "[link](javascript:alert(1))")),
                List.of(), List.of("# not a heading", "*bold* _it_"));
        String md = designs.toMarkdown(Design.empty("h").withOutcomes(List.of(hostile)));
        assertThat(md).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;")
                .contains("a \\| b").contains("\\[link\\](javascript:alert(1))").contains("- \\# not a heading");
        List<String> headings = TestMarkdown.headings(TestMarkdown.parse(md));
        assertThat(headings).endsWith("2 Simulated outcomes", "3 <script>alert(1)</script>");
    }

    @Test
    void reportsAreValidJsonAndCsvAndEqualForEqualResults() throws Exception {
        Design d = payments();
        SimulationResult a = simulation.run(d, "restore", Map.of("failures", "200"), 5, 2, null, null);
        SimulationResult b = simulation.run(d, "restore", Map.of("failures", "200"), 5, 2, null, null);
        assertThat(SimulationReport.json("p", List.of(a))).isEqualTo(SimulationReport.json("p", List.of(b)));
        JsonNode json = new ObjectMapper().readTree(SimulationReport.json("payments.quorum.yaml", List.of(a)));
        JsonNode result = json.get("results").get(0);
        assertThat(result.get("model").asText()).isEqualTo("restore");
        assertThat(result.get("metrics").get(0).get("name").asText()).isEqualTo("loss_window");
        assertThat(result.get("series").get(0).get("values")).hasSize(50);
        String csv = SimulationReport.csv(List.of(a));
        assertThat(csv).startsWith("model,kind,name,label,value,unit,ci_low,ci_high,detail\n")
                .contains("restore,parameter,backup_interval,Backup interval,21600.0,s,,,design: backup.strategy.frequency: 'every 6 hours'\n")
                .contains("\"RPO 0 s: met in 0% of site losses (data-loss window ")
                .contains("restore,verdict,MISSED,RPO 0 s,");
        assertThat(SimulationReport.text("payments.quorum.yaml", List.of(a))).startsWith("Disaster restore  [payments.quorum.yaml]\n");
    }

    @Test
    void unknownModelsAndCancelledRunsAreReported() throws Exception {
        assertThatThrownBy(() -> simulation.model("chaos"))
                .hasMessageStartingWith("unknown model 'chaos'; the models are: failover, restore, replica-reads, multi-primary, "
                        + "thundering-herd, connection-pool, scenario.live-score, scenario.ghost-payment,")
                .hasMessageEndingWith(", scenario.zero-downtime");
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        Design d = payments();
        assertThatThrownBy(() -> simulation.run(d, "connection-pool", Map.of(), 1, 4, null, cancel))
                .isInstanceOf(CancelledException.class);
        assertThat(simulation.applicableModels(d)).extracting(m -> m.id())
                .startsWith("failover", "restore", "replica-reads", "thundering-herd", "connection-pool")
                .doesNotContain("multi-primary", "scenario.morning-lag");
    }
}
