package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.sim.scenarios.ConnectionPoolModel;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TenSecondLagModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new TenSecondLagModel();
    }

    private static double value(SimulationResult r, String name) {
        return r.metric(name).orElseThrow().value();
    }

    @Test
    void withoutAHotRowThePoolWaitMatchesErlangC() {
        // 400/s x 20 ms = 8 busy connections of the default 10: an M/M/10 queue at utilisation 0.8.
        SimulationResult r = run(Map.of("hot_row_share", "0%"), 11, 40);
        double erlang = ConnectionPoolModel.erlangCWait(10, 400, 50);
        assertThat(erlang).isCloseTo(0.00409, within(0.00005));
        Metric wait = r.metric("connection_wait_stated_pool").orElseThrow();
        double slack = Math.max(wait.value() - wait.low(), wait.high() - wait.value()) + 0.05 * erlang;
        assertThat(wait.value()).isCloseTo(erlang, within(slack));
        assertThat(value(r, "erlang_c_wait_stated_pool")).isCloseTo(erlang, within(1e-12));
        // Little's law for the servers: busy connections = lambda x S, here 8 of 10.
        assertThat(value(r, "pool_busy_stated_pool")).isCloseTo(0.8, within(0.016));
        assertThat(value(r, "timeout_share_stated_pool")).isZero();
    }

    @Test
    void aBiggerPoolAloneDoesNotHelpButShortTransactionsDo() {
        SimulationResult r = run(Map.of(), 3, 4);
        assertThat(value(r, "hot_lock_load")).isCloseTo(4.0, within(1e-9));
        assertThat(value(r, "little_pool")).isEqualTo(16);
        // The lock, not the pool, is the bottleneck: 16 connections fill with lock waiters just as 10 do.
        assertThat(value(r, "latency_p99_stated_pool")).isGreaterThan(10);
        assertThat(value(r, "latency_p99_sized_pool")).isGreaterThan(10);
        assertThat(value(r, "timeout_share_sized_pool")).isGreaterThan(0.1);
        assertThat(value(r, "latency_p99_sized_pool_short_tx")).isLessThan(0.25);
        assertThat(value(r, "timeout_share_sized_pool_short_tx")).isZero();
        // The lock can pass 1 / 200 ms = 5 updates/s, so 5 / 5% = 100 requests/s get through, far below 400/s.
        assertThat(value(r, "throughput_stated_pool")).isCloseTo(1 / (0.05 * 0.2), within(20.0));
        assertThat(value(r, "throughput_sized_pool")).isCloseTo(1 / (0.05 * 0.2), within(20.0));
        assertThat(value(r, "throughput_sized_pool_short_tx")).isCloseTo(400, within(20.0));
    }

    @Test
    void cpuStaysLowWhileLatencyExplodes() {
        SimulationResult r = run(Map.of(), 5, 4);
        // CPU = completed/s x 2 ms / 4 cores: at most 400 x 2 ms / 4 = 20% even for the fix.
        assertThat(value(r, "db_cpu_stated_pool")).isLessThan(0.10);
        assertThat(value(r, "db_cpu_sized_pool_short_tx")).isCloseTo(0.20, within(0.015));
        assertThat(value(r, "latency_p50_stated_pool")).isGreaterThan(1);
        assertThat(value(r, "pool_busy_stated_pool")).isGreaterThan(0.95);
    }

    @Test
    void hikariFormulaAndLittlesLawSizing() {
        assertThat(TenSecondLagModel.hikariFormula(4)).isEqualTo(9);
        assertThat(TenSecondLagModel.hikariFormula(16)).isEqualTo(33);
        assertThat(TenSecondLagModel.sizedPool(400, 0.020)).isEqualTo(16);
        assertThat(TenSecondLagModel.sizedPool(1, 0.001)).isEqualTo(1);
        assertThat(TenSecondLagModel.sizedPool(1200, 0.008)).isEqualTo(20);
    }

    @Test
    void latencyGrowsWithConcurrencyForTheNaivePoolOnly() {
        SimulationResult r = run(Map.of(), 9, 2);
        Series naive = r.series().stream().filter(s -> s.name().equals("latency_p99_stated_pool")).findFirst().orElseThrow();
        Series fix = r.series().stream().filter(s -> s.name().equals("latency_p99_sized_pool_short_tx")).findFirst().orElseThrow();
        assertThat(naive.values()).hasSize(TenSecondLagModel.SWEEP_STEPS);
        assertThat(naive.start()).isCloseTo(2.0, within(1e-9));
        // At a quarter of the rate (100/s) the lock is at its limit; by the stated rate the naive p99 is seconds.
        assertThat(naive.values().get(3)).isGreaterThan(1);
        assertThat(naive.values().get(3)).isGreaterThan(10 * naive.values().get(0) / 10);
        // The fix, sized for 400/s with 2x headroom, stays fast up to 1.5x that rate.
        for (int k = 0; k < 6; k++) {
            assertThat(fix.values().get(k)).as("fix p99 at step " + k).isLessThan(0.3);
        }
    }

    @Test
    void readsTheDesignsPoolAndRate() throws Exception {
        ScenarioModel m = model();
        ParameterSet p = new ModelRunner().resolve(m, sample("flawed-startup"), Map.of());
        assertThat(p.get("pool_size")).isEqualTo(5);
        assertThat(m.designVariant(sample("flawed-startup"))).isEmpty();
        assertThat(m.designVariant(sample("payments"))).map(v -> v.choice()).contains("sized_pool");
        // ecommerce: a pool of 40 for 4.8 busy connections, and stock decremented by one atomic UPDATE.
        assertThat(m.designVariant(sample("ecommerce"))).map(v -> v.choice()).contains("sized_pool_short_tx");
        assertThat(m.notApplicable(dev.quorum.model.Design.empty("blank"))).isPresent();
    }
}
