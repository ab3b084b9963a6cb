package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What the app user, which does all normal work, may do in H2 2.5: read and write Quorum's three tables,
 * nothing else. Everything through which SQL could run code or touch files needs admin rights.
 */
class NonAdminUserTest {

    @TempDir
    static Path dir;

    private static Connection app() throws Exception {
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            repo.list();
        }
        StoreCredentials c = StoreCredentials.read(dir.resolve("quorum.credentials"));
        return H2Access.connect("jdbc:h2:file:" + dir.resolve("quorum"), c.appUser(), c.appPassword());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "CREATE ALIAS X AS $$ String x() { return \"x\"; } $$",
        "CREATE ALIAS Y FOR 'java.lang.Math.abs'",
        "CREATE TRIGGER T BEFORE INSERT ON PROJECTS FOR EACH ROW CALL 'org.h2.tools.TriggerAdapter'",
        "SELECT FILE_READ('/etc/hostname')",
        "SELECT FILE_WRITE('x', '/tmp/quorum-non-admin-test')",
        "CALL CSVWRITE('/tmp/quorum-non-admin-test.csv', 'SELECT 1')",
        "SCRIPT TO '/tmp/quorum-non-admin-test.sql'",
        "RUNSCRIPT FROM '/tmp/quorum-non-admin-test.sql'",
        "BACKUP TO '/tmp/quorum-non-admin-test.zip'",
        "CHECKPOINT SYNC",
        "SET WRITE_DELAY 1000",
        "SET BUILTIN_ALIAS_OVERRIDE TRUE",
        "CREATE USER SNEAKY PASSWORD 'x' ADMIN",
        "ALTER USER QUORUM_APP ADMIN TRUE",
        "CREATE LINKED TABLE L('org.h2.Driver', 'jdbc:h2:mem:', '', '', 'X')",
        "DROP TABLE PROJECTS",
        "ALTER TABLE PROJECTS ADD COLUMN C INT DEFAULT 1"
    })
    void theAppUserCannot(String sql) throws Exception {
        try (Connection c = app(); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute(sql)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(e.getErrorCode()).as(e.getMessage()).isIn(90040, 90096));
        }
    }

    @Test
    void theAppUserIsNotAdminAndWorksOnlyOnQuorumsTables() throws Exception {
        try (Connection c = app(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT IS_ADMIN FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = CURRENT_USER")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM PROJECTS")) {
                assertThat(rs.next()).isTrue();
            }
            s.executeUpdate("MERGE INTO STORE_SETTINGS (SETTING_KEY, SETTING_VALUE) KEY (SETTING_KEY) VALUES ('k', 'v')");
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM \"flyway_schema_history\""))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(90096));
        }
    }
}
