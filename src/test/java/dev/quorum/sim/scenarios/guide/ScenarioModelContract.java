package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.Parameter;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Measure;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Variant;
import dev.quorum.template.ScenarioParameter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What every guide model must do, inherited by each model's own test: take the card's parameters, be
 * deterministic for a seed, read every sample design without failing, and let the fix beat the naive variant on
 * every measure it claims, with the default parameters.
 */
abstract class ScenarioModelContract {

    /** A fresh instance of the model under test. */
    protected abstract ScenarioModel model();

    /** Parameter overrides that keep the contract's runs short; none by default. */
    protected Map<String, String> quick() {
        return Map.of();
    }

    /** Replications for the claim test; stochastic models need enough for a stable mean. */
    protected int claimReplications() {
        return 10;
    }

    protected final SimulationResult run(Map<String, String> overrides, long seed, int replications) {
        return new ModelRunner(2).run(model(), null, overrides, seed, replications, null, null);
    }

    protected static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("samples"))) {
            return files.filter(p -> p.toString().endsWith(".quorum.yaml")).sorted().toList();
        }
    }

    protected static Design sample(String name) throws Exception {
        return new DesignYaml().read(Path.of("samples/" + name + ".quorum.yaml")).design();
    }

    @Test
    void theParametersAreTheCardsWithTheCardsDefaults() {
        ScenarioModel m = model();
        List<ScenarioParameter> card = m.card().parameters();
        assertThat(m.parameters()).extracting(Parameter::name)
                .containsExactlyElementsOf(card.stream().map(ScenarioParameter::name).toList());
        for (int i = 0; i < card.size(); i++) {
            Parameter p = m.parameters().get(i);
            assertThat(p.defaultValue()).as(p.name()).isEqualTo(card.get(i).unit().value(card.get(i).defaultText()));
            assertThat(p.source()).isEqualTo(card.get(i).source());
        }
        assertThat(m.id()).isEqualTo("scenario." + m.card().id());
    }

    @Test
    void variantsMeasuresAndDocumentationAreComplete() {
        ScenarioModel m = model();
        assertThat(m.variants()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(m.variants()).extracting(Variant::id).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][a-z0-9_]*"));
        assertThat(m.measures()).anyMatch(Measure::claimed);
        Set<String> names = new HashSet<>();
        for (MetricSpec s : m.metrics()) {
            assertThat(names.add(s.name())).as("duplicate metric " + s.name()).isTrue();
            assertThat(s.label()).isNotBlank();
        }
        assertThat(m.assumptions()).isNotEmpty().allSatisfy(a -> assertThat(a).isNotBlank());
        assertThat(m.validation()).isNotBlank();
    }

    @Test
    void theSameSeedGivesTheSameResult() {
        Map<String, String> q = quick();
        SimulationResult a = run(q, 7, 3);
        SimulationResult b = run(q, 7, 3);
        assertThat(a).isEqualTo(b);
        assertThat(a.metrics()).hasSize(model().metrics().size());
    }

    @Test
    void theFixImprovesEveryClaimedMeasureOnTheDefaults() {
        ScenarioModel m = model();
        SimulationResult r = run(quick(), 2026, claimReplications());
        for (Measure measure : m.measures()) {
            if (!measure.claimed()) {
                continue;
            }
            Metric before = r.metric(ScenarioModel.metricName(measure, m.naive())).orElseThrow();
            Metric after = r.metric(ScenarioModel.metricName(measure, m.fix())).orElseThrow();
            assertThat(measure.improves(before.value(), after.value()))
                    .as("%s: %s (%s) should improve on %s (%s)", measure.name(), after.text(), m.fix().label(),
                            before.text(), m.naive().label())
                    .isTrue();
        }
        assertThat(r.verdicts()).isNotEmpty();
    }

    @Test
    void everySampleDesignResolvesWithinTheRangesOrSaysWhyItDoesNotApply() throws Exception {
        ScenarioModel m = model();
        for (Path file : samples()) {
            Design d = new DesignYaml().read(file).design();
            m.notApplicable(d).ifPresent(why -> assertThat(why).as(file.toString()).isNotBlank());
            m.designVariant(d).ifPresent(v -> assertThat(m.variant(v.choice())).as(file + " variant " + v.choice()).isPresent());
            ParameterSet p = new ModelRunner().resolve(m, d, Map.of());
            for (ParameterValue v : p.values()) {
                Parameter par = v.parameter();
                if (!par.isChoice()) {
                    assertThat(v.number()).as(file + " " + v.name()).isBetween(par.min(), par.max());
                }
            }
        }
        assertThat(m.notApplicable(Design.empty("blank"))).as("an empty design").isNotNull();
    }
}
