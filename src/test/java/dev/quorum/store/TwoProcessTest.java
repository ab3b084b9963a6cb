package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two processes on one store: a second Quorum (CLI or window) works through the first one's AUTO_SERVER,
 * on loopback only, with optimistic locking across them; a process that does not share gets a clear message.
 */
class TwoProcessTest {

    @TempDir
    Path dir;

    @Test
    void aSecondProcessSharesTheStoreAndConflictsAcrossProcessesAreCaught() throws Exception {
        try (H2ProjectRepository first = TestStores.open(dir)) {
            first.list();
        }
        try (StoreProcess child = StoreProcess.start(dir)) {
            String[] created = child.send("create Shared").split(" ");
            assertThat(created[0]).isEqualTo("CREATED");
            UUID id = UUID.fromString(created[1]);
            try (H2ProjectRepository here = TestStores.open(dir)) {
                assertThat(here.ownsStore()).isFalse();
                assertThat(here.info().shared()).isTrue();
                assertThat(here.list()).extracting(ProjectSummary::name).containsExactly("Shared");
                // Both processes loaded version 1; this one saves first, the child's save is refused.
                SaveResult mine = here.save(id, 1, TestStores.save("from the parent"));
                assertThat(mine.project().version()).isEqualTo(2);
                assertThat(child.send("save " + id + " 1 from the child")).isEqualTo("CONFLICT 1 2");
                assertThat(child.send("save " + id + " 2 from the child on top")).isEqualTo("SAVED 3 3");
                assertThat(here.current(id).yaml()).isEqualTo("from the child on top");
                assertThat(here.revision(id, 2).yaml()).isEqualTo("from the parent");
                assertThat(child.send("list")).isEqualTo("LIST 1 owns=true");
            }
            // The lock file advertises the server on loopback only.
            String lock = java.nio.file.Files.readString(dir.resolve("quorum.lock.db"));
            assertThat(lock).contains("server=localhost\\:");
            assertThat(H2Access.hardened()).isTrue();
        }
        try (H2ProjectRepository after = TestStores.open(dir)) {
            assertThat(after.ownsStore()).isTrue();
            assertThat(after.history(after.list().get(0).id())).hasSize(3);
        }
    }

    @Test
    void aProcessThatDoesNotShareTheStoreGivesAClearMessage() throws Exception {
        try (H2ProjectRepository first = TestStores.open(dir)) {
            first.create("Held", TestStores.save("x"));
        }
        try (StoreProcess holder = StoreProcess.startPlain(dir)) {
            assertThatThrownBy(() -> TestStores.open(dir)).isInstanceOf(StoreLockedException.class)
                    .hasMessage("The store at " + dir + " is in use by another process and cannot be shared with it;"
                            + " close that program, or start with --store DIR to use another store");
            assertThat(holder.pid()).isPositive();
        }
        try (H2ProjectRepository after = TestStores.open(dir)) {
            assertThat(after.list()).hasSize(1);
        }
    }
}
