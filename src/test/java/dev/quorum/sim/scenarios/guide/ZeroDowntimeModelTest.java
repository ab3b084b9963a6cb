package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.guide.ZeroDowntimeModel.Release;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ZeroDowntimeModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new ZeroDowntimeModel();
    }

    private static Metric metric(SimulationResult r, String name) {
        return r.metric(name).orElseThrow();
    }

    @Test
    void theFailedRequestsMatchTheClosedForms() {
        int replications = 50;
        SimulationResult r = run(Map.of("max_surge", "0%"), 17, replications);
        // In place: the 40 requests in flight (200/s x 200 ms) and every arrival during the 30 s start-up.
        double inPlace = 200 * (0.2 + 30);
        assertThat(metric(r, "expected_failed_in_place").value()).isCloseTo(inPlace, within(1e-9));
        Metric inPlaceFailed = metric(r, "failed_requests_in_place");
        System.out.printf("in place: expected %.1f, simulated %.1f (95%% CI %.1f to %.1f)%n", inPlace, inPlaceFailed.value(),
                inPlaceFailed.low(), inPlaceFailed.high());
        assertThat(inPlaceFailed.value()).isCloseTo(inPlace, within(4 * Math.sqrt(inPlace / replications)));
        // Rolling without surge: always 4 routing targets, so each of the 4 stopped pods gets 200/4 x 1 s.
        double rolling = 200 * 1.0;
        Metric rollingFailed = metric(r, "failed_requests_rolling");
        System.out.printf("rolling, no surge: expected %.1f, simulated %.1f (95%% CI %.1f to %.1f)%n", rolling, rollingFailed.value(),
                rollingFailed.low(), rollingFailed.high());
        assertThat(rollingFailed.value()).isCloseTo(rolling, within(4 * Math.sqrt(rolling / replications)));
        assertThat(metric(r, "failed_requests_blue_green").value()).isZero();
    }

    @Test
    void withoutAGracePeriodTheInFlightRequestsOfEveryStoppedPodFail() {
        Release r = ZeroDowntimeModel.rolling(4, 0, 0.25, 200, 0.2, 30, 0, 1);
        // The first pod is stopped among 4 targets; the other three each after a start-up spent with 3 targets,
        // so they carry a third of the 40 requests in flight: 10 + 3 x 13.3 = 50 on top of the 200 routed to them.
        assertThat(r.expectedFailures()).isCloseTo(200 * 1.0 + 200 * 0.2 * (1 / 4.0 + 3 / 3.0), within(1e-9));
        Release graceful = ZeroDowntimeModel.rolling(4, 0, 0.25, 200, 0.2, 30, 30, 1);
        assertThat(graceful.expectedFailures()).isCloseTo(200, within(1e-9));
        assertThat(ZeroDowntimeModel.blueGreen(4, 200, 0.2, 30, 0, 5, 3600).expectedFailures()).isCloseTo(40, within(1e-9));
    }

    @Test
    void theRollingScheduleFollowsKubernetesRules() {
        // 4 pods, 25% surge and 25% unavailable: 1 up and 1 down at once, so two waves of 30 s.
        Release r = ZeroDowntimeModel.rolling(4, 0.25, 0.25, 200, 0.2, 30, 30, 1);
        assertThat(r.waves()).isEqualTo(2);
        assertThat(r.releaseTime()).isEqualTo(60);
        assertThat(r.rollbackTime()).isEqualTo(60);
        assertThat(r.minCapacity()).isEqualTo(0.75);
        // One surge pod above 4 in each wave of 30 s.
        assertThat(r.extraInstanceSeconds()).isCloseTo(60, within(1e-9));
        // Stopped pods: 1 among 4 targets at 0 s, 2 among 5 at 30 s, 1 among 5 at 60 s.
        assertThat(r.expectedFailures()).isCloseTo(200 * (1 / 4.0 + 2 / 5.0 + 1 / 5.0), within(1e-6));
        // 100% unavailable and no surge is a restart in place with a 1 s endpoint lag: no target from 1 s to 30 s.
        Release all = ZeroDowntimeModel.rolling(4, 0, 1, 200, 0.2, 30, 30, 1);
        assertThat(all.minCapacity()).isZero();
        assertThat(all.waves()).isEqualTo(1);
        assertThat(all.expectedFailures()).isCloseTo(200 * 29 + 200 * 1.0, within(1e-6));
        // Ten pods: surge rounds 2.5 up to 3, unavailable rounds 2.5 down to 2.
        Release ten = ZeroDowntimeModel.rolling(10, 0.25, 0.25, 200, 0.2, 30, 30, 1);
        assertThat(ten.minCapacity()).isEqualTo(0.8);
    }

    @Test
    void blueGreenPaysForASecondSetAndRollsBackInASwitch() {
        SimulationResult r = run(Map.of(), 1, 3);
        double hours = 4 * (30 + 5 + 3600) / 3600.0;
        assertThat(metric(r, "extra_instance_hours_blue_green").value()).isCloseTo(hours, within(1e-9));
        assertThat(metric(r, "extra_cost_blue_green").value()).isCloseTo(hours * 0.0416, within(1e-9));
        assertThat(metric(r, "rollback_time_blue_green").value()).isEqualTo(5);
        assertThat(metric(r, "rollback_time_rolling").value()).isEqualTo(60);
        assertThat(metric(r, "rollback_time_in_place").value()).isEqualTo(30);
        assertThat(metric(r, "min_capacity_in_place").value()).isZero();
        assertThat(metric(r, "extra_cost_in_place").value()).isZero();
    }

    @Test
    void theDesignsDeploymentStrategyIsReadFromItsText() {
        ScenarioModel m = model();
        Design blueGreen = new Design("svc", "Releases go out blue-green behind the ALB.", null, null, null, null, null, null, null,
                null, null);
        assertThat(m.designVariant(blueGreen)).hasValueSatisfying(v -> assertThat(v.choice()).isEqualTo("blue_green"));
        Design rolling = new Design("svc", "A rolling update replaces the pods.", null, null, null, null, null, null, null, null, null);
        assertThat(m.designVariant(rolling)).hasValueSatisfying(v -> assertThat(v.choice()).isEqualTo("rolling"));
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
    }
}
