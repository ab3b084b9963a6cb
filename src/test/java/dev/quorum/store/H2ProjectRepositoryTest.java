package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Projects, revisions, autosave coalescing, optimistic locking, the trash and settings, on a real H2 file. */
class H2ProjectRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void createsAStoreWithOwnerOnlyCredentialsAndReopensItWithEverythingSaved() throws Exception {
        UUID id;
        try (H2ProjectRepository store = TestStores.open(dir)) {
            assertThat(store.list()).isEmpty();
            SaveResult r = store.create("  Online   shop ", RevisionDraft.save(TestStores.yaml("Online shop", "v1"), "ana",
                    "first", new FindingCounts(1, 2, 3)));
            id = r.project().id();
            assertThat(r.project().name()).isEqualTo("Online shop");
            assertThat(r.project().version()).isEqualTo(1);
            assertThat(r.revision().number()).isEqualTo(1);
            assertThat(r.revision().sha256()).isEqualTo(H2ProjectRepository.sha256(TestStores.yaml("Online shop", "v1")));
            assertThat(store.ownsStore()).isTrue();
        }
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("quorum.credentials"))))
                .isEqualTo("rw-------");
        assertThat(Files.readString(dir.resolve("quorum.credentials"))).doesNotContain("QUORUM_APP");
        try (H2ProjectRepository store = TestStores.open(dir)) {
            ProjectSummary p = store.find(id);
            assertThat(p.name()).isEqualTo("Online shop");
            assertThat(p.knownFindings()).contains(new FindingCounts(1, 2, 3));
            Revision current = store.current(id);
            assertThat(current.yaml()).isEqualTo(TestStores.yaml("Online shop", "v1"));
            assertThat(current.info().author()).isEqualTo("ana");
            assertThat(current.info().message()).isEqualTo("first");
            assertThat(store.info().schemaVersion()).isEqualTo(Migrations.LATEST);
        }
    }

    @Test
    void renamingChangesTheNameOnlyNeverTheRevisionsOrTheVersionSavesCheck() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            SaveResult r = store.create("Shop", TestStores.save(TestStores.yaml("Shop", "1")));
            UUID id = r.project().id();
            ProjectSummary renamed = store.rename(id, "  Shop   v2 ");
            assertThat(renamed.name()).isEqualTo("Shop v2");
            assertThat(renamed.version()).isEqualTo(r.project().version());
            assertThat(store.history(id)).hasSize(1);
            // A window that opened the project before the rename still saves without a conflict.
            assertThat(store.save(id, r.project().version(), TestStores.save(TestStores.yaml("Shop", "2"))).project().name())
                    .isEqualTo("Shop v2");
            assertThatThrownBy(() -> store.rename(id, "  ")).isInstanceOf(StoreException.class);
            store.delete(id);
            assertThatThrownBy(() -> store.rename(id, "Other")).isInstanceOf(StoreException.class)
                    .hasMessageContaining("in the trash");
        }
    }

    @Test
    void everyExplicitSaveIsANewRevisionAndHistoryIsNewestFirst() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            SaveResult r = store.create("Shop", TestStores.save(TestStores.yaml("Shop", "1")));
            for (int i = 2; i <= 4; i++) {
                r = store.save(r.project().id(), r.project().version(), TestStores.save(TestStores.yaml("Shop", "" + i)));
                assertThat(r.coalesced()).isFalse();
                assertThat(r.revision().number()).isEqualTo(i);
            }
            UUID id = r.project().id();
            assertThat(store.history(id)).extracting(RevisionInfo::number).containsExactly(4, 3, 2, 1);
            assertThat(store.revision(id, 2).yaml()).isEqualTo(TestStores.yaml("Shop", "2"));
            assertThat(store.current(id).yaml()).isEqualTo(TestStores.yaml("Shop", "4"));
            assertThat(store.find(id).revisionCount()).isEqualTo(4);
            assertThat(store.find(id).version()).isEqualTo(4);
            assertThatThrownBy(() -> store.revision(id, 9)).isInstanceOf(ProjectNotFoundException.class)
                    .hasMessage("Project 'Shop' has no revision 9 (it has 4)");
            assertThatThrownBy(() -> store.find(UUID.randomUUID())).isInstanceOf(ProjectNotFoundException.class);
            assertThat(store.verify().problems()).isEmpty();
        }
    }

    @Test
    void autosavesCoalesceIntoOneRevisionUntilAnExplicitSaveOrTheWindowEnds() throws Exception {
        TestStores.MovableClock clock = new TestStores.MovableClock();
        try (H2ProjectRepository store = TestStores.open(dir, clock)) {
            SaveResult r = store.create("Shop", TestStores.save(TestStores.yaml("Shop", "explicit")));
            UUID id = r.project().id();
            clock.advance(Duration.ofSeconds(5));
            r = store.save(id, r.project().version(), TestStores.autosave(TestStores.yaml("Shop", "typing 1")));
            assertThat(r.coalesced()).isFalse();
            assertThat(r.revision().number()).isEqualTo(2);
            for (int i = 2; i <= 10; i++) {
                clock.advance(Duration.ofSeconds(5));
                r = store.save(id, r.project().version(), TestStores.autosave(TestStores.yaml("Shop", "typing " + i)));
                assertThat(r.coalesced()).isTrue();
                assertThat(r.revision().number()).isEqualTo(2);
            }
            assertThat(store.find(id).revisionCount()).isEqualTo(2);
            assertThat(store.find(id).version()).isEqualTo(11);
            Revision autosave = store.current(id);
            assertThat(autosave.yaml()).isEqualTo(TestStores.yaml("Shop", "typing 10"));
            assertThat(autosave.info().autosave()).isTrue();
            assertThat(autosave.info().savedAt()).isAfter(autosave.info().createdAt());

            // An explicit save always adds a revision, and the next autosave starts a new one.
            r = store.save(id, r.project().version(), TestStores.save(TestStores.yaml("Shop", "explicit 2")));
            assertThat(r.revision().number()).isEqualTo(3);
            r = store.save(id, r.project().version(), TestStores.autosave(TestStores.yaml("Shop", "typing again")));
            assertThat(r.coalesced()).isFalse();
            assertThat(r.revision().number()).isEqualTo(4);

            // After the window an autosave starts a new revision even on top of an autosave.
            clock.advance(H2ProjectRepository.DEFAULT_COALESCE_WINDOW.plusSeconds(1));
            r = store.save(id, r.project().version(), TestStores.autosave(TestStores.yaml("Shop", "much later")));
            assertThat(r.coalesced()).isFalse();
            assertThat(r.revision().number()).isEqualTo(5);
            assertThat(store.history(id)).extracting(RevisionInfo::autosave).containsExactly(true, true, false, true, false);
            assertThat(store.verify().problems()).isEmpty();
        }
    }

    @Test
    void aStaleSaveIsRefusedWithBothVersionsAndTheOtherChangeIsKept() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            SaveResult base = store.create("Shop", TestStores.save(TestStores.yaml("Shop", "base")));
            UUID id = base.project().id();
            long loaded = base.project().version();
            SaveResult other = store.save(id, loaded, TestStores.save(TestStores.yaml("Shop", "other window")));

            assertThatThrownBy(() -> store.save(id, loaded, TestStores.save(TestStores.yaml("Shop", "mine"))))
                    .isInstanceOfSatisfying(StoreConflictException.class, e -> {
                        assertThat(e.projectId()).isEqualTo(id);
                        assertThat(e.expectedVersion()).isEqualTo(loaded);
                        assertThat(e.currentVersion()).isEqualTo(other.project().version());
                        assertThat(e.getMessage()).isEqualTo("Project 'Shop' was changed elsewhere: this save was based on"
                                + " version 1, the store has version 2. Nothing was overwritten; reload it, or save again"
                                + " as a new revision on top.");
                    });
            assertThat(store.current(id).yaml()).isEqualTo(TestStores.yaml("Shop", "other window"));
            assertThat(store.find(id).revisionCount()).isEqualTo(2);

            // The caller reloads the current version and saves on top: both changes stay in the history.
            long reloaded = store.find(id).version();
            SaveResult mine = store.save(id, reloaded, TestStores.save(TestStores.yaml("Shop", "mine")));
            assertThat(mine.revision().number()).isEqualTo(3);
            assertThat(store.revision(id, 2).yaml()).isEqualTo(TestStores.yaml("Shop", "other window"));
            assertThat(store.revision(id, 3).yaml()).isEqualTo(TestStores.yaml("Shop", "mine"));
        }
    }

    @Test
    void anAutosaveOnAStaleVersionIsAConflictToo() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            SaveResult base = store.create("Shop", TestStores.save(TestStores.yaml("Shop", "base")));
            UUID id = base.project().id();
            store.save(id, 1, TestStores.autosave(TestStores.yaml("Shop", "window A")));
            assertThatThrownBy(() -> store.save(id, 1, TestStores.autosave(TestStores.yaml("Shop", "window B"))))
                    .isInstanceOf(StoreConflictException.class);
            assertThat(store.current(id).yaml()).isEqualTo(TestStores.yaml("Shop", "window A"));
        }
    }

    @Test
    void restoringARevisionAddsItAsTheNewCurrentRevision() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            SaveResult r = store.create("Shop", TestStores.save(TestStores.yaml("Shop", "good")));
            UUID id = r.project().id();
            r = store.save(id, r.project().version(), TestStores.save(TestStores.yaml("Shop", "bad edit")));
            SaveResult restored = store.restoreRevision(id, r.project().version(), 1, "ana");
            assertThat(restored.revision().number()).isEqualTo(3);
            assertThat(restored.revision().message()).isEqualTo("Restored revision 1");
            assertThat(store.current(id).yaml()).isEqualTo(TestStores.yaml("Shop", "good"));
            assertThat(store.revision(id, 2).yaml()).isEqualTo(TestStores.yaml("Shop", "bad edit"));
            assertThatThrownBy(() -> store.restoreRevision(id, 1, 2, "ana")).isInstanceOf(StoreConflictException.class);
        }
    }

    @Test
    void deleteIsASoftDeleteThatCanBeUndoneAndPurgeIsExplicit() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            SaveResult a = store.create("Alpha", TestStores.save(TestStores.yaml("Alpha", "1")));
            SaveResult b = store.create("Beta", TestStores.save(TestStores.yaml("Beta", "1")));
            UUID alpha = a.project().id();
            ProjectSummary deleted = store.delete(alpha);
            assertThat(deleted.deleted()).isTrue();
            assertThat(store.list()).extracting(ProjectSummary::name).containsExactly("Beta");
            assertThat(store.trash()).extracting(ProjectSummary::name).containsExactly("Alpha");
            assertThat(store.current(alpha).yaml()).isEqualTo(TestStores.yaml("Alpha", "1"));
            assertThatThrownBy(() -> store.save(alpha, deleted.version(), TestStores.save("x")))
                    .hasMessageContaining("is in the trash");
            assertThatThrownBy(() -> store.delete(alpha)).hasMessage("Project 'Alpha' is already in the trash");
            assertThatThrownBy(() -> store.purge(b.project().id()))
                    .hasMessage("Project 'Beta' is not in the trash; delete it first, then purge it");

            ProjectSummary back = store.undelete(alpha);
            assertThat(back.deleted()).isFalse();
            assertThat(store.list()).extracting(ProjectSummary::name).containsExactlyInAnyOrder("Alpha", "Beta");
            assertThatThrownBy(() -> store.undelete(alpha)).hasMessage("Project 'Alpha' is not in the trash");

            store.delete(alpha);
            store.purge(alpha);
            assertThat(store.trash()).isEmpty();
            assertThatThrownBy(() -> store.find(alpha)).isInstanceOf(ProjectNotFoundException.class);
            assertThat(store.info().revisions()).isEqualTo(1);

            store.delete(b.project().id());
            assertThat(store.emptyTrash()).isEqualTo(1);
            assertThat(store.emptyTrash()).isZero();
            assertThat(store.info().revisions()).isZero();
            assertThat(store.verify().problems()).isEmpty();
        }
    }

    @Test
    void listsNewestFirstWithRevisionCountsAndFindingsWhenKnown() throws Exception {
        TestStores.MovableClock clock = new TestStores.MovableClock();
        try (H2ProjectRepository store = TestStores.open(dir, clock)) {
            SaveResult a = store.create("Alpha", RevisionDraft.save("a", "t", "", new FindingCounts(0, 1, 0)));
            clock.advance(Duration.ofMinutes(1));
            store.create("Beta", TestStores.save("b"));
            clock.advance(Duration.ofMinutes(1));
            store.save(a.project().id(), 1, RevisionDraft.save("a2", "t", "", null));
            List<ProjectSummary> list = store.list();
            assertThat(list).extracting(ProjectSummary::name).containsExactly("Alpha", "Beta");
            assertThat(list.get(0).revisionCount()).isEqualTo(2);
            assertThat(list.get(0).knownFindings()).isEmpty();
            assertThat(list.get(1).knownFindings()).isEmpty();
            store.save(a.project().id(), 2, RevisionDraft.save("a3", "t", "", new FindingCounts(2, 0, 5)));
            assertThat(store.find(a.project().id()).findings().describe()).isEqualTo("2 errors");
        }
    }

    @Test
    void settingsAreKeptAcrossOpens() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            assertThat(store.setting("seeded")).isNull();
            store.putSetting("seeded", "yes");
            store.putSetting("seeded", "twice");
        }
        try (H2ProjectRepository store = TestStores.open(dir)) {
            assertThat(store.setting("seeded")).isEqualTo("twice");
        }
    }

    @Test
    void aNameIsRequiredAndLongTextIsCut() throws Exception {
        try (H2ProjectRepository store = TestStores.open(dir)) {
            assertThatThrownBy(() -> store.create("  ", TestStores.save("x"))).hasMessage("A project needs a name");
            SaveResult r = store.create("n".repeat(300), new RevisionDraft("x", "a".repeat(500), "m".repeat(5000), false, null));
            assertThat(r.project().name()).hasSize(200);
            assertThat(store.current(r.project().id()).info().message()).hasSize(RevisionDraft.MAX_MESSAGE);
            assertThat(store.current(r.project().id()).info().author()).hasSize(RevisionDraft.MAX_AUTHOR);
        }
    }

    @Test
    void aClosedStoreSaysSo() throws Exception {
        H2ProjectRepository store = TestStores.open(dir);
        store.close();
        assertThatThrownBy(store::list).isInstanceOf(StoreException.class).hasMessage("The store at " + dir + " is closed");
    }
}
