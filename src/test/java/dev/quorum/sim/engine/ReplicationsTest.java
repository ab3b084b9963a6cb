package dev.quorum.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class ReplicationsTest {

    /** A small simulation whose result depends on every draw. */
    private static double run(long seed, Cancellation cancel) {
        Simulation sim = new Simulation(cancel);
        var r = new RandomStreams(seed).stream("x");
        Exponential gap = new Exponential(1);
        Tally t = new Tally();
        Event[] e = new Event[1];
        e[0] = () -> {
            t.add(sim.now());
            if (t.count() < 2000) {
                sim.schedule(gap.sample(r), e[0]);
            }
        };
        sim.schedule(0, e[0]);
        sim.run();
        return t.mean();
    }

    @Test
    void resultsComeBackInReplicationOrderWhateverTheThreadCount() {
        List<Double> one = Replications.run(12, 99, 1, (i, seed, c) -> run(seed, c), null, null);
        List<Double> four = Replications.run(12, 99, 4, (i, seed, c) -> run(seed, c), null, null);
        assertThat(four).containsExactlyElementsOf(one);
        assertThat(one).doesNotHaveDuplicates();
        List<Integer> indexes = Replications.run(8, 1, 3, (i, seed, c) -> i, null, null);
        assertThat(indexes).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(Replications.run(1, 1, 2, (i, seed, c) -> seed, null, null)).containsExactly(RandomStreams.replicationSeed(1, 0));
    }

    @Test
    void progressIsReportedOncePerReplication() {
        List<Integer> seen = Collections.synchronizedList(new ArrayList<>());
        Replications.run(6, 1, 2, (i, seed, c) -> run(seed, c), (done, total) -> {
            assertThat(total).isEqualTo(6);
            seen.add(done);
        }, null);
        assertThat(seen).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6);
    }

    @Test
    @Timeout(20)
    void cancellationStopsEndlessReplications() {
        Cancellation cancel = new Cancellation();
        assertThatThrownBy(() -> Replications.run(4, 1, 2, (i, seed, c) -> {
            Simulation sim = new Simulation(c);
            Event[] forever = new Event[1];
            forever[0] = () -> sim.schedule(1, forever[0]);
            sim.schedule(0, forever[0]);
            if (i == 0) {
                cancel.cancel();
            }
            sim.run();
            return 0;
        }, null, cancel)).isInstanceOf(CancelledException.class);
    }

    @Test
    void aFailingReplicationFailsTheRun() {
        assertThatThrownBy(() -> Replications.run(3, 1, 2, (i, seed, c) -> {
            if (i == 1) {
                throw new IllegalStateException("boom in replication 1");
            }
            return i;
        }, null, null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("boom");
        assertThatThrownBy(() -> Replications.run(0, 1, 1, (i, seed, c) -> i, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
