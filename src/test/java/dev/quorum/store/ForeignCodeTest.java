package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.cli.QuorumCli;
import dev.quorum.service.ProjectService;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A store file from someone else must never run code here. Each case builds a real Quorum store, then, as
 * its admin on a separate connection (what the author of a hostile file can do), adds Java code that writes
 * a marker file when it runs, wired in one of the ways H2 would run it. Opening the store through every
 * entry point must refuse it with a clear message, and the marker must never appear.
 */
class ForeignCodeTest {

    @TempDir
    Path dir;

    /** Ways a hostile store author can get Java code run. */
    enum Attack {
        /** A function alias nobody calls. */
        ALIAS_ONLY("a Java function alias (PUBLIC.EVIL)"),
        /** The alias as a column default, so that Quorum's own INSERT would call it. */
        ALIAS_AS_COLUMN_DEFAULT("a Java function alias (PUBLIC.EVIL)"),
        /** The alias overriding a built-in function name that SQL might use. */
        ALIAS_OVERRIDING_BUILT_IN("a Java function alias (PUBLIC.LOWER)"),
        /** A trigger with Java source: H2 compiles and runs it while it opens the database. */
        TRIGGER_WITH_JAVA_SOURCE("a trigger (PUBLIC.EVIL_TRIGGER)"),
        /** A view over the alias. */
        VIEW_CALLING_ALIAS("a Java function alias (PUBLIC.EVIL)");

        final String named;

        Attack(String named) {
            this.named = named;
        }
    }

    private Path marker() {
        return dir.resolve("marker-code-ran");
    }

    private String writesMarker() {
        return "java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker() + "\"), \"ran\");";
    }

    /** A real store with one project, then the attack added by the store's admin on a plain connection. */
    private Path hostileStore(Attack attack) throws Exception {
        Path store = dir.resolve("store");
        try (H2ProjectRepository repo = TestStores.open(store)) {
            repo.create("Shop", TestStores.save(TestStores.yaml("Shop", "1")));
        }
        StoreCredentials credentials = StoreCredentials.read(store.resolve("quorum.credentials"));
        try (Connection admin = H2Access.connect("jdbc:h2:file:" + store.resolve("quorum"), credentials.adminUser(),
                credentials.adminPassword()); Statement s = admin.createStatement()) {
            String alias = "String f() throws Exception { " + writesMarker() + " return \"x\"; }";
            switch (attack) {
                case ALIAS_ONLY -> s.execute("CREATE ALIAS EVIL AS $$ " + alias + " $$");
                case ALIAS_AS_COLUMN_DEFAULT -> {
                    s.execute("CREATE ALIAS EVIL AS $$ " + alias + " $$");
                    s.execute("ALTER TABLE REVISIONS ALTER COLUMN MESSAGE SET DEFAULT EVIL()");
                }
                case ALIAS_OVERRIDING_BUILT_IN -> {
                    s.execute("SET BUILTIN_ALIAS_OVERRIDE TRUE");
                    s.execute("CREATE ALIAS LOWER AS $$ String lower(String v) throws Exception { " + writesMarker()
                            + " return v; } $$");
                }
                case TRIGGER_WITH_JAVA_SOURCE -> s.execute("CREATE TRIGGER EVIL_TRIGGER BEFORE INSERT ON PROJECTS FOR EACH ROW AS"
                        + " $$ org.h2.api.Trigger create() throws Exception { " + writesMarker()
                        + " return new org.h2.api.Trigger() { public void fire(Connection c, Object[] o, Object[] n) {} }; } $$");
                case VIEW_CALLING_ALIAS -> {
                    s.execute("CREATE ALIAS EVIL AS $$ " + alias + " $$");
                    s.execute("CREATE VIEW EVIL_VIEW AS SELECT EVIL() AS X");
                }
            }
        }
        // Creating a trigger runs its source once, in the attacker's session; only what happens next counts.
        Files.deleteIfExists(marker());
        return store;
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void theRepositoryRefusesTheStoreAndTheCodeNeverRuns(Attack attack) throws Exception {
        Path store = hostileStore(attack);
        assertThatThrownBy(() -> TestStores.open(store)).isInstanceOf(StoreUntrustedException.class)
                .hasMessageContaining("contains " + attack.named + ", which Quorum never creates")
                .hasMessageContaining("was not opened");
        assertThat(marker()).doesNotExist();
        // A second attempt, and a read-only one, fare no better.
        assertThatThrownBy(() -> TestStores.open(store)).isInstanceOf(StoreUntrustedException.class);
        assertThatThrownBy(() -> TestStores.openReadOnly(store)).isInstanceOf(StoreUntrustedException.class);
        assertThat(marker()).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void everyCommandOnTheStoreIsRefusedWithOneLineAndTheCodeNeverRuns(Attack attack) throws Exception {
        Path store = hostileStore(attack);
        assertThatThrownBy(() -> ProjectService.open(TestStores.at(store))).isInstanceOf(StoreUntrustedException.class);
        List<String[]> commands = List.of(
                new String[] {"projects", "list"}, new String[] {"projects", "list", "--trash"},
                new String[] {"projects", "show", "Shop"}, new String[] {"projects", "history", "Shop"},
                new String[] {"projects", "delete", "Shop"}, new String[] {"projects", "restore", "Shop", "1"},
                new String[] {"store", "info"}, new String[] {"store", "verify"},
                new String[] {"store", "export", dir.resolve("out").toString()},
                new String[] {"store", "import", dir.resolve("missing.quorum.yaml").toString()},
                new String[] {"store", "backup", dir.resolve("b.zip").toString()});
        for (String[] command : commands) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(command),
                    java.util.stream.Stream.of("--store", store.toString())).toArray(String[]::new);
            int code = QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
            assertThat(code).as(String.join(" ", command)).isEqualTo(2);
            assertThat(err.toString().strip()).as(String.join(" ", command)).startsWith("quorum: The store ")
                    .contains("which Quorum never creates").doesNotContain("\n").doesNotContain("Exception");
        }
        assertThat(marker()).doesNotExist();
        assertThat(dir.resolve("b.zip")).doesNotExist();
    }

    @Test
    void aBackupOfAHostileStoreNeverReplacesAGoodOne() throws Exception {
        Path hostile = hostileStore(Attack.TRIGGER_WITH_JAVA_SOURCE);
        Path zip = BackupZips.fromStoreFiles(hostile, dir.resolve("colleague.zip"));
        Path good = dir.resolve("good");
        UUID id;
        try (H2ProjectRepository repo = TestStores.open(good)) {
            id = repo.create("Mine", TestStores.save(TestStores.yaml("Mine", "precious"))).project().id();
        }
        assertThatThrownBy(() -> StoreBackup.restore(TestStores.at(good), zip, true))
                .isInstanceOf(StoreException.class).hasMessageContaining("was not restored")
                .hasMessageContaining("a trigger (PUBLIC.EVIL_TRIGGER)");
        assertThat(marker()).doesNotExist();
        try (H2ProjectRepository repo = TestStores.open(good)) {
            assertThat(repo.current(id).yaml()).isEqualTo(TestStores.yaml("Mine", "precious"));
        }
        try (var files = Files.list(good)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("restore-") || n.contains("before-restore"));
        }
    }
}
