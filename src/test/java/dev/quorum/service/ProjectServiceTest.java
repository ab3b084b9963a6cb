package dev.quorum.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.TestDesigns;
import dev.quorum.io.DesignFile;
import dev.quorum.model.Design;
import dev.quorum.store.FindingCounts;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.SaveResult;
import dev.quorum.store.StoreConflictException;
import dev.quorum.store.StoreException;
import dev.quorum.store.StoreLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store use cases the window and the CLI share, on a real store. */
class ProjectServiceTest {

    @TempDir
    Path dir;

    private final DesignService designs = new DesignService();

    private ProjectService open() throws StoreException {
        return ProjectService.open(new StoreLocation(dir.resolve("store")));
    }

    private Path write(String file, Design design) throws Exception {
        Path p = dir.resolve(file);
        designs.save(DesignFile.of(design), p);
        return p;
    }

    @Test
    void firstStartSeedsTheSamplesOnceWithTheirFindings() throws Exception {
        try (ProjectService s = open()) {
            assertThat(s.seedSamples()).isEqualTo(SampleCatalog.FILES.size());
            assertThat(s.list()).hasSize(SampleCatalog.FILES.size());
            assertThat(s.list()).allSatisfy(p -> assertThat(p.knownFindings()).isPresent());
            ProjectSummary flawed = s.resolve("QuickBite", ProjectService.Scope.ANY);
            assertThat(flawed.findings().errors()).isPositive();
            assertThat(s.seedSamples()).isZero();
            for (ProjectSummary p : s.list()) {
                s.delete(p.id());
            }
            s.emptyTrash();
        }
        try (ProjectService s = open()) {
            // Deleting every sample does not bring them back on the next start.
            assertThat(s.seedSamples()).isZero();
            assertThat(s.list()).isEmpty();
        }
    }

    @Test
    void importCreatesUpdatesOrSkipsAndReportsUnreadableFiles() throws Exception {
        Path shop = write("shop.quorum.yaml", TestDesigns.complete());
        Files.writeString(dir.resolve("broken.quorum.yaml"), "quorum: 1\nname: [unclosed\n");
        try (ProjectService s = open()) {
            List<ImportOutcome> first = s.importPath(dir);
            assertThat(first).extracting(ImportOutcome::kind).containsExactly(ImportOutcome.Kind.FAILED, ImportOutcome.Kind.CREATED);
            assertThat(first.get(0).detail()).startsWith("broken.quorum.yaml:").doesNotContain("\n");
            assertThat(s.importPath(shop)).extracting(ImportOutcome::kind).containsExactly(ImportOutcome.Kind.UNCHANGED);

            Design changed = TestDesigns.complete();
            changed = new Design(changed.name(), "A new summary", changed.persistence(), changed.schema(), changed.queries(),
                    changed.concurrency(), changed.sharing(), changed.consistency(), changed.replication(), changed.backup(),
                    changed.lifecycle());
            write("shop.quorum.yaml", changed);
            ImportOutcome update = s.importPath(shop).get(0);
            assertThat(update.kind()).isEqualTo(ImportOutcome.Kind.NEW_REVISION);
            assertThat(update.detail()).isEqualTo("revision 2");
            OpenedProject opened = s.open(s.resolve("shop", ProjectService.Scope.LIVE).id());
            assertThat(opened.design().design().summary()).isEqualTo("A new summary");
            assertThat(opened.revision().message()).isEqualTo("Imported from shop.quorum.yaml");
            assertThatThrownBy(() -> s.importPath(dir.resolve("none"))).hasMessageContaining("no such file or folder");
        }
    }

    @Test
    void exportWritesEveryLiveDesignAndReimportingChangesNothing() throws Exception {
        Path out = dir.resolve("out");
        try (ProjectService s = open()) {
            s.seedSamples();
            ProjectSummary gone = s.list().get(0);
            s.delete(gone.id());
            List<Path> files = s.export(out);
            assertThat(files).hasSize(SampleCatalog.FILES.size() - 1);
            assertThat(files).allSatisfy(f -> assertThat(f.getFileName().toString()).endsWith(".quorum.yaml"));
            for (Path f : files) {
                assertThat(designs.open(f).design().name()).isNotBlank();
            }
            assertThat(s.importPath(out)).extracting(ImportOutcome::kind).containsOnly(ImportOutcome.Kind.UNCHANGED);
        }
    }

    @Test
    void aConflictCanBeResolvedBySavingOnTopWithoutLosingTheOtherChange() throws Exception {
        try (ProjectService s = open()) {
            DesignFile design = DesignFile.of(TestDesigns.complete());
            SaveResult created = s.create(design, "first");
            UUID id = created.project().id();
            assertThat(created.project().knownFindings()).isPresent();
            OpenedProject windowA = s.open(id);
            OpenedProject windowB = s.open(id);
            s.save(id, windowA.version(), design.withDesign(Design.empty("Renamed by A")), "A");
            assertThatThrownBy(() -> s.save(id, windowB.version(), design.withDesign(Design.empty("Renamed by B")), "B"))
                    .isInstanceOf(StoreConflictException.class);
            SaveResult onTop = s.saveOnTop(id, design.withDesign(Design.empty("Renamed by B")), "B, on top of A");
            assertThat(onTop.revision().number()).isEqualTo(3);
            assertThat(s.openRevision(id, 2).design().design().name()).isEqualTo("Renamed by A");
            assertThat(s.open(id).design().design().name()).isEqualTo("Renamed by B");

            SaveResult auto = s.autosave(id, onTop.project().version(), design, new FindingCounts(0, 0, 0));
            assertThat(auto.revision().autosave()).isTrue();
            SaveResult restored = s.restoreRevision(id, 1);
            assertThat(restored.revision().number()).isEqualTo(5);
            assertThat(restored.project().knownFindings()).isPresent();
            assertThat(s.history(id)).hasSize(5);
        }
    }

    @Test
    void projectsAreNamedByIdPrefixNameOrAPartThatFitsOne() throws Exception {
        try (ProjectService s = open()) {
            s.seedSamples();
            ProjectSummary payments = s.resolve("payments service", ProjectService.Scope.ANY);
            assertThat(payments.name()).startsWith("Payments service");
            assertThat(s.resolve(payments.shortId(), ProjectService.Scope.ANY)).isEqualTo(payments);
            assertThat(s.resolve(payments.id().toString(), ProjectService.Scope.LIVE)).isEqualTo(payments);
            assertThat(s.resolve("PAYMENTS", ProjectService.Scope.ANY).name()).startsWith("Payments service");
            assertThatThrownBy(() -> s.resolve("e", ProjectService.Scope.ANY)).hasMessageStartingWith("5 projects match 'e'");
            assertThatThrownBy(() -> s.resolve("payments", ProjectService.Scope.TRASH))
                    .hasMessage("No project named 'payments' in the trash (see quorum projects list --trash)");
            s.delete(payments.id());
            assertThat(s.resolve("payments service", ProjectService.Scope.TRASH)).extracting(ProjectSummary::id)
                    .isEqualTo(payments.id());
        }
    }

    @Test
    void slugsAreSafeFileNames() {
        assertThat(ProjectService.slug("Online shop - users, orders & payments!")).isEqualTo("online-shop-users-orders-payments");
        assertThat(ProjectService.slug("../../etc/passwd")).isEqualTo("etc-passwd");
        assertThat(ProjectService.slug("日本")).isEqualTo("design");
    }
}
