package dev.quorum.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EventQueueTest {

    /** An event that remembers its label when it is polled. */
    private record Labelled(double time, int order) implements Event {
        @Override
        public void fire() {
        }
    }

    @Test
    void pollsInTimeOrderThenInTheOrderEventsWereAdded() {
        EventQueue q = new EventQueue();
        SplittableRandom r = new SplittableRandom(7);
        List<Labelled> added = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            // Few distinct times, so many ties: ties must come out in insertion order.
            Labelled e = new Labelled(r.nextInt(50), i);
            added.add(e);
            q.add(e.time(), e);
        }
        List<Labelled> expected = new ArrayList<>(added);
        expected.sort(Comparator.comparingDouble(Labelled::time).thenComparingInt(Labelled::order));
        List<Labelled> polled = new ArrayList<>();
        while (!q.isEmpty()) {
            double t = q.peekTime();
            Labelled e = (Labelled) q.poll();
            assertThat(e.time()).isEqualTo(t);
            polled.add(e);
        }
        assertThat(polled).containsExactlyElementsOf(expected);
    }

    @Test
    void interleavedAddsAndPollsKeepTheOrder() {
        EventQueue q = new EventQueue();
        SplittableRandom r = new SplittableRandom(11);
        double last = Double.NEGATIVE_INFINITY;
        int order = 0;
        for (int i = 0; i < 20_000; i++) {
            if (q.isEmpty() || r.nextInt(3) > 0) {
                double now = Math.max(last, 0);
                q.add(now + r.nextDouble() * 10, new Labelled(0, order++));
            } else {
                double t = q.peekTime();
                q.poll();
                assertThat(t).isGreaterThanOrEqualTo(last);
                last = t;
            }
        }
        assertThat(q.size()).isPositive();
        q.clear();
        assertThat(q.isEmpty()).isTrue();
    }
}
