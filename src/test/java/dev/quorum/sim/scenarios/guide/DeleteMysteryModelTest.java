package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeleteMysteryModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new DeleteMysteryModel();
    }

    private static ParameterSet params(Map<String, String> overrides) {
        return new ModelRunner().resolve(new DeleteMysteryModel(), null, overrides);
    }

    @Test
    void liveAccountsFollowTheClosedForm() {
        Map<String, String> q = Map.of("monthly_new_share", "1%");
        double a = 1_000_000;
        double stay = Math.pow(0.98, 12);
        double expected = a * stay + a * 0.01 * (1 - stay) / 0.02;
        assertThat(DeleteMysteryModel.expectedLive(params(q))).isCloseTo(expected, within(1e-6));
        SimulationResult r = run(q, 2026, 10);
        Metric live = r.metric("live_accounts_end").orElseThrow();
        double halfWidth = (live.high() - live.low()) / 2;
        // Binomial closures and Poisson sign-ups: a spread of about 600 accounts a replication.
        assertThat(halfWidth).isBetween(50.0, 1_500.0);
        assertThat(live.value()).isCloseTo(expected, within(2 * halfWidth));
        Metric closed = r.metric("closed_accounts").orElseThrow();
        assertThat(closed.value()).isCloseTo(a + 12 * a * 0.01 - expected, within(4 * halfWidth + 100));
    }

    @Test
    void aShortRetentionAnswersTheClosedFormShare() {
        // Closures at a steady rate (2% close, 2% open): a request at t asks for an account closed evenly over [0, t],
        // so a retention r answers (r / H)(1 + ln(H / r)) of the requests.
        Map<String, String> q = Map.of("retention_period", "90 d", "request_rate", "1000 per day");
        double x = 90.0 / 365;
        double expected = x * (1 + Math.log(1 / x));
        SimulationResult r = run(q, 2026, 10);
        Metric soft = r.metric("answered_share_soft_partial").orElseThrow();
        // 365,000 requests a replication: the binomial spread of the share is 0.08%.
        assertThat(soft.value()).isCloseTo(expected, within(0.005));
        assertThat(r.metric("answered_share_hard").orElseThrow().value()).isZero();
        assertThat(r.metric("answered_share_soft").orElseThrow().value()).isEqualTo(soft.value());
        // Only the last 90 days' closures are still kept.
        double kept = r.metric("deleted_rows_kept_soft_partial").orElseThrow().value();
        assertThat(kept / 50).isCloseTo(20_000 * 90 / (365.0 / 12), within(0.02 * 20_000 * 3));
    }

    @Test
    void softDeletesKeepEveryClosedAccountsRowsUntilThePurge() {
        ParameterSet p = params(Map.of());
        ReplicationOutcome o = new DeleteMysteryModel().replicate(p, 9, Cancellation.NONE);
        Map<String, Double> v = o.values();
        double live = v.get("live_accounts_end");
        double closed = v.get("closed_accounts");
        assertThat(v.get("storage_end_hard")).isEqualTo(live * 50 * 1000);
        assertThat(v.get("deleted_rows_kept_soft_partial")).isEqualTo(closed * 50);
        assertThat(v.get("storage_end_soft_partial")).isEqualTo((live + closed) * 50 * 1000);
        assertThat(v.get("rows_read_factor_soft")).isCloseTo((live + closed) / live, within(1e-12));
        assertThat(v.get("rows_read_factor_soft_partial")).isEqualTo(1.0);
        assertThat(v.get("deleted_share_unfiltered_hard")).isZero();
        // 2% of a level million a month for 12 months.
        assertThat(closed).isCloseTo(240_000, within(3_000.0));
    }

    @Test
    void theDesignsReadQueriesWithoutTheDeletedAtFilterAreNamed() throws Exception {
        DeleteMysteryModel m = new DeleteMysteryModel();
        Design shop = sample("ecommerce");
        assertThat(DeleteMysteryModel.softDeleteTables(shop)).contains("users", "products");
        DesignValue unfiltered = m.fromDesign(shop).get("unfiltered_queries");
        assertThat(unfiltered.text()).contains("Customer order history").doesNotContain("Product page on cache miss");
        assertThat(unfiltered.number()).isEqualTo(DeleteMysteryModel.unfilteredQueries(shop, DeleteMysteryModel.softDeleteTables(shop)).size());
        assertThat(m.designVariant(shop).orElseThrow().choice()).startsWith("soft");
        SimulationResult r = new ModelRunner(2).run(m, shop, Map.of(), 1, 2, null, null);
        assertThat(r.metric("queries_without_filter").orElseThrow().value()).isEqualTo(unfiltered.number());
        assertThat(r.verdicts()).filteredOn(v -> v.status() == Verdict.Status.MISSED).singleElement()
                .satisfies(v -> assertThat(v.text()).contains("Customer order history"));
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
    }
}
