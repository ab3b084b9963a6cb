package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeServerModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new FreeServerModel();
    }

    private static double value(SimulationResult r, String metric) {
        return r.metric(metric).orElseThrow().value();
    }

    @Test
    void theBillIsTheClosedFormToTheCent() {
        SimulationResult r = run(Map.of(), 1, 3);
        double runs = 730.0;
        assertThat(value(r, "runs_per_month")).isCloseTo(runs, within(1e-9));
        // 512 MiB is 0.5 GB in Lambda's GB of 1,024 MB; 2 s a run.
        double paid = runs * 0.20 / 1e6 + runs * 0.5 * 2 * 0.0000166667;
        assertThat(value(r, "monthly_cost_faas_paid")).isCloseTo(paid, within(1e-12));
        assertThat(value(r, "monthly_cost_faas_paid")).isCloseTo(0.0123127, within(1e-6));
        assertThat(value(r, "monthly_cost_faas")).isZero();
        assertThat(value(r, "monthly_cost_vps")).isEqualTo(6.0);
        assertThat(value(r, "duty_cycle")).isCloseTo(2.0 / 3600, within(1e-12));
        assertThat(value(r, "idle_hours_billed_vps")).isCloseTo(730 - 730 * 2 / 3600.0, within(1e-9));
        assertThat(value(r, "idle_hours_billed_faas")).isZero();
        // Every seed gives the same bill: there is nothing random in a price list.
        assertThat(r.metric("monthly_cost_faas_paid").orElseThrow().high())
                .isCloseTo(r.metric("monthly_cost_faas_paid").orElseThrow().low(), within(1e-15));
    }

    @Test
    void beyondTheFreeTierOnlyTheExcessIsBilled() {
        // A run every second: 2,628,000 runs of 1 GB-s (1 GiB for 1 s).
        SimulationResult r = run(Map.of("job_interval", "1 s", "job_duration", "1 s", "memory", "1 GiB"), 1, 2);
        double runs = 2_628_000;
        double expected = (runs - 1_000_000) * 0.20 / 1e6 + (runs * 1.0 - 400_000) * 0.0000166667;
        assertThat(value(r, "monthly_cost_faas")).isCloseTo(expected, within(1e-9));
        assertThat(value(r, "monthly_cost_faas")).isGreaterThan(value(r, "monthly_cost_vps"));
    }

    @Test
    void theBreakEvenCostsExactlyTheVpsPrice() {
        SimulationResult r = run(Map.of(), 1, 2);
        // 400,000 free GB-s cover 400,000 runs of 1 GB-s; then each run costs 1 GB-s at $0.0000166667 until $6.
        double breakEven = 400_000 + 6 / 0.0000166667;
        assertThat(value(r, "break_even_runs")).isCloseTo(breakEven, within(1e-6));
        assertThat(value(r, "break_even_duty_cycle")).isCloseTo(breakEven * 2 / (730 * 3600.0), within(1e-12));
        assertThat(value(r, "break_even_duty_cycle")).isCloseTo(0.578, within(0.001));
        assertThat(value(r, "break_even_interval")).isCloseTo(730 * 3600.0 / breakEven, within(1e-9));
        double gbs = 0.5 * 2;
        for (double[] tier : new double[][] {{1_000_000, 400_000}, {0, 0}, {1_000_000, 0}, {0, 400_000}}) {
            double runs = FreeServerModel.breakEvenRuns(6, gbs, 0.2e-6, 0.0000166667, tier[0], tier[1]);
            assertThat(FreeServerModel.functionCost(runs, gbs, 0.2e-6, 0.0000166667, tier[0], tier[1]))
                    .as("bill at the break-even with free tier %s", java.util.Arrays.toString(tier)).isCloseTo(6, within(1e-9));
        }
        assertThat(FreeServerModel.breakEvenRuns(6, gbs, 0, 0, 0, 0)).isNaN();
    }

    @Test
    void runTimeIsBilledToTheNextMillisecond() {
        assertThat(FreeServerModel.billedSeconds(2.0)).isEqualTo(2.0);
        assertThat(FreeServerModel.billedSeconds(0.0101)).isCloseTo(0.011, within(1e-12));
        SimulationResult r = run(Map.of("job_duration", "1.5 ms"), 1, 1);
        assertThat(value(r, "idle_hours_billed_faas")).isCloseTo(730 * 0.0005 / 3600, within(1e-12));
    }

    @Test
    void theJobIntervalAndTheFunctionAreReadFromTheDesign() throws Exception {
        ScenarioModel m = model();
        // The flawed startup's menu warm-up is a daily cron job; the e-commerce sample's strategies are
        // continuous or a cache refresh, not jobs.
        var startup = sample("flawed-startup");
        assertThat(m.notApplicable(startup)).isEmpty();
        var interval = m.fromDesign(startup).get("job_interval");
        assertThat(interval).isNotNull();
        assertThat(interval.field()).isEqualTo("sharing.strategies[1].frequency");
        assertThat(interval.number()).isEqualTo(86_400);
        assertThat(m.designVariant(startup)).isEmpty();
        assertThat(m.notApplicable(sample("ecommerce"))).isPresent();
        assertThat(m.notApplicable(dev.quorum.model.Design.empty("blank"))).isPresent();
    }
}
