package dev.quorum.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** One seed reproduces a run bit for bit, whatever the thread count; another seed gives another run. */
class DeterminismTest {

    static Stream<Model> models() {
        return ModelCatalog.whatIfs().stream();
    }

    /** Small runs: determinism does not need precision. */
    static final Map<String, Map<String, String>> SMALL = Map.of(
            FailoverModel.ID, Map.of("failures", "300"),
            RestoreModel.ID, Map.of("failures", "300"),
            ReplicaReadsModel.ID, Map.of("operations", "20000"),
            MultiPrimaryModel.ID, Map.of("writes", "20000"),
            ThunderingHerdModel.ID, Map.of("hot_keys", "300"),
            ConnectionPoolModel.ID, Map.of("customers", "20000"));

    @ParameterizedTest
    @MethodSource("models")
    void theSameSeedGivesTheSameResultAndAnotherSeedAnother(Model model) throws Exception {
        Design design = new DesignYaml().read(Path.of("samples/flawed-startup.quorum.yaml")).design();
        Map<String, String> small = SMALL.get(model.id());
        SimulationResult a = new ModelRunner(1).run(model, design, small, 77, 3, null, null);
        SimulationResult b = new ModelRunner(2).run(model, design, small, 77, 3, null, null);
        SimulationResult c = new ModelRunner(2).run(model, design, small, 78, 3, null, null);
        assertThat(b).isEqualTo(a);
        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(b.series()).isEqualTo(a.series());
        assertThat(c.metrics()).isNotEqualTo(a.metrics());
        assertThat(a.verdicts()).isNotEmpty();
    }
}
