package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kill -9 while a store is created for the first time leaves part of version 1 behind (H2 commits each DDL
 * statement), and possibly a failed entry in Flyway's history; the next open must finish the creation, never refuse
 * the store for good. A version-0 store that holds data is not Quorum's half-made store and is left alone.
 */
class InterruptedCreationTest {

    @TempDir
    Path dir;

    private StoreCredentials credentials;

    /** A store whose first creation stopped after the first table of version 1. */
    private void halfCreated() throws Exception {
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            repo.list();
        }
        credentials = StoreCredentials.read(dir.resolve("quorum.credentials"));
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("DROP TABLE \"" + Migrations.HISTORY_TABLE + "\"");
            s.execute("DROP TABLE REVISIONS CASCADE");
            s.execute("DROP TABLE STORE_SETTINGS");
            s.execute("DROP TABLE PROJECTS CASCADE");
            s.execute("DROP USER " + credentials.appUser());
            s.execute("DROP ROLE QUORUM_WRITER");
            s.execute("CREATE TABLE PROJECTS (ID BIGINT PRIMARY KEY)");
        }
    }

    private Connection admin() throws Exception {
        return H2Access.connect("jdbc:h2:file:" + dir.resolve("quorum"), credentials.adminUser(), credentials.adminPassword());
    }

    private void assertOpensEmptyAtTheLatestVersion() throws Exception {
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            assertThat(repo.list()).isEmpty();
            assertThat(repo.info().schemaVersion()).isEqualTo(Migrations.LATEST);
        }
    }

    @Test
    void aCreationKilledInTheFirstMigrationIsFinishedOnTheNextOpen() throws Exception {
        halfCreated();
        assertOpensEmptyAtTheLatestVersion();
    }

    @Test
    void aFailedFirstMigrationInFlywaysHistoryIsClearedToo() throws Exception {
        // As Flyway leaves it when version 1 fails part-way: its history says so, and some tables are there.
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            repo.list();
        }
        credentials = StoreCredentials.read(dir.resolve("quorum.credentials"));
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("UPDATE \"" + Migrations.HISTORY_TABLE + "\" SET \"success\" = FALSE");
            s.execute("DROP TABLE REVISIONS CASCADE");
            s.execute("DROP TABLE STORE_SETTINGS");
            s.execute("DROP USER " + credentials.appUser());
            s.execute("DROP ROLE QUORUM_WRITER");
            assertThat(Migrations.version(admin)).isZero();
        }
        assertOpensEmptyAtTheLatestVersion();
    }

    @Test
    void aVersionZeroStoreWithRowsIsNotCleared() throws Exception {
        halfCreated();
        try (Connection admin = admin(); Statement s = admin.createStatement()) {
            s.execute("INSERT INTO PROJECTS (ID) VALUES (1)");
        }
        assertThatThrownBy(() -> TestStores.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("Cannot update the store");
        try (Connection admin = admin(); Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PROJECTS")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
