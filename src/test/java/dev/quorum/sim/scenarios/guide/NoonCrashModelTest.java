package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoonCrashModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new NoonCrashModel();
    }

    private static ParameterSet params(Map<String, String> overrides) {
        return new ModelRunner().resolve(new NoonCrashModel(), null, overrides);
    }

    @Test
    void jitteredExpiriesSpreadEvenlyOverTheWindow() {
        // 200,000 keys over 10% of 1 h: keys / (jitter x TTL) = 555.6 rebuilds/s in the body of the window.
        ParameterSet p = params(Map.of("keys", "200000", "db_capacity", "1000000/s"));
        double expected = NoonCrashModel.spreadRate(p);
        assertThat(expected).isCloseTo(555.56, within(0.01));
        for (long seed = 1; seed <= 3; seed++) {
            NoonCrashModel.Stampede s = new NoonCrashModel.Stampede(p, seed, true, true, Cancellation.NONE);
            s.run();
            // Seconds 60 to 300 of the 360 s window: past the first misses' delay, before the last expiries.
            double sum = 0;
            for (int second = 60; second < 300; second++) {
                sum += s.bucketQueries[second];
            }
            double rate = sum / 240;
            // 133,000 rebuilds in 240 s: the Poisson spread is 0.3%, so 2% is several standard deviations.
            assertThat(rate).as("seed " + seed).isCloseTo(expected, within(0.02 * expected));
            assertThat(s.peakRate()).isLessThan(1.3 * expected);
        }
    }

    @Test
    void eachExpiredKeyIsQueriedOncePlusTheRequestsDuringItsRebuild() {
        // An unsaturated database: each rebuild takes exactly the rebuild time.
        Map<String, String> q = Map.of("db_capacity", "1000000/s");
        ParameterSet p = params(q);
        double perKey = NoonCrashModel.queriesPerKey(p);
        assertThat(perKey).isCloseTo(1 + 25_000.0 / 10_000 * 0.05, within(1e-12));
        SimulationResult r = run(q, 11, 20);
        Metric jitter = r.metric("db_queries_jitter").orElseThrow();
        double expected = 10_000 * perKey;
        double halfWidth = (jitter.high() - jitter.low()) / 2;
        // Poisson(1,250) duplicates: the standard deviation is 35, so the interval is about +/-16.
        assertThat(halfWidth).isBetween(5.0, 40.0);
        assertThat(jitter.value()).isCloseTo(expected, within(2 * halfWidth));
        assertThat(r.metric("db_queries_jitter_coalescing").orElseThrow().value()).isEqualTo(10_000.0);
        assertThat(r.metric("misses_jitter_coalescing").orElseThrow().value()).isCloseTo(expected, within(2 * halfWidth));
    }

    @Test
    void withAFixedTtlTheDatabaseSeesNearlyTheFullRequestRate() {
        ParameterSet p = params(Map.of());
        NoonCrashModel.Stampede fixed = new NoonCrashModel.Stampede(p, 5, false, false, Cancellation.NONE);
        fixed.run();
        // Each request queries at most once, so the busiest second is bounded by the 5 x 5,000 requests in it
        // (plus Poisson noise, 1% at 25,000); every key expires at once, so it comes close to that bound.
        assertThat(fixed.peakRate()).isBetween(0.8 * 25_000, 1.02 * 25_000);
        assertThat(fixed.timeOverCapacity()).isGreaterThan(5.0);
        NoonCrashModel.Stampede coalesced = new NoonCrashModel.Stampede(p, 5, false, true, Cancellation.NONE);
        coalesced.run();
        // Coalescing alone caps the queries at one per key, but every key still expires in the same second.
        assertThat(coalesced.queries).isEqualTo(10_000.0);
        assertThat(coalesced.peakRate()).isGreaterThan(2_000);
    }

    @Test
    void theVerdictsJudgeEveryVariantAgainstTheDatabaseCapacity() {
        SimulationResult r = run(Map.of(), 3, 3);
        assertThat(r.verdicts()).filteredOn(v -> v.status() == Verdict.Status.MISSED).hasSize(1)
                .allSatisfy(v -> assertThat(v.text()).startsWith("Fixed TTL"));
        assertThat(r.verdicts()).filteredOn(v -> v.status() == Verdict.Status.MET).hasSize(2);
    }

    @Test
    void theDesignsCacheTextGivesTheTtlTheJitterAndTheVariant() throws Exception {
        NoonCrashModel m = new NoonCrashModel();
        Design shop = sample("ecommerce");
        assertThat(m.notApplicable(shop)).isEmpty();
        assertThat(m.fromDesign(shop).get("ttl").number()).isEqualTo(300.0);
        assertThat(m.fromDesign(shop).get("jitter").number()).isCloseTo(0.1, within(1e-12));
        assertThat(m.designVariant(shop).orElseThrow().choice()).isEqualTo("jitter_coalescing");
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
    }
}
