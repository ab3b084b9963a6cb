package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MorningLagModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new MorningLagModel();
    }

    private static Metric metric(SimulationResult r, String name) {
        return r.metric(name).orElseThrow();
    }

    @Test
    void theColdShareMatchesTheIdleGapClosedForm() {
        // 360 requests in 10 h is 0.01/s; with a 100 s timeout a gap is long enough with chance e^-1. Requests of
        // 1 ms and cold starts of 100 ms almost never overlap, so idle gaps alone decide.
        Map<String, String> sparse = Map.of("daily_requests", "360 per day", "idle_timeout", "100 s", "warm_latency", "1 ms",
                "cold_start", "100 ms");
        int replications = 100;
        SimulationResult r = run(sparse, 5, replications);
        double q = Math.exp(-1);
        assertThat(metric(r, "cold_chance_closed_form").value()).isCloseTo(q, within(1e-12));
        // The first request of the day is always cold: about (1 - q) / 360 more.
        double expected = q + (1 - q) / 360;
        Metric share = metric(r, "cold_start_share_on_demand");
        System.out.printf("morning-lag cold share: expected %.4f, simulated %.4f (95%% CI %.4f to %.4f)%n", expected,
                share.value(), share.low(), share.high());
        double se = Math.sqrt(q * (1 - q) / 360 / replications);
        assertThat(share.value()).isCloseTo(expected, within(4 * se));
        assertThat(metric(r, "first_request_latency_on_demand").value()).isCloseTo(0.101, within(1e-9));
    }

    @Test
    void aPingSlowerThanTheTimeoutKeepsTheMorningWarmOnlySometimes() {
        // Pings every 20 min, reclaimed after 10 min idle: 8:00 finds the night's environment with chance 10/20.
        int replications = 200;
        SimulationResult slow = run(Map.of("keep_warm_interval", "20 min", "idle_timeout", "10 min"), 3, replications);
        double expected = 0.08 + 0.5 * 5;
        Metric first = metric(slow, "first_request_latency_keep_warm");
        System.out.printf("morning-lag first request with a 20 min ping: expected %.3f s, simulated %.3f s (95%% CI %.3f to %.3f)%n",
                expected, first.value(), first.low(), first.high());
        assertThat(first.value()).isCloseTo(expected, within(4 * 2.5 / Math.sqrt(replications)));
        // A ping shorter than the timeout keeps the morning warm every day.
        SimulationResult fast = run(Map.of(), 3, 20);
        assertThat(metric(fast, "first_request_latency_keep_warm").value()).isCloseTo(0.08, within(1e-9));
        assertThat(metric(fast, "first_request_latency_on_demand").value()).isCloseTo(5.08, within(1e-9));
        assertThat(metric(fast, "first_request_latency_provisioned").value()).isCloseTo(0.08, within(1e-9));
    }

    @Test
    void provisionedConcurrencyCostsEnvironmentsTimesHoursTimesPrice() {
        SimulationResult r = run(Map.of(), 1, 3);
        double fixed = 2 * 1.0 * 36_000 * (730 / 24.0) * 0.0000041667;
        assertThat(metric(r, "provisioned_fixed_cost").value()).isCloseTo(fixed, within(1e-9)).isCloseTo(9.125, within(0.001));
        // On demand, each of ~5,000 requests a day pays a request and 80 ms of 1 GB, and cold starts a little more.
        double days = 730 / 24.0;
        double warmBill = 5000 * days * (0.2e-6 + 0.08 * 0.0000166667);
        assertThat(metric(r, "monthly_cost_on_demand").value()).isGreaterThan(warmBill).isLessThan(warmBill * 1.5);
        // Provisioned: the fixed part plus run time at the provisioned duration price.
        double provisionedRuns = 5000 * days * (0.2e-6 + 0.08 * 0.0000097222);
        assertThat(metric(r, "monthly_cost_provisioned").value()).isCloseTo(fixed + provisionedRuns, within(0.05));
    }

    @Test
    void provisionedEnvironmentsRemoveTheColdStartsOfTheDay() {
        SimulationResult r = run(Map.of(), 8, 10);
        assertThat(metric(r, "cold_start_share_provisioned").value()).isLessThan(metric(r, "cold_start_share_on_demand").value() / 10);
        assertThat(metric(r, "latency_max_on_demand").value()).isCloseTo(5.08, within(0.01));
    }

    @Test
    void onlyAServerlessDesignHasColdStarts() throws Exception {
        ScenarioModel m = model();
        assertThat(m.notApplicable(sample("ecommerce"))).isPresent();
        Design lambda = new Design("api", "The API runs on AWS Lambda with provisioned concurrency for office hours.", null, null,
                null, null, null, null, null, null, null);
        assertThat(m.notApplicable(lambda)).isEmpty();
        assertThat(m.designVariant(lambda)).hasValueSatisfying(v -> assertThat(v.choice()).isEqualTo("provisioned"));
        Design warm = new Design("api", "Serverless functions with a keep-warm ping every 5 min.", null, null, null, null, null,
                null, null, null, null);
        assertThat(m.designVariant(warm)).hasValueSatisfying(v -> assertThat(v.choice()).isEqualTo("keep_warm"));
    }
}
