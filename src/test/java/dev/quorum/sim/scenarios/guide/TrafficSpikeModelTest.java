package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrafficSpikeModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new TrafficSpikeModel();
    }

    private static ParameterSet params(Map<String, String> overrides) {
        return new ModelRunner().resolve(new TrafficSpikeModel(), null, overrides);
    }

    private static TrafficSpikeModel.Cluster cluster(ParameterSet p, String variant, long seed) {
        TrafficSpikeModel.Load load = new TrafficSpikeModel.Load(p);
        SplittableRandom r = new RandomStreams(seed).stream("arrivals");
        long[] arrivals = new long[load.seconds];
        for (int t = 0; t < arrivals.length; t++) {
            arrivals[t] = PoissonCounts.sample(r, load.rate(t + 0.5));
        }
        TrafficSpikeModel.Cluster c = new TrafficSpikeModel.Cluster(p, load, arrivals, variant, Cancellation.NONE);
        c.run();
        return c;
    }

    @Test
    void fixedReplicasDropTheLoadAboveTheirCapacity() {
        ParameterSet p = params(Map.of());
        // 5 pods x 125/s = 625/s; the ramp climbs 1.25/s per second to 5,000/s and holds 1,800 s:
        // 4,375^2 / 2.5 + 4,375 x 1,800 = 15,531,250.
        assertThat(TrafficSpikeModel.fixedDroppedExpected(p)).isEqualTo(15_531_250.0);
        SimulationResult r = run(Map.of(), 2026, 10);
        Metric dropped = r.metric("dropped_fixed").orElseThrow();
        // Poisson arrivals give each replication a spread of about sqrt(19M) = 4,400 requests, so the 95% interval
        // of 10 replications is about +/-3,100; the bias E[(N - c)+] - (lambda - c)+ near the crossing is a few hundred.
        double halfWidth = (dropped.high() - dropped.low()) / 2;
        assertThat(halfWidth).isBetween(500.0, 6_000.0);
        assertThat(dropped.value()).isCloseTo(15_531_250.0, within(1.5 * halfWidth + 500));
        // 5 pods for 2 h at $0.048.
        assertThat(r.metric("cost_fixed").orElseThrow().value()).isCloseTo(5 * 2 * 0.048, within(1e-9));
        assertThat(r.metric("pod_hours_hpa").orElseThrow().value()).isGreaterThan(10.0);
        Metric hpaCost = r.metric("cost_hpa").orElseThrow();
        assertThat(hpaCost.value()).isCloseTo(r.metric("pod_hours_hpa").orElseThrow().value() * 0.048, within(1e-9));
    }

    @Test
    void withUnlimitedPoliciesTheReplicasTrackTheLoad() {
        ParameterSet p = params(Map.of("scale_up_pods", "1000", "scale_up_percent", "1000%", "pod_start_time", "1 s"));
        TrafficSpikeModel.Load load = new TrafficSpikeModel.Load(p);
        TrafficSpikeModel.Cluster hpa = cluster(p, "hpa", 3);
        // At the target each pod takes 100/s; the HPA leaves the count alone within 10% of it.
        for (int t = 600; t < 3600; t += 300) {
            double needed = load.rate(t) / 100;
            assertThat(hpa.pods[t]).as("t=" + t).isBetween((int) Math.floor(load.rate(t - 30) / 100 / 1.1), (int) Math.ceil(needed / 0.9) + 1);
        }
        int settled = hpa.pods[(int) (load.ramp + load.hold) - 1];
        assertThat(settled).isBetween(46, 56);
        assertThat(TrafficSpikeModel.podsNeeded(p)).isEqualTo(50);
        assertThat(hpa.dropped).isLessThan(0.001 * hpa.requests);
    }

    @Test
    void scaleUpAtMostDoublesOrAddsFourPerPeriod() {
        // A 100x step within a minute: the default policies are what hold the HPA back.
        ParameterSet p = params(Map.of("ramp", "1 min", "growth", "100x"));
        TrafficSpikeModel.Cluster hpa = cluster(p, "hpa", 4);
        boolean doubled = false;
        for (int t = 15; t < 600; t++) {
            int before = hpa.pods[t - 15];
            assertThat(hpa.pods[t]).as("t=" + t).isLessThanOrEqualTo(Math.max(2 * before, before + 4));
            doubled |= before >= 4 && hpa.pods[t] == 2 * before;
        }
        assertThat(doubled).as("the percent policy binds at least once").isTrue();
        // From 5 pods, doubling every 15 s needs 7 periods to pass 500; the first decision comes at 15 s.
        int reached = 0;
        while (hpa.pods[reached] < 500) {
            reached++;
        }
        assertThat(reached).isGreaterThanOrEqualTo(7 * 15);
        assertThat(hpa.dropped).isGreaterThan(0);
    }

    @Test
    void scaleDownWaitsForTheStabilisationWindow() {
        ParameterSet p = params(Map.of());
        TrafficSpikeModel.Load load = new TrafficSpikeModel.Load(p);
        TrafficSpikeModel.Cluster hpa = cluster(p, "hpa", 5);
        int drop = (int) (load.ramp + load.hold);
        int atDrop = hpa.pods[drop];
        assertThat(atDrop).isGreaterThan(40);
        // The 300 s window keeps the highest recommendation, made while the load was still at its peak.
        assertThat(hpa.pods[drop + 285]).isEqualTo(atDrop);
        assertThat(hpa.pods[hpa.pods.length - 1]).isLessThan(atDrop / 4);
    }

    @Test
    void vpaLosesCapacityWhileItsPodsRestart() {
        SimulationResult r = run(Map.of(), 8, 3);
        assertThat(r.metric("restarts_vpa").orElseThrow().value()).isGreaterThan(10);
        assertThat(r.metric("restarts_hpa").orElseThrow().value()).isZero();
        assertThat(r.metric("peak_pods_vpa").orElseThrow().value()).isEqualTo(5.0);
        double vpa = r.metric("dropped_vpa").orElseThrow().value();
        assertThat(vpa).isGreaterThan(100 * Math.max(1, r.metric("dropped_hpa").orElseThrow().value()));
        assertThat(vpa).isLessThan(r.metric("dropped_fixed").orElseThrow().value());
        assertThat(r.verdicts()).filteredOn(v -> v.status() == Verdict.Status.MET)
                .singleElement().satisfies(v -> assertThat(v.text()).startsWith("HPA"));
    }

    @Test
    void theDesignSaysWhetherItRunsOnAScalablePlatform() throws Exception {
        TrafficSpikeModel m = new TrafficSpikeModel();
        assertThat(m.notApplicable(sample("ecommerce"))).isEmpty();
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
    }
}
