package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.model.SchemaDesign;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GhostPaymentModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new GhostPaymentModel();
    }

    @Test
    void doubleChargesMatchTheClosedForms() {
        SimulationResult r = run(Map.of(), 2026, 40);
        // 10,000 x 25% x (1 - e^-2) and 10,000 x 25% x (1 - e^-0.0025).
        double none = 10_000 * 0.25 * (1 - StrictMath.exp(-2));
        double check = 10_000 * 0.25 * (1 - StrictMath.exp(-0.0025));
        assertThat(r.value("none_closed_form")).isCloseTo(none, within(1e-9));
        assertThat(r.value("check_closed_form")).isCloseTo(check, within(1e-9));
        assertCloseWithinInterval(r.metric("double_charges_none").orElseThrow(), none);
        assertCloseWithinInterval(r.metric("double_charges_check_then_insert").orElseThrow(), check);
        assertThat(r.value("double_charges_unique_key")).isZero();
        // The hourly figure is the same share at 20 purchases per second.
        assertThat(r.value("double_charge_rate_none")).isCloseTo(20 * r.value("double_charges_none") / 10_000, within(1e-9));
        // Every charge the protection lets through reaches the provider as one more call.
        assertThat(r.value("provider_calls_none")).isCloseTo(10_000 + r.value("double_charges_none"), within(1e-9));
        assertThat(r.value("provider_calls_unique_key")).isEqualTo(10_000);
    }

    /** Within twice the 95% half-width: about four standard errors, so a correct model fails it very rarely. */
    private static void assertCloseWithinInterval(Metric m, double expected) {
        double half = m.high() - m.value();
        assertThat(half).as(m.name() + " interval").isPositive().isLessThan(0.25 * expected);
        assertThat(m.value()).as(m.name()).isCloseTo(expected, within(2 * half));
    }

    @Test
    void theCheckThenInsertLeavesOnlyTheRacesInsideItsWindow() {
        // No window: the check always sees the first insert. A window as long as the checkout: no better than nothing.
        SimulationResult closed = run(Map.of("race_window", "0 ms"), 5, 5);
        assertThat(closed.value("double_charges_check_then_insert")).isZero();
        assertThat(closed.value("double_charges_none")).isPositive();
        SimulationResult wide = run(Map.of("race_window", "500 ms", "backend_latency", "400 ms"), 5, 5);
        assertThat(wide.value("double_charges_check_then_insert")).isEqualTo(wide.value("double_charges_none"));
        // A fast backend leaves shoppers no time to lose patience.
        SimulationResult fast = run(Map.of("backend_latency", "100 ms"), 5, 5);
        assertThat(fast.value("double_charges_none")).isLessThan(0.1 * run(Map.of(), 5, 5).value("double_charges_none"));
    }

    @Test
    void theVerdictsSayWhichVariantChargesTwice() {
        SimulationResult r = run(Map.of(), 9, 3);
        List<Verdict> target = r.verdicts().stream().filter(v -> v.target().equals("one charge per purchase")).toList();
        assertThat(target).extracting(Verdict::status)
                .containsExactly(Verdict.Status.INFO, Verdict.Status.INFO, Verdict.Status.MET);
        assertThat(target.get(0).text()).startsWith("No protection: ").doesNotStartWith("No protection: 0 ");
        assertThat(target.get(2).text()).startsWith("Unique idempotency key: 0 double charges per hour");
    }

    @Test
    void aUniqueIdempotencyKeyInTheSchemaIsTheFix() throws Exception {
        ScenarioModel m = model();
        assertThat(m.designVariant(sample("ecommerce"))).map(DesignValue::choice).contains("unique_key");
        // The payments insert, not the order insert whose SQL merely mentions 'pending_payment'.
        DesignValue rate = m.fromDesign(sample("ecommerce")).get("purchase_rate");
        assertThat(rate.number()).isCloseTo(25, within(1e-9));
        assertThat(rate.text()).startsWith("Record payment attempt");
        // A sports app's "events in sequence order" are no purchases.
        assertThat(m.notApplicable(sample("live-scores"))).isPresent();
        assertThat(m.designVariant(sample("flawed-startup"))).isEmpty();

        Design separate = withSchema("CREATE TABLE payments (id BIGINT PRIMARY KEY, idempotency_key VARCHAR(64) NOT NULL);\n"
                + "CREATE UNIQUE INDEX uq_payments_key ON payments (idempotency_key);");
        assertThat(m.designVariant(separate)).map(DesignValue::choice).contains("unique_key");
        Design constraint = withSchema("CREATE TABLE payments (id BIGINT PRIMARY KEY, idempotency_key VARCHAR(64) NOT NULL,\n"
                + "  CONSTRAINT uq_key UNIQUE (idempotency_key));");
        assertThat(m.designVariant(constraint)).map(DesignValue::choice).contains("unique_key");
        // A key column without UNIQUE does not settle the race.
        Design plain = withSchema("CREATE TABLE payments (id BIGINT PRIMARY KEY, idempotency_key VARCHAR(64),\n"
                + "  amount NUMERIC(12,2) NOT NULL UNIQUE);");
        assertThat(m.designVariant(plain)).isEmpty();
        assertThat(m.notApplicable(plain)).isEmpty();
        assertThat(m.notApplicable(withSchema("CREATE TABLE sensors (id BIGINT PRIMARY KEY, reading REAL);"))).isPresent();
    }

    private static Design withSchema(String sql) {
        return new Design("d", "", null, new SchemaDesign(null, sql, List.of()), null, null, null, null, null, null, null);
    }
}
