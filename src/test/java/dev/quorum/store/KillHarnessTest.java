package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short run of the kill -9 harness: 20 kills by default, more with -Dquorum.killHarness.kills=N
 * (scripts/kill-harness.sh runs 200). Every acknowledged save must survive, and nothing partial may show.
 */
class KillHarnessTest {

    @TempDir
    Path dir;

    @Test
    void noAcknowledgedSaveIsLostAndNoPartialRevisionIsVisibleAfterKill9() throws Exception {
        int kills = Integer.getInteger("quorum.killHarness.kills", 20);
        long seed = Long.getLong("quorum.killHarness.seed", 20261122L);
        KillHarness.Result r = KillHarness.run(dir, kills, seed, System.out);
        System.out.println("kill -9 harness: " + r.summary());
        assertThat(r.problems()).isEmpty();
        assertThat(r.failedOpens()).isZero();
        assertThat(r.lost()).isZero();
        assertThat(r.partial()).isZero();
        assertThat(r.kills()).isEqualTo(kills);
        // The harness must really have killed a writer in the middle of its saves.
        assertThat(r.acknowledged()).isGreaterThan(kills);
        assertThat(r.kills() - r.killsBeforeReady()).isGreaterThan(kills / 2);
    }
}
