package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two writers race on one project, round after round: both load the same version, meet at a barrier and
 * save at once, each on its own H2 session. In every round exactly one wins and the other gets a conflict
 * carrying both versions; afterwards every winning save is in the history and nothing else is.
 */
class ConcurrentWritersTest {

    private static final int ROUNDS = 40;

    @TempDir
    Path dir;

    /** What one writer's save in one round did. */
    private record Attempt(String writer, String yaml, SaveResult saved, StoreConflictException conflict) {
    }

    @Test
    void inEveryRoundExactlyOneWriterWinsAndNoRevisionIsLost() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            UUID id = store.create("Race", TestStores.save(TestStores.yaml("Race", "start"))).project().id();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<String> winners = new ArrayList<>();
            try {
                for (int round = 1; round <= ROUNDS; round++) {
                    long version = store.find(id).version();
                    CyclicBarrier start = new CyclicBarrier(2);
                    int r = round;
                    List<Future<Attempt>> futures = new ArrayList<>();
                    for (String writer : List.of("A", "B")) {
                        futures.add(pool.submit(() -> {
                            String yaml = TestStores.yaml("Race", "round " + r + " by " + writer);
                            // Alternate explicit saves and autosaves: both take the same lock path.
                            RevisionDraft draft = r % 2 == 0 ? TestStores.save(yaml) : TestStores.autosave(yaml);
                            start.await(10, TimeUnit.SECONDS);
                            try {
                                return new Attempt(writer, yaml, store.save(id, version, draft), null);
                            } catch (StoreConflictException e) {
                                return new Attempt(writer, yaml, null, e);
                            }
                        }));
                    }
                    List<Attempt> attempts = new ArrayList<>();
                    for (Future<Attempt> f : futures) {
                        attempts.add(f.get(30, TimeUnit.SECONDS));
                    }
                    List<Attempt> won = attempts.stream().filter(a -> a.saved() != null).toList();
                    List<Attempt> lost = attempts.stream().filter(a -> a.conflict() != null).toList();
                    assertThat(won).as("round %d winners", round).hasSize(1);
                    assertThat(lost).as("round %d conflicts", round).hasSize(1);
                    assertThat(lost.get(0).conflict().expectedVersion()).isEqualTo(version);
                    assertThat(lost.get(0).conflict().currentVersion()).isEqualTo(version + 1);
                    assertThat(won.get(0).saved().project().version()).isEqualTo(version + 1);
                    assertThat(store.current(id).yaml()).isEqualTo(won.get(0).yaml());
                    winners.add(won.get(0).yaml());
                    // The loser reloads and saves its change on top as an explicit save: nothing is lost.
                    store.save(id, store.find(id).version(), TestStores.save(lost.get(0).yaml()));
                    winners.add(lost.get(0).yaml());
                }
            } finally {
                pool.shutdownNow();
            }
            List<RevisionInfo> history = store.history(id);
            assertThat(history).hasSize(1 + 2 * ROUNDS);
            for (int i = 0; i < winners.size(); i++) {
                assertThat(store.revision(id, i + 2).yaml()).isEqualTo(winners.get(i));
            }
            assertThat(store.verify().problems()).isEmpty();
        }
    }
}
