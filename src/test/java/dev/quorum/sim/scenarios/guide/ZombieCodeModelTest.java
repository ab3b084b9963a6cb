package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ZombieCodeModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new ZombieCodeModel();
    }

    @Override
    protected int claimReplications() {
        // About 4 failed deploys a year on the defaults; 20 years keep a year without failures from deciding the claim.
        return 20;
    }

    @Test
    void theFailureRateMatchesTheClosedForm() {
        // Fast drift and many deploys, so the share is tight: 3,650 deploys a replication.
        Map<String, String> fast = Map.of("weekly_drift_chance", "50%", "breaking_share", "50%", "deploy_rate", "10 per day");
        int replications = 40;
        SimulationResult r = run(fast, 11, replications);
        double drift = 1 - Math.pow(0.5, 0.1 / 7);
        double expected = 1 - Math.pow(1 - drift * 0.5, 40 * 2);
        assertThat(expected).isCloseTo(0.326, within(0.001));
        Metric failures = r.metric("failure_rate_unpinned").orElseThrow();
        assertThat(r.metric("failure_chance_closed_form").orElseThrow().value()).isCloseTo(expected, within(1e-12));
        // Binomial share over replications x 3,650 deploys: four standard errors.
        double se = Math.sqrt(expected * (1 - expected) / (replications * 3650.0));
        System.out.printf("zombie-code failures: expected %.5f, simulated %.5f (95%% CI %.5f to %.5f)%n",
                expected, failures.value(), failures.low(), failures.high());
        assertThat(failures.value()).isCloseTo(expected, within(4 * se));
        double changes = drift * 80;
        Metric changed = r.metric("version_changes_unpinned").orElseThrow();
        System.out.printf("zombie-code changes per deploy: expected %.4f, simulated %.4f%n", changes, changed.value());
        assertThat(changed.value()).isCloseTo(changes, within(4 * Math.sqrt(changes / (replications * 3650.0))));
        assertThat(r.metric("failed_deploys_unpinned").orElseThrow().value()).isCloseTo(failures.value() * 3650, within(1e-6));
    }

    @Test
    void theDefaultsGiveTheCardsIllustrativeFigure() {
        SimulationResult r = run(Map.of(), 3, 2);
        double drift = 1 - Math.pow(0.98, 0.2);
        assertThat(r.metric("failure_chance_closed_form").orElseThrow().value())
                .isCloseTo(1 - Math.pow(1 - drift * 0.05, 80), within(1e-12))
                .isCloseTo(0.016, within(0.0005));
        assertThat(r.metric("deploys_per_year").orElseThrow().value()).isCloseTo(5 * 365 / 7.0, within(1e-6));
        assertThat(r.metric("failure_rate_pinned_image").orElseThrow().value()).isZero();
    }

    @Test
    void moreEnvironmentsAndDependenciesFailMoreOften() {
        Map<String, String> base = Map.of("weekly_drift_chance", "20%", "deploy_rate", "1 per day");
        double few = run(base, 5, 10).metric("failure_rate_unpinned").orElseThrow().value();
        Map<String, String> more = new java.util.HashMap<>(base);
        more.put("environments", "6");
        more.put("dependencies", "200");
        double many = run(more, 5, 10).metric("failure_rate_unpinned").orElseThrow().value();
        assertThat(many).isGreaterThan(few * 3);
    }

    @Test
    void theBinomialDrawHasTheRightMean() {
        SplittableRandom random = new RandomStreams(9).stream("test");
        for (double chance : new double[] {0.001, 0.3, 0.8}) {
            long sum = 0;
            int draws = 20_000;
            for (int i = 0; i < draws; i++) {
                sum += ZombieCodeModel.binomial(random, 100, chance);
            }
            double sd = Math.sqrt(100 * chance * (1 - chance) / draws);
            assertThat(sum / (double) draws).as("mean at %s", chance).isCloseTo(100 * chance, within(4 * sd));
        }
        assertThat(ZombieCodeModel.binomial(random, 50, 1)).isEqualTo(50);
        assertThat(ZombieCodeModel.binomial(random, 50, 0)).isZero();
    }

    @Test
    void aDesignThatShipsAPinnedImageIsReadAsTheFix() throws Exception {
        ScenarioModel m = model();
        for (String name : new String[] {"ecommerce", "flawed-startup", "payments"}) {
            assertThat(m.notApplicable(sample(name))).as(name).isEmpty();
            assertThat(m.designVariant(sample(name))).as(name).isEmpty();
        }
        var pinned = new dev.quorum.model.Design("svc", "Every service ships as a container image pinned by digest.", null, null, null,
                null, null, null, null, null, null);
        assertThat(m.designVariant(pinned)).hasValueSatisfying(v -> {
            assertThat(v.choice()).isEqualTo("pinned_image");
            assertThat(v.field()).isEqualTo("summary");
        });
        assertThat(m.notApplicable(dev.quorum.model.Design.empty("blank"))).isPresent();
    }
}
