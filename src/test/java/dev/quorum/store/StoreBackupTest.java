package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backups while saves go on, restores, and bad backups that must never replace a good store. */
class StoreBackupTest {

    @TempDir
    Path dir;

    private Path good() {
        return dir.resolve("good");
    }

    /** A store with two projects (one in the trash), closed; returns the live project's id. */
    private UUID goodStore() throws Exception {
        try (H2ProjectRepository repo = TestStores.open(good())) {
            SaveResult r = repo.create("Mine", TestStores.save(TestStores.yaml("Mine", "precious 1")));
            repo.save(r.project().id(), 1, TestStores.save(TestStores.yaml("Mine", "precious 2")));
            SaveResult t = repo.create("Old", TestStores.save(TestStores.yaml("Old", "1")));
            repo.delete(t.project().id());
            return r.project().id();
        }
    }

    private void assertGoodStoreIntact(UUID id) throws Exception {
        try (H2ProjectRepository repo = TestStores.open(good())) {
            assertThat(repo.current(id).yaml()).isEqualTo(TestStores.yaml("Mine", "precious 2"));
            assertThat(repo.history(id)).hasSize(2);
            assertThat(repo.trash()).extracting(ProjectSummary::name).containsExactly("Old");
            assertThat(repo.verify().problems()).isEmpty();
        }
        try (var files = Files.list(good())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.startsWith("restore-") || n.contains("before-restore") || n.equals("restore.pending"));
        }
    }

    @Test
    void aBackupTakenWhileSavesContinueRestoresToAConsistentStore() throws Exception {
        Path zip = dir.resolve("backup.zip");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger saves = new AtomicInteger();
        List<Throwable> errors = new ArrayList<>();
        try (H2ProjectRepository repo = TestStores.open(good())) {
            SaveResult r = repo.create("Busy", TestStores.save(TestStores.yaml("Busy", "0")));
            UUID id = r.project().id();
            Thread writer = new Thread(() -> {
                long version = 1;
                try {
                    while (!stop.get()) {
                        int n = saves.incrementAndGet();
                        SaveResult s = repo.save(id, version, TestStores.save(TestStores.yaml("Busy", "save " + n + " " + "x".repeat(2000))));
                        version = s.project().version();
                    }
                } catch (Throwable t) {
                    errors.add(t);
                }
            });
            writer.start();
            while (saves.get() < 20) {
                Thread.sleep(5);
            }
            repo.backup(zip);
            stop.set(true);
            writer.join();
            assertThat(errors).isEmpty();
            assertThatThrownBy(() -> repo.backup(zip)).hasMessageContaining("already exists");
        }
        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(z.stream().map(ZipEntry::getName)).containsExactlyInAnyOrder("quorum.mv.db", "quorum.credentials",
                    "manifest.properties");
        }
        Path restored = dir.resolve("restored");
        StoreBackup.RestoreReport report = StoreBackup.restore(TestStores.at(restored), zip, false);
        assertThat(report.replacedStore()).isNull();
        assertThat(report.restored().problems()).isEmpty();
        assertThat(report.restored().liveProjects()).isEqualTo(1);
        try (H2ProjectRepository repo = TestStores.open(restored)) {
            ProjectSummary p = repo.list().get(0);
            assertThat(p.revisionCount()).isGreaterThanOrEqualTo(20).isLessThanOrEqualTo(saves.get() + 1);
            assertThat(repo.history(p.id())).hasSize(p.revisionCount());
            assertThat(repo.verify().problems()).isEmpty();
        }
    }

    @Test
    void restoreRefusesAStoreWithProjectsWithoutForceAndKeepsTheReplacedOne() throws Exception {
        UUID id = goodStore();
        Path other = dir.resolve("other");
        try (H2ProjectRepository repo = TestStores.open(other)) {
            repo.create("Theirs", TestStores.save(TestStores.yaml("Theirs", "1")));
            repo.backup(dir.resolve("theirs.zip"));
        }
        assertThatThrownBy(() -> StoreBackup.restore(TestStores.at(good()), dir.resolve("theirs.zip"), false))
                .isInstanceOf(StoreException.class)
                .hasMessage("The store at " + good() + " holds 2 projects; restoring would replace them. Run again with --force"
                        + " (the current store is kept as quorum.mv.db.before-restore-TIME)");
        assertGoodStoreIntact(id);

        StoreBackup.RestoreReport report = StoreBackup.restore(TestStores.at(good()), dir.resolve("theirs.zip"), true);
        assertThat(report.replacedStore()).exists();
        assertThat(report.replacedStore().getFileName().toString()).startsWith("quorum.mv.db.before-restore-");
        try (H2ProjectRepository repo = TestStores.open(good())) {
            assertThat(repo.list()).extracting(ProjectSummary::name).containsExactly("Theirs");
        }
        // The replaced store is whole: it opens where it was moved, with its own credentials.
        Path kept = dir.resolve("kept");
        Files.createDirectories(kept);
        Files.copy(report.replacedStore(), kept.resolve("quorum.mv.db"));
        String stamp = report.replacedStore().getFileName().toString().substring("quorum.mv.db".length());
        Files.copy(good().resolve("quorum.credentials" + stamp), kept.resolve("quorum.credentials"));
        try (H2ProjectRepository repo = TestStores.open(kept)) {
            assertThat(repo.current(id).yaml()).isEqualTo(TestStores.yaml("Mine", "precious 2"));
        }
    }

    @Test
    void restoreIntoAnEmptyStoreNeedsNoForce() throws Exception {
        goodStore();
        try (H2ProjectRepository repo = TestStores.open(good())) {
            repo.backup(dir.resolve("b.zip"));
        }
        try (H2ProjectRepository repo = TestStores.open(dir.resolve("empty"))) {
            assertThat(repo.list()).isEmpty();
        }
        StoreBackup.RestoreReport report = StoreBackup.restore(TestStores.at(dir.resolve("empty")), dir.resolve("b.zip"), false);
        assertThat(report.restored().liveProjects()).isEqualTo(1);
        assertThat(report.restored().trashedProjects()).isEqualTo(1);
        assertThat(report.restored().revisions()).isEqualTo(3);
    }

    /** Backups that are not whole Quorum backups. */
    enum BadBackup {
        EMPTY_FILE("the file is empty"),
        NOT_A_ZIP("it is not a zip file, or it is damaged"),
        ZIP_WITHOUT_ENTRIES("it is not a complete Quorum backup"),
        MISSING_DATABASE("it is not a complete Quorum backup"),
        EXTRA_ENTRY("it holds '../evil.sh', which a Quorum backup never contains"),
        WRONG_FORMAT("its manifest is not that of a Quorum backup"),
        TRUNCATED_DATABASE("quorum.mv.db does not match its checksum; the backup is damaged"),
        FLIPPED_BYTE("quorum.mv.db does not match its checksum; the backup is damaged"),
        GARBAGE_DATABASE_WITH_MATCHING_CHECKSUM("was not restored"),
        NO_SUCH_FILE("no such file");

        final String says;

        BadBackup(String says) {
            this.says = says;
        }
    }

    private Path make(BadBackup kind) throws Exception {
        Path zip = dir.resolve("bad.zip");
        Path src = dir.resolve("src");
        if (!Files.exists(src)) {
            try (H2ProjectRepository repo = TestStores.open(src)) {
                repo.create("Source", TestStores.save(TestStores.yaml("Source", "1")));
            }
        }
        byte[] db = Files.readAllBytes(src.resolve("quorum.mv.db"));
        byte[] credentials = Files.readAllBytes(src.resolve("quorum.credentials"));
        switch (kind) {
            case EMPTY_FILE -> Files.write(zip, new byte[0]);
            case NOT_A_ZIP -> Files.write(zip, "this is not a zip".repeat(100).getBytes());
            case ZIP_WITHOUT_ENTRIES -> {
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                    out.finish();
                }
            }
            case MISSING_DATABASE -> {
                try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
                    out.putNextEntry(new ZipEntry("manifest.properties"));
                    out.write("format=quorum-store-backup\n".getBytes());
                    out.closeEntry();
                }
            }
            case EXTRA_ENTRY -> {
                BackupZips.fromStoreFiles(src, zip);
                Path bigger = dir.resolve("bigger.zip");
                try (ZipFile in = new ZipFile(zip.toFile()); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(bigger))) {
                    for (ZipEntry e : in.stream().toList()) {
                        out.putNextEntry(new ZipEntry(e.getName()));
                        in.getInputStream(e).transferTo(out);
                        out.closeEntry();
                    }
                    out.putNextEntry(new ZipEntry("../evil.sh"));
                    out.write("rm -rf ~".getBytes());
                    out.closeEntry();
                }
                Files.move(bigger, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            case WRONG_FORMAT -> {
                Properties m = BackupZips.manifest(db, credentials);
                m.setProperty("format", "something-else");
                BackupZips.write(zip, db, credentials, m);
            }
            case TRUNCATED_DATABASE -> BackupZips.write(zip, java.util.Arrays.copyOf(db, db.length / 2), credentials,
                    BackupZips.manifest(db, credentials));
            case FLIPPED_BYTE -> {
                byte[] flipped = db.clone();
                flipped[flipped.length / 2] ^= 0x40;
                BackupZips.write(zip, flipped, credentials, BackupZips.manifest(db, credentials));
            }
            case GARBAGE_DATABASE_WITH_MATCHING_CHECKSUM -> {
                byte[] garbage = new byte[8192];
                new java.util.Random(1).nextBytes(garbage);
                BackupZips.write(zip, garbage, credentials, BackupZips.manifest(garbage, credentials));
            }
            case NO_SUCH_FILE -> {
                return dir.resolve("nothing-here.zip");
            }
        }
        return zip;
    }

    @ParameterizedTest
    @EnumSource(BadBackup.class)
    void aBadBackupNeverReplacesAGoodStoreEvenWithForce(BadBackup kind) throws Exception {
        UUID id = goodStore();
        Path zip = make(kind);
        for (boolean force : new boolean[] {false, true}) {
            assertThatThrownBy(() -> StoreBackup.restore(TestStores.at(good()), zip, force))
                    .isInstanceOf(StoreException.class).hasMessageContaining(kind.says);
            assertGoodStoreIntact(id);
        }
    }

    @Test
    void anInterruptedSwapIsFinishedAtTheNextOpen() throws Exception {
        goodStore();
        try (H2ProjectRepository repo = TestStores.open(good())) {
            repo.backup(dir.resolve("b.zip"));
        }
        Path target = dir.resolve("target");
        try (H2ProjectRepository repo = TestStores.open(target)) {
            repo.create("Replaced", TestStores.save("r"));
        }
        // The state a crash leaves after the old store was moved aside and before the new one moved in.
        Path work = Files.createDirectory(target.resolve("restore-123"));
        try (ZipFile z = new ZipFile(dir.resolve("b.zip").toFile())) {
            Files.copy(z.getInputStream(z.getEntry("quorum.mv.db")), work.resolve("quorum.mv.db"));
            Files.copy(z.getInputStream(z.getEntry("quorum.credentials")), work.resolve("quorum.credentials"));
        }
        Files.move(target.resolve("quorum.mv.db"), target.resolve("quorum.mv.db.before-restore-20260101-000000"));
        Files.move(target.resolve("quorum.credentials"), target.resolve("quorum.credentials.before-restore-20260101-000000"));
        Files.writeString(target.resolve("restore.pending"), "restore-123\n20260101-000000\n");

        try (H2ProjectRepository repo = TestStores.open(target)) {
            assertThat(repo.list()).extracting(ProjectSummary::name).containsExactly("Mine");
        }
        assertThat(target.resolve("restore.pending")).doesNotExist();
        assertThat(work).doesNotExist();
        assertThat(target.resolve("quorum.mv.db.before-restore-20260101-000000")).exists();
    }

    @Test
    void aRestoreIsRefusedWhileAnotherProcessUsesTheStore() throws Exception {
        goodStore();
        try (H2ProjectRepository repo = TestStores.open(good())) {
            repo.backup(dir.resolve("b.zip"));
        }
        try (StoreProcess holder = StoreProcess.start(good())) {
            assertThatThrownBy(() -> StoreBackup.restore(TestStores.at(good()), dir.resolve("b.zip"), true))
                    .isInstanceOf(StoreLockedException.class)
                    .hasMessageContaining("Cannot restore: The store at " + good() + " is in use by process " + holder.pid());
        }
    }
}
