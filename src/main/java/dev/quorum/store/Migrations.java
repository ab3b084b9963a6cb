package dev.quorum.store;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings a store's schema to {@link #LATEST} with Flyway, from the {@code V<n>__name.sql} files under
 * {@code db/migration}. Flyway 11's core module supports H2 itself, so no database module is needed.
 * A store already at the latest version skips Flyway's start-up cost.
 */
final class Migrations {

    /** The newest migration's version; {@code MigrationsTest} checks it against the bundled files. */
    static final int LATEST = 1;
    /** Flyway's history table, under its default name. */
    static final String HISTORY_TABLE = "flyway_schema_history";
    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** The schema version of the open store: 0 for an empty database. */
    static int version(Connection admin) throws SQLException {
        try (Statement s = admin.createStatement();
                ResultSet tables = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = '" + HISTORY_TABLE + "'")) {
            tables.next();
            if (tables.getInt(1) == 0) {
                return 0;
            }
        }
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT \"version\" FROM \"" + HISTORY_TABLE + "\" WHERE \"success\""
                        + " AND \"version\" IS NOT NULL")) {
            int max = 0;
            while (rs.next()) {
                try {
                    max = Math.max(max, Integer.parseInt(rs.getString(1)));
                } catch (NumberFormatException e) {
                    // Quorum's versions are whole numbers; anything else belongs to no Quorum release.
                }
            }
            return max;
        }
    }

    /** Migrates the store at {@code location} to the latest version as its admin user. */
    static void migrate(Connection admin, StoreLocation location, String url, StoreCredentials credentials)
            throws SQLException, StoreException {
        int current = version(admin);
        if (current == LATEST) {
            return;
        }
        if (current > LATEST) {
            throw new StoreException("The store at " + location + " has schema version " + current
                    + ", newer than this Quorum understands (" + LATEST + "); use a newer Quorum");
        }
        if (current == 0) {
            clearInterruptedCreation(admin);
        }
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(new AdminDataSource(url, credentials))
                    .locations(LOCATION)
                    .table(HISTORY_TABLE)
                    .placeholderReplacement(false)
                    .cleanDisabled(true)
                    .validateOnMigrate(true)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            throw new StoreException("Cannot update the store at " + location + " to schema version " + LATEST + ": " + detail, e);
        }
    }

    /** The tables version 1 creates, and Flyway's history; a store at version 0 holding nothing else is Quorum's. */
    private static final java.util.Set<String> FIRST_CREATION = java.util.Set.of("PROJECTS", "REVISIONS", "STORE_SETTINGS",
            HISTORY_TABLE);

    /**
     * Removes what a first creation left when it was killed before version 1 completed. H2 commits each DDL
     * statement, so a kill during the first migration leaves some of its tables, and Flyway a failed entry in its
     * history; every later open would then refuse the store. No version ever completed, so no project can have been
     * written: only a store holding nothing but empty version-1 tables is cleared, and anything else is left for
     * Flyway to report.
     */
    static void clearInterruptedCreation(Connection admin) throws SQLException {
        java.util.List<String> tables = new java.util.ArrayList<>();
        try (Statement s = admin.createStatement();
                ResultSet rs = s.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        if (tables.isEmpty() || !FIRST_CREATION.containsAll(tables)) {
            return;
        }
        for (String t : tables) {
            if (t.equals(HISTORY_TABLE)) {
                continue;
            }
            try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM \"" + t + "\"")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            for (String t : tables) {
                s.execute("DROP TABLE IF EXISTS \"" + t + "\" CASCADE");
            }
            s.execute("DROP ROLE IF EXISTS QUORUM_WRITER");
        }
    }

    /** Hands Flyway admin connections to the already open store. */
    private record AdminDataSource(String url, StoreCredentials credentials) implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            return H2Access.connect(url, credentials.adminUser(), credentials.adminPassword());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
            // Flyway logs through SLF4J; there is no log writer.
        }

        @Override
        public void setLoginTimeout(int seconds) {
            // Connections are to a local file or loopback; there is nothing to time out.
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getLogger("dev.quorum.store");
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
