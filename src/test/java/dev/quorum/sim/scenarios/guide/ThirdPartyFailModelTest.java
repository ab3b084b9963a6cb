package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThirdPartyFailModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new ThirdPartyFailModel();
    }

    private static double value(SimulationResult r, String name) {
        return r.metric(name).orElseThrow().value();
    }

    @Test
    void withoutATimeoutTheRefusedShareIsErlangB() {
        SimulationResult r = run(Map.of(), 11, 10);
        double erlang = ThirdPartyFailModel.erlangB(200, 50 * 120.0);
        assertThat(value(r, "refused_share_erlang_b")).isCloseTo(erlang, within(1e-12));
        // Erlang B is a steady-state share; the first seconds fill the pool, so allow 1% of the outage's arrivals.
        assertThat(value(r, "refused_share_outage_no_timeout")).isCloseTo(erlang, within(0.01));
        assertThat(value(r, "peak_threads_no_timeout")).isEqualTo(200);
    }

    @Test
    void withATimeoutTheBusyThreadsFollowLittlesLaw() {
        SimulationResult r = run(Map.of(), 12, 10);
        var threads = r.metric("threads_outage_timeout").orElseThrow();
        // Little's law: L = lambda W = 50/s x 2 s. The replications' interval must cover it, within 1%.
        assertThat(value(r, "threads_littles_law")).isEqualTo(100.0);
        assertThat(threads.value()).isCloseTo(100.0, within(1.0));
        assertThat(threads.low() - 0.5).isLessThanOrEqualTo(100.0);
        assertThat(threads.high() + 0.5).isGreaterThanOrEqualTo(100.0);
        assertThat(value(r, "refused_timeout")).isZero();
    }

    @Test
    void theBreakerLetsThroughTheWindowAndTenTrialCallsPerCycle() {
        // 50/s, 2 s timeout: the first failures are recorded 2 s into the outage; the window (100 successes from the
        // healthy warm-up) reaches 50% after 50 more, about 1 s later. Calls started until then reach the provider:
        // 50/s x (2 s + 1 s) = 150. Then every cycle is 60 s open, 10 trial calls (0.2 s at 50/s) and 2 s until
        // they time out; the first round starts at 3 s + 60 s, so a 600 s outage has floor((600 - 63) / 62.2) + 1 = 9
        // half-open rounds of 10 calls each.
        SimulationResult r = run(Map.of(), 13, 10);
        double expected = 150 + 10 * (Math.floor((600 - 63) / 62.2) + 1);
        assertThat(expected).isEqualTo(240.0);
        assertThat(value(r, "provider_calls_breaker")).isCloseTo(expected, within(10.0));
        assertThat(value(r, "provider_calls_timeout")).isCloseTo(50 * 600.0, within(300.0));
        assertThat(value(r, "fallback_breaker")).isGreaterThan(0.9 * 50 * 600);
    }

    @Test
    void afterTheOutageTheBreakerClosesAndSignInsSucceedAgain() {
        // A 60 s outage: the breaker opens, half-opens once the provider is back, and the trial calls close it.
        SimulationResult r = run(Map.of("outage_duration", "60 s"), 14, 5);
        double fallback = value(r, "fallback_breaker");
        // Open from about 3 s into the outage until the first half-open after it, 60 s later at most.
        assertThat(fallback).isBetween(50 * 55.0, 50 * 62.0);
        assertThat(value(r, "latency_p50_breaker")).isGreaterThan(0.1);
    }

    @Test
    void aDesignCallingAPaymentProviderIsInScopeAndAStatedTimeoutIsNeeded() throws Exception {
        var m = new ThirdPartyFailModel();
        var startup = sample("flawed-startup");
        assertThat(m.notApplicable(startup)).isEmpty();
        // "retries the whole call on a timeout" states no bound on the call, so the design counts as naive.
        assertThat(m.designVariant(startup)).isEmpty();
        assertThat(m.notApplicable(sample("live-scores"))).isPresent();
    }
}
