package dev.quorum.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulationTest {

    @Test
    void theClockReadsEachEventsTimeAndTiesFireInScheduleOrder() {
        Simulation sim = new Simulation();
        List<String> log = new ArrayList<>();
        sim.schedule(2, () -> log.add("b@" + sim.now()));
        sim.schedule(1, () -> {
            log.add("a@" + sim.now());
            sim.schedule(1, () -> log.add("c@" + sim.now()));
        });
        sim.scheduleAt(2, () -> log.add("d@" + sim.now()));
        sim.run();
        assertThat(log).containsExactly("a@1.0", "b@2.0", "d@2.0", "c@2.0");
        assertThat(sim.eventsFired()).isEqualTo(4);
        assertThat(sim.pending()).isZero();
    }

    @Test
    void runUntilStopsAtTheHorizonAndLeavesLaterEventsPending() {
        Simulation sim = new Simulation();
        List<Double> fired = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            sim.schedule(i, () -> fired.add(sim.now()));
        }
        sim.runUntil(4.5);
        assertThat(fired).containsExactly(1.0, 2.0, 3.0, 4.0);
        assertThat(sim.now()).isEqualTo(4.5);
        assertThat(sim.pending()).isEqualTo(6);
        sim.run();
        assertThat(fired).hasSize(10);
    }

    @Test
    void stopEndsTheRunAfterTheCurrentEvent() {
        Simulation sim = new Simulation();
        List<Double> fired = new ArrayList<>();
        sim.schedule(1, () -> fired.add(sim.now()));
        sim.schedule(2, () -> {
            fired.add(sim.now());
            sim.stop();
        });
        sim.schedule(3, () -> fired.add(sim.now()));
        sim.run();
        assertThat(fired).containsExactly(1.0, 2.0);
    }

    @Test
    void eventsCannotBeScheduledInThePast() {
        Simulation sim = new Simulation();
        sim.schedule(5, () -> { });
        sim.run();
        assertThatThrownBy(() -> sim.schedule(-1, () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.schedule(Double.NaN, () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.scheduleAt(4, () -> { })).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCancelledRunStopsWithCancelledException() {
        Cancellation cancel = new Cancellation();
        Simulation sim = new Simulation(cancel);
        long[] count = {0};
        Event[] tick = new Event[1];
        tick[0] = () -> {
            if (++count[0] == 10_000) {
                cancel.cancel();
            }
            sim.schedule(1, tick[0]);
        };
        sim.schedule(0, tick[0]);
        assertThatThrownBy(sim::run).isInstanceOf(CancelledException.class);
        // The flag is read every 4,096 events, so the run stops soon after the request, never runs on.
        assertThat(count[0]).isBetween(10_000L, 10_000L + 4096);
        assertThatThrownBy(Cancellation.NONE::cancel).isInstanceOf(IllegalStateException.class);
    }
}
