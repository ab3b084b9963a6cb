package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.io.DesignYaml;
import dev.quorum.service.DesignService;
import dev.quorum.service.SampleCatalog;
import dev.quorum.service.SimulationService;
import dev.quorum.sim.scenarios.Model;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SimulateCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    /** Smaller runs than the defaults: the CLI path is under test here, not the precision. */
    private static final Map<String, String> SMALL = Map.of(
            "failover", "failures=300",
            "restore", "failures=300",
            "replica-reads", "operations=20000",
            "multi-primary", "writes=20000",
            "thundering-herd", "hot_keys=300",
            "connection-pool", "customers=20000");

    static Stream<String> samples() {
        return SampleCatalog.FILES.stream();
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleRunsEveryApplicableModelWithItsVerdicts(String sample) throws Exception {
        Path file = Path.of("samples", sample);
        List<Model> applicable = new SimulationService().applicableModels(new DesignYaml().read(file).design());
        assertThat(applicable).hasSizeGreaterThanOrEqualTo(5);
        List<String> ran = new ArrayList<>();
        for (Model m : applicable) {
            List<String> args = new ArrayList<>(List.of("simulate", file.toString(), "--model", m.id(), "--replications", "2"));
            if (SMALL.containsKey(m.id())) {
                args.addAll(List.of("--param", SMALL.get(m.id())));
            }
            int code = run(args.toArray(String[]::new));
            assertThat(code).as(sample + " / " + m.id() + ": " + err).isEqualTo(ExitCodes.OK);
            assertThat(err.toString()).isEmpty();
            String text = out.toString();
            assertThat(text).startsWith(m.title() + "  [" + sample + "]\nmodel " + m.id() + ", seed 1, 2 replications\n\nVerdicts\n");
            assertThat(text).containsPattern("\n  (MET|MISSED|INFO) +\\S");
            assertThat(text).contains("\nMetrics (mean over replications, 95% confidence interval)\n", "\nParameters\n");
            ran.add(m.id());
        }
        assertThat(ran).contains("failover", "restore", "thundering-herd", "connection-pool");
    }

    @Test
    void theFlawedStartupMissesItsTargetsAndStrictSaysSo() {
        int code = run("simulate", "samples/flawed-startup.quorum.yaml", "--model", "failover", "--param", "failures=300",
                "--replications", "2", "--strict");
        assertThat(code).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("MISSED  RPO 1 h: met in ").contains("MISSED  RTO 60 s: met in 0% of failures");
        assertThat(run("simulate", "samples/flawed-startup.quorum.yaml", "--model", "multi-primary", "--param", "writes=20000",
                "--replications", "2")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("MISSED  Strong consistency is not kept:");
    }

    @Test
    void paymentsShowsWritesLostWithAsyncNoneWithSyncAndTheLatencyCost() throws Exception {
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "failover", "--param", "mode=async",
                "--param", "failures=500", "--replications", "4", "--format", "json")).isZero();
        JsonNode async = new ObjectMapper().readTree(out.toString()).get("results").get(0);
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "failover", "--param", "failures=500",
                "--replications", "4", "--format", "json")).isZero();
        JsonNode sync = new ObjectMapper().readTree(out.toString()).get("results").get(0);
        assertThat(metric(async, "writes_lost")).isGreaterThan(50);
        assertThat(metric(sync, "writes_lost")).isZero();
        assertThat(metric(sync, "sync_latency_cost")).isGreaterThan(0.001);
        assertThat(sync.get("verdicts").get(0).get("status").asText()).isEqualTo("MET");
        assertThat(async.get("verdicts").get(0).get("status").asText()).isEqualTo("MISSED");
    }

    private static double metric(JsonNode result, String name) {
        for (JsonNode m : result.get("metrics")) {
            if (m.get("name").asText().equals(name)) {
                return m.get("value").asDouble();
            }
        }
        throw new AssertionError("no metric " + name);
    }

    @Test
    void theSameSeedPrintsTheSameBytesAndAnotherSeedDiffers() {
        String[] args = {"simulate", "samples/live-scores.quorum.yaml", "--model", "connection-pool", "--param",
                "customers=20000", "--replications", "3", "--format", "csv", "--seed", "9"};
        assertThat(run(args)).isZero();
        String first = out.toString();
        assertThat(run(args)).isZero();
        assertThat(out.toString()).isEqualTo(first);
        args[args.length - 1] = "10";
        assertThat(run(args)).isZero();
        assertThat(out.toString()).isNotEqualTo(first);
        assertThat(first).startsWith("model,kind,name,label,value,unit,ci_low,ci_high,detail\n");
    }

    @Test
    void recordWritesTheOutcomeIntoTheDesignAndTheExportShowsIt() throws Exception {
        Path copy = dir.resolve("payments.quorum.yaml");
        Files.copy(Path.of("samples/payments.quorum.yaml"), copy);
        assertThat(run("simulate", copy.toString(), "--model", "restore", "--param", "failures=200", "--replications", "2",
                "--record", "--progress")).isZero();
        assertThat(err.toString()).contains("quorum: restore: replication 2 of 2\n")
                .contains("quorum: recorded 1 outcome in " + copy);
        var design = new DesignService().open(copy);
        assertThat(design.design().outcomes()).singleElement().satisfies(o -> {
            assertThat(o.model()).isEqualTo("restore");
            assertThat(o.verdicts()).anyMatch(v -> v.startsWith("MISSED: RPO 0 s: met in 0% of site losses"));
        });
        assertThat(design.headerComment()).startsWith("# Quorum sample: a payments service");
        assertThat(run("export", copy.toString(), "--format", "md")).isZero();
        assertThat(out.toString()).contains("\n## Simulated outcomes\n").contains("\n### Disaster restore\n");
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() {
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "multi-primary")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: samples/payments.quorum.yaml: model multi-primary does not apply: "
                + "the design has a single primary (replication strategy primary-replica, 1 primary node) (use --force to run it anyway)");
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "chaos")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("quorum: unknown model 'chaos'; the models are: failover,");
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "failover", "--param", "lag=soon"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("quorum: --param lag=soon: cannot read 'soon' as a duration");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(run("simulate", "missing.quorum.yaml", "--model", "failover")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: missing.quorum.yaml: no such file");
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "all", "--param", "lag=1s"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "failover", "--replications", "0"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: --replications must be between 1 and 10000, not 0");
    }

    @Test
    void allRunsEveryApplicableModelIntoOneReport() throws Exception {
        assertThat(run("simulate", "samples/quorum-store.quorum.yaml", "--model", "all", "--replications", "1",
                "--format", "json")).isZero();
        JsonNode results = new ObjectMapper().readTree(out.toString()).get("results");
        List<String> ids = new ArrayList<>();
        results.forEach(r -> ids.add(r.get("model").asText()));
        assertThat(ids).startsWith("failover", "restore", "replica-reads", "thundering-herd", "connection-pool");
        List<String> applicable = new SimulationService().applicableModels(
                new DesignYaml().read(Path.of("samples/quorum-store.quorum.yaml")).design()).stream().map(Model::id).toList();
        assertThat(ids).isEqualTo(applicable);
        assertThat(ids.subList(5, ids.size())).allMatch(id -> id.startsWith("scenario."));
        results.forEach(r -> assertThat(r.get("verdicts")).isNotEmpty());
    }

    @Test
    void forceRunsAModelWhereItDoesNotApply() {
        assertThat(run("simulate", "samples/payments.quorum.yaml", "--model", "multi-primary", "--force", "--param",
                "writes=20000", "--replications", "2")).isZero();
        assertThat(out.toString()).startsWith("Multi-primary conflicts under last-writer-wins  [payments.quorum.yaml]");
    }
}
