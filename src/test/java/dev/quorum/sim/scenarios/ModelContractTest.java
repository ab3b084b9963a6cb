package dev.quorum.sim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.model.Design;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every model keeps the contract: parameters with units, defaults, ranges and sources; unique names. */
class ModelContractTest {

    static Stream<Model> models() {
        return ModelCatalog.whatIfs().stream();
    }

    @Test
    void theCatalogHasTheSixWhatIfsWithUniqueIds() {
        ModelCatalog catalog = new ModelCatalog(ModelCatalog.whatIfs());
        assertThat(catalog.models()).extracting(Model::id).containsExactly("failover", "restore", "replica-reads",
                "multi-primary", "thundering-herd", "connection-pool");
        assertThat(catalog.models()).allSatisfy(m -> assertThat(m.family()).isEqualTo("what-if"));
        assertThat(catalog.find("restore")).containsInstanceOf(RestoreModel.class);
        assertThat(catalog.find("nope")).isEmpty();
        Model failover = new FailoverModel();
        assertThatThrownBy(() -> new ModelCatalog(List.of(failover, failover))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyParameterNamesItsUnitDefaultRangeAndSource(Model model) {
        assertThat(model.title()).isNotBlank();
        assertThat(model.summary()).isNotBlank();
        Set<String> names = new HashSet<>();
        for (Parameter p : model.parameters()) {
            assertThat(names.add(p.name())).as("duplicate parameter %s", p.name()).isTrue();
            assertThat(p.name()).matches("[a-z][a-z0-9_]*");
            assertThat(p.label()).isNotBlank();
            assertThat(p.help()).isNotBlank();
            assertThat(p.source()).as(p.name() + " source").isNotBlank();
            if (p.isChoice()) {
                assertThat(p.options()).contains(p.defaultChoice());
            } else {
                assertThat(p.min()).isLessThanOrEqualTo(p.max());
                assertThat(Double.isNaN(p.defaultValue()) || (p.defaultValue() >= p.min() && p.defaultValue() <= p.max()))
                        .as(p.name() + " default in range").isTrue();
            }
        }
        Set<String> metrics = new HashSet<>();
        for (MetricSpec m : model.metrics()) {
            assertThat(metrics.add(m.name())).as("duplicate metric %s", m.name()).isTrue();
            assertThat(m.label()).isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void anEmptyDesignRunsOnDefaultsAndTheResultSaysWhichDefaultsStoodIn(Model model) {
        Design empty = Design.empty("blank");
        ParameterSet p = new ModelRunner().resolve(model, empty, DeterminismTest.SMALL.get(model.id()));
        for (ParameterValue v : p.values()) {
            if (!DeterminismTest.SMALL.get(model.id()).containsKey(v.name())) {
                assertThat(v.origin()).as(v.name()).isEqualTo(ParameterValue.Origin.DEFAULT);
                assertThat(v.detail()).isEqualTo(v.parameter().source());
            }
        }
        SimulationResult r = new ModelRunner().run(model, p, 1, 2, null, null);
        long withField = model.parameters().stream()
                .filter(x -> !x.designField().isBlank() && !DeterminismTest.SMALL.get(model.id()).containsKey(x.name())).count();
        assertThat(r.notes()).hasSize((int) withField);
        assertThat(r.notes()).allSatisfy(n -> assertThat(n).startsWith("The design does not state"));
        assertThat(r.metrics()).hasSize(model.metrics().size());
        assertThat(r.verdicts()).isNotEmpty();
    }
}
