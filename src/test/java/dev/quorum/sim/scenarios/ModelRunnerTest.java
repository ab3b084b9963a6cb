package dev.quorum.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parameters come from the caller, else the design, else the documented default, and say which. */
class ModelRunnerTest {

    private final ModelRunner runner = new ModelRunner(2);
    private final Model failover = new FailoverModel();

    private static Design payments() throws Exception {
        return new DesignYaml().read(Path.of("samples/payments.quorum.yaml")).design();
    }

    @Test
    void overridesBeatTheDesignWhichBeatsTheDefault() throws Exception {
        ParameterSet p = runner.resolve(failover, payments(), Map.of("lag", "2.5 s", "mode", "async"));
        assertThat(p.get("lag")).isEqualTo(2.5);
        assertThat(p.value("lag").origin()).isEqualTo(ParameterValue.Origin.OVERRIDE);
        assertThat(p.choice("mode")).isEqualTo("async");
        assertThat(p.get("detection")).isEqualTo(15);
        assertThat(p.value("detection").origin()).isEqualTo(ParameterValue.Origin.DESIGN);
        assertThat(p.value("detection").detail()).isEqualTo("replication.failover.detection_time: '15 s'");
        assertThat(p.get("operator_response")).isEqualTo(900);
        assertThat(p.value("operator_response").origin()).isEqualTo(ParameterValue.Origin.DEFAULT);
        assertThat(p.value("operator_response").text()).isEqualTo("15 min");
    }

    @Test
    void badOverridesAreOneLineErrorsNamingTheParameter() throws Exception {
        Design d = payments();
        assertThatThrownBy(() -> runner.resolve(failover, d, Map.of("lagg", "1 s")))
                .hasMessageStartingWith("model failover has no parameter 'lagg'; its parameters are: write_rate, mode, lag");
        assertThatThrownBy(() -> runner.resolve(failover, d, Map.of("lag", "soon")))
                .hasMessageStartingWith("--param lag=soon: cannot read 'soon' as a duration");
        assertThatThrownBy(() -> runner.resolve(failover, d, Map.of("mode", "quorum")))
                .hasMessage("--param mode=quorum: expected one of async, semi-sync, sync");
        assertThatThrownBy(() -> runner.resolve(failover, d, Map.of("semi_sync_fallback", "150%")))
                .hasMessage("--param semi_sync_fallback=150%: Semi-sync fallback share must be between 0% and 100% for model failover");
        assertThatThrownBy(() -> runner.run(failover, d, Map.of(), 1, 0, null, null))
                .hasMessageContaining("replications must be between 1 and 10000");
    }

    @Test
    void aDesignFigureBeyondTheRangeIsClampedAndSaysSo() {
        Model stated = new StatedModel(new ReplicaReadsModel(),
                Map.of("replicas", DesignValue.of(500, "replication.topology.nodes", "replica: 500 nodes")));
        ParameterValue clamped = runner.resolve(stated, Design.empty("x"), Map.of()).value("replicas");
        assertThat(clamped.number()).isEqualTo(32);
        assertThat(clamped.origin()).isEqualTo(ParameterValue.Origin.DESIGN);
        assertThat(clamped.detail()).isEqualTo("replication.topology.nodes: replica: 500 nodes (above the model's range; 32 used)");
    }

    /** A model whose design values are given, to test how the runner treats them. */
    private record StatedModel(Model inner, Map<String, DesignValue> stated) implements Model {
        @Override
        public String id() {
            return inner.id();
        }

        @Override
        public String title() {
            return inner.title();
        }

        @Override
        public String summary() {
            return inner.summary();
        }

        @Override
        public java.util.List<Parameter> parameters() {
            return inner.parameters();
        }

        @Override
        public java.util.List<MetricSpec> metrics() {
            return inner.metrics();
        }

        @Override
        public java.util.Optional<String> notApplicable(Design design) {
            return java.util.Optional.empty();
        }

        @Override
        public Map<String, DesignValue> fromDesign(Design design) {
            return stated;
        }

        @Override
        public ReplicationOutcome replicate(ParameterSet parameters, long seed, dev.quorum.sim.engine.Cancellation cancellation) {
            return inner.replicate(parameters, seed, cancellation);
        }

        @Override
        public java.util.List<Verdict> verdicts(ParameterSet parameters, Map<String, Metric> metrics) {
            return inner.verdicts(parameters, metrics);
        }
    }
}
