package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The checks on an open store's schema (the second line of defence, and the only one when the store is
 * reached through another process's AUTO_SERVER), and the migrations they must agree with.
 */
class SchemaGuardTest {

    @TempDir
    Path dir;

    private Connection admin() throws Exception {
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            repo.list();
        }
        StoreCredentials c = StoreCredentials.read(dir.resolve("quorum.credentials"));
        return H2Access.connect("jdbc:h2:file:" + dir.resolve("quorum"), c.adminUser(), c.adminPassword());
    }

    @Test
    void aStoreFreshFromTheMigrationsPasses() throws Exception {
        try (Connection admin = admin()) {
            assertThatCode(() -> SchemaGuard.verify(admin, TestStores.at(dir))).doesNotThrowAnyException();
            assertThat(Migrations.version(admin)).isEqualTo(Migrations.LATEST);
        }
        assertThat(StoreFileInspector.inspect(dir.resolve("quorum.mv.db").toString())).isEqualTo(StoreFileInspector.Outcome.CLEAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE ALIAS F FOR 'org.h2.server.TcpServer.stopServer'|a Java function alias (PUBLIC.F)",
        "CREATE VIEW V AS SELECT 1 AS X|a view (PUBLIC.V)",
        "CREATE TABLE EXTRA (I INT)|a table Quorum does not know (PUBLIC.EXTRA)",
        "CREATE SCHEMA OTHER|an extra schema (OTHER)",
        "CREATE DOMAIN D AS INT|a domain (PUBLIC.D)",
        "CREATE CONSTANT C VALUE 1|a constant (PUBLIC.C)",
        "CREATE SYNONYM S FOR PROJECTS|a synonym (PUBLIC.S)",
        "ALTER TABLE PROJECTS ADD CONSTRAINT CK CHECK (REVISION_COUNT >= 0)|a check constraint (PUBLIC.CK)",
        "ALTER TABLE REVISIONS ALTER COLUMN AUTHOR SET DEFAULT 'x'|a column default ('x') (REVISIONS.AUTHOR)",
        "ALTER TABLE REVISIONS ALTER COLUMN AUTHOR SET ON UPDATE 'x'|an ON UPDATE expression (REVISIONS.AUTHOR)",
        "ALTER TABLE PROJECTS ADD COLUMN G INT GENERATED ALWAYS AS (REVISION_COUNT + 1)|a generated column (PROJECTS.G)",
        "ALTER TABLE PROJECTS ADD COLUMN J JAVA_OBJECT|a column of type JAVA_OBJECT (PROJECTS.J)"
    })
    void refusesWhatQuorumNeverCreates(String caseText) throws Exception {
        String[] parts = caseText.split("\\|");
        try (Connection admin = admin()) {
            try (Statement s = admin.createStatement()) {
                s.execute(parts[0]);
            }
            assertThatThrownBy(() -> SchemaGuard.verify(admin, TestStores.at(dir))).isInstanceOf(StoreUntrustedException.class)
                    .hasMessageContaining("contains " + parts[1] + ", which Quorum never creates");
        }
        // And the store does not open either way.
        assertThatThrownBy(() -> TestStores.open(dir)).isInstanceOf(StoreUntrustedException.class);
    }

    @Test
    void theLatestVersionMatchesTheNewestMigrationFileAndEveryTableIsKnown() throws Exception {
        Path migrations = Path.of("src/main/resources/db/migration");
        Pattern name = Pattern.compile("V(\\d+)__[a-z0-9_]+\\.sql");
        int newest = 0;
        StringBuilder sql = new StringBuilder();
        try (Stream<Path> files = Files.list(migrations)) {
            for (Path f : files.toList()) {
                Matcher m = name.matcher(f.getFileName().toString());
                assertThat(m.matches()).as("Flyway file name %s", f.getFileName()).isTrue();
                newest = Math.max(newest, Integer.parseInt(m.group(1)));
                sql.append(Files.readString(f));
            }
        }
        assertThat(Migrations.LATEST).isEqualTo(newest);
        Matcher table = Pattern.compile("CREATE TABLE (\\w+)", Pattern.CASE_INSENSITIVE).matcher(sql);
        while (table.find()) {
            assertThat(SchemaGuard.TABLES).contains(table.group(1).toUpperCase(java.util.Locale.ROOT));
        }
    }
}
