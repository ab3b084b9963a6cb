package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.DataSharing;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveScoreModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new LiveScoreModel();
    }

    @Test
    void pollingDelayAndLoadMatchTheClosedForms() {
        SimulationResult r = run(Map.of(), 2026, 40);
        double interval = 5;
        double trip = 0.1;
        Metric mean = r.metric("delay_mean_polling").orElseThrow();
        double expected = interval / 2 + trip;
        assertThat(r.value("polling_delay_closed_form")).isCloseTo(expected, within(1e-12));
        // Within the 95% interval widened by a third, and within 1% in any case.
        double half = mean.high() - mean.value();
        assertThat(mean.value()).isCloseTo(expected, within(Math.max(1.5 * half, 1e-9)));
        assertThat(half).isLessThan(0.01 * expected);
        // The wait for the next poll is uniform on [0, N): the 95th percentile is near 0.95 N plus a trip.
        assertThat(r.value("delay_p95_polling")).isCloseTo(0.95 * interval + trip, within(0.1));
        // Polls: every client polls ceil((T - phase) / N) times, so the rate is clients / N within a poll per client.
        assertThat(r.value("load_polling")).isCloseTo(10_000 / interval, within(10_000 / LiveScoreModel.MATCH));
        // Pushes: one per event per client, 20 per hour on average.
        Metric push = r.metric("load_push").orElseThrow();
        double pushExpected = 20.0 / 3600 * 10_000;
        assertThat(r.value("push_load_closed_form")).isCloseTo(pushExpected, within(1e-9));
        assertThat(pushExpected).isBetween(push.low() - 0.5 * (push.high() - push.low()), push.high() + 0.5 * (push.high() - push.low()));
        // Push is one network trip, lognormal with the trip as its mean.
        assertThat(r.value("delay_mean_push")).isCloseTo(trip, within(0.002));
    }

    @Test
    void almostEveryPollIsEmptyInAQuietMatch() {
        // A poll finds news when its interval holds an event: 1 - exp(-lambda N) of them, 2.7% at the defaults.
        SimulationResult r = run(Map.of(), 11, 20);
        double expected = StrictMath.exp(-20.0 / 3600 * 5);
        assertThat(r.value("empty_share_polling")).isCloseTo(expected, within(0.003));
        assertThat(r.value("empty_share_push")).isZero();
    }

    @Test
    void halvingTheIntervalHalvesTheDelayAndDoublesTheLoad() {
        SimulationResult five = run(Map.of(), 3, 10);
        SimulationResult half = run(Map.of("poll_interval", "2.5 s"), 3, 10);
        assertThat(half.value("delay_mean_polling") - 0.1).isCloseTo((five.value("delay_mean_polling") - 0.1) / 2, within(0.03));
        assertThat(half.value("load_polling")).isCloseTo(2 * five.value("load_polling"), within(5.0));
        // Push does not depend on the polling interval at all.
        assertThat(half.value("load_push")).isEqualTo(five.value("load_push"));
        // Push holds every client's connection open; polling holds few at once: the price of push.
        assertThat(five.value("connections_push")).isEqualTo(10_000);
        assertThat(five.value("connections_polling")).isCloseTo(2_000 * 0.1, within(1.0));
    }

    @Test
    void readsPollingIntervalsAndPushFromTheDesign() throws Exception {
        Design polling = designWith(new SyncStrategy("Score refresh", "The app polls the score endpoint.", List.of("app"),
                Duration.of("every 10 s"), "last write wins"));
        ScenarioModel m = model();
        DesignValue interval = m.fromDesign(polling).get("poll_interval");
        assertThat(interval.number()).isEqualTo(10);
        assertThat(interval.field()).isEqualTo("sharing.strategies[0].frequency");
        assertThat(m.designVariant(polling)).isEmpty();
        assertThat(m.notApplicable(polling)).isEmpty();

        Design push = designWith(new SyncStrategy("Score fan-out", "Each change is pushed to the apps over SSE.", List.of("app"),
                Duration.of("on change"), "single writer"));
        assertThat(m.designVariant(push)).map(DesignValue::choice).contains("push");
        assertThat(m.fromDesign(push)).doesNotContainKey("poll_interval");

        // The live-scores sample pushes over WebSocket or SSE in real time.
        assertThat(m.designVariant(sample("live-scores"))).map(DesignValue::choice).contains("push");
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
    }

    private static Design designWith(SyncStrategy strategy) {
        return new Design("d", "", null, null, null, null, new DataSharing(List.of(), List.of(strategy), null), null, null,
                null, null);
    }
}
