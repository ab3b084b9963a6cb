package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.DataSize;
import dev.quorum.sim.scenarios.ConnectionPoolModel;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetCrisisModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new BudgetCrisisModel();
    }

    private static Metric metric(SimulationResult r, String name) {
        return r.metric(name).orElseThrow();
    }

    @Test
    void demandAndCapacityFollowTheServiceTimes() {
        SimulationResult r = run(Map.of(), 31, 3);
        // Scan: 10M rows / 20M rows/s = 0.5 s; 200/s x 0.5 s / 8 cores = 12.5; 8 / 0.5 s = 16/s.
        assertThat(metric(r, "cpu_demand_scan").value()).isCloseTo(12.5, within(1e-9));
        assertThat(metric(r, "max_rate_scan").value()).isCloseTo(16, within(1e-9));
        // Index at the reference size: 0.1 ms; 200/s x 0.1 ms / 8 = 0.0025; 8 / 0.1 ms = 80,000/s.
        assertThat(metric(r, "cpu_demand_index").value()).isCloseTo(0.0025, within(1e-12));
        assertThat(metric(r, "max_rate_index").value()).isCloseTo(80_000, within(1e-6));
        // A 90% hit ratio removes nine queries in ten: a tenth of the demand, ten times the rate.
        assertThat(metric(r, "cpu_demand_index_cache").value()).isCloseTo(0.00025, within(1e-12));
        assertThat(metric(r, "max_rate_index_cache").value()).isCloseTo(800_000, within(1e-5));
        // Overloaded, the scan keeps every core busy.
        assertThat(metric(r, "cpu_scan").value()).isGreaterThan(0.98);
    }

    @Test
    void scanCostGrowsWithTheRowsAndIndexCostWithTheirLogarithm() {
        SimulationResult small = run(Map.of("table_rows", "100000"), 32, 2);
        SimulationResult large = run(Map.of("table_rows", "1000000000"), 32, 2);
        double rowsRatio = 1e9 / 1e5;
        assertThat(metric(large, "max_rate_scan").value() * rowsRatio).isCloseTo(metric(small, "max_rate_scan").value(), within(1e-6));
        // ln(1e9) / ln(1e5) = 1.8: the index slows by under twice for ten thousand times the rows.
        double indexSlowdown = metric(small, "max_rate_index").value() / metric(large, "max_rate_index").value();
        assertThat(indexSlowdown).isCloseTo(Math.log(1e9) / Math.log(1e5), within(1e-9));
    }

    @Test
    void theDatabaseQueueMatchesErlangC() {
        // 1M rows at 20M rows/s: 0.05 s per scan; 128/s on 8 cores is 80% busy, where the wait is a real share.
        Map<String, String> load = Map.of("table_rows", "1000000", "query_rate", "128/s");
        SimulationResult r = run(load, 33, 20);
        double mu = 1 / 0.05;
        double expected = 0.05 + ConnectionPoolModel.erlangCWait(8, 128, mu);
        assertThat(metric(r, "erlang_c_latency_scan").value()).isCloseTo(expected, within(1e-12));
        Metric simulated = metric(r, "latency_mean_scan");
        // Each replication starts empty and covers 60 s (7,680 queries); twenty of them pin the mean to about 1.5%.
        assertThat(simulated.value()).isCloseTo(expected, within(0.03 * expected));
        assertThat(simulated.low()).isLessThanOrEqualTo(expected * 1.01);
        assertThat(simulated.high()).isGreaterThanOrEqualTo(expected * 0.99);
        assertThat(metric(r, "cpu_scan").value()).isCloseTo(0.8, within(0.02));
    }

    @Test
    void theCacheCutsDatabaseLoadByTheHitRatio() {
        SimulationResult r = run(Map.of("table_rows", "1000000", "query_rate", "100/s", "cache_hit_ratio", "75%"), 34, 10);
        // Same seeded queries: the measured busy share with the cache is about a quarter of the index's.
        double ratio = metric(r, "cpu_index_cache").value() / metric(r, "cpu_index").value();
        assertThat(ratio).isCloseTo(0.25, within(0.02));
        // Hits pay the cache lookup only; misses pay it and the indexed query.
        assertThat(metric(r, "latency_mean_index_cache").value())
                .isCloseTo(metric(r, "erlang_c_latency_index_cache").value(), within(0.02 * metric(r, "erlang_c_latency_index_cache").value()));
    }

    @Test
    void readsTheHotQueryAndTheRowsOfTheTableItReads() throws Exception {
        var m = new BudgetCrisisModel();
        var design = sample("ecommerce");
        var values = m.fromDesign(design);
        // Customer order history, 400/s, reads orders: '600 B per row x 250M rows'.
        assertThat(values.get("query_rate").number()).isEqualTo(400);
        assertThat(values.get("table_rows").number()).isEqualTo(250e6);
        assertThat(values.get("table_rows").field()).isEqualTo("persistence.data_elements[2].size_estimate");
        assertThat(BudgetCrisisModel.rows(DataSize.of("500 KB per image x 1M images (original plus three WebP renditions)")))
                .hasValue(1e6);
        assertThat(BudgetCrisisModel.rows(DataSize.of("~6 GB"))).isEmpty();
        var p = new ModelRunner().resolve(m, design, Map.of());
        assertThat(p.get("table_rows")).isEqualTo(250e6);
    }
}
