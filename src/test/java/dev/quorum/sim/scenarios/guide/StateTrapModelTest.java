package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateTrapModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new StateTrapModel();
    }

    private static Metric metric(SimulationResult r, String name) {
        return r.metric(name).orElseThrow();
    }

    @Test
    void roundRobinFailsOneMinusOneOverServers() {
        for (int servers : new int[] {2, 4}) {
            SimulationResult r = run(Map.of("servers", String.valueOf(servers)), 21, 10);
            double expected = 1 - 1.0 / servers;
            Metric failed = metric(r, "failed_share_local");
            assertThat(metric(r, "failed_share_closed_form").value()).isEqualTo(expected);
            // About 30,000 follow-ups per replication: the binomial standard error of the mean of ten is ~0.0009.
            assertThat(failed.value()).as("%d servers", servers).isCloseTo(expected, within(0.005));
            assertThat(failed.low()).isLessThanOrEqualTo(expected + 0.001);
            assertThat(failed.high()).isGreaterThanOrEqualTo(expected - 0.001);
            // Twenty follow-ups all landing on the session's server: (1/N)^20, practically never.
            assertThat(metric(r, "signed_out_visits_local").value()).isCloseTo(1 - Math.pow(1.0 / servers, 20), within(0.002));
        }
    }

    @Test
    void oneServerNeverLosesTheSessionToRoundRobin() {
        SimulationResult r = run(Map.of("servers", "1", "restart_interval", "30 days"), 22, 3);
        assertThat(metric(r, "failed_share_local").value()).isLessThan(1e-4);
    }

    @Test
    void stickySessionsFailOnlyAtRestarts() {
        SimulationResult r = run(Map.of(), 23, 20);
        double thinkOverInterval = 15.0 / 86_400;
        assertThat(metric(r, "restart_failed_share_closed_form").value()).isCloseTo(thinkOverInterval, within(1e-12));
        // Poisson with mean 100/s x 15 s = 1,500 interrupted visits per restart: relative standard error 2.6% per
        // replication, 0.6% for the mean of twenty; allow 3%.
        assertThat(metric(r, "failed_share_sticky").value()).isCloseTo(thinkOverInterval, within(0.03 * thinkOverInterval));
        assertThat(metric(r, "signed_out_visits_sticky").value()).isCloseTo(20 * thinkOverInterval, within(0.03 * 20 * thinkOverInterval));
        assertThat(metric(r, "forced_signins_sticky").value()).isCloseTo(1500.0 / 86_400, within(0.03 * 1500 / 86_400));
        // Restarting every hour interrupts 24 times as often.
        SimulationResult hourly = run(Map.of("restart_interval", "1 h"), 23, 20);
        assertThat(metric(hourly, "failed_share_sticky").value()).isCloseTo(15.0 / 3600, within(0.03 * 15 / 3600));
    }

    @Test
    void theStoreAddsItsRoundTripToEveryRequest() {
        SimulationResult r = run(Map.of("store_round_trip", "2 ms"), 24, 3);
        assertThat(metric(r, "added_latency_store").value()).isCloseTo(0.002, within(1e-9));
        assertThat(metric(r, "added_latency_local").value()).isZero();
        assertThat(metric(r, "failed_share_store").value()).isZero();
        assertThat(metric(r, "forced_signins_store").value()).isZero();
    }

    @Test
    void aDesignWithSessionsInASharedStoreAlreadyUsesTheFix() throws Exception {
        var m = new StateTrapModel();
        var design = sample("ecommerce");
        assertThat(m.notApplicable(design)).isEmpty();
        assertThat(m.designVariant(design)).map(v -> v.choice()).contains("store");
    }

    @Test
    void sessionsInEachServersMemoryAreTheNaiveVariant() throws Exception {
        var m = new StateTrapModel();
        var design = sample("flawed-startup");
        assertThat(m.designVariant(design)).map(v -> v.choice()).contains("local");
        assertThat(m.designVariant(design).orElseThrow().text()).contains("In-process memory");
    }
}
