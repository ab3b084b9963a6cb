package dev.quorum.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;

/**
 * Checks an open store's schema, before migrations or any other statement touch it, for anything through
 * which stored SQL could run: functions, triggers, views, synonyms, domains, constants, check constraints,
 * column defaults, generated or ON UPDATE columns, and tables Quorum does not know. Without these, the only
 * SQL that ever runs against the store is Quorum's own. It complements {@link StoreFileInspector}, which
 * works on the file before it is opened, and it also runs when the store is reached through another
 * process's AUTO_SERVER, where the file cannot be read directly.
 */
final class SchemaGuard {

    /** Quorum's tables; a migration that adds one adds it here ({@code SchemaGuardTest} catches a miss). */
    static final Set<String> TABLES = Set.of("PROJECTS", "REVISIONS", "STORE_SETTINGS", Migrations.HISTORY_TABLE);

    private static final Set<String> COLUMN_TYPES = Set.of("CHARACTER VARYING", "CHARACTER", "CHARACTER LARGE OBJECT",
            "BIGINT", "INTEGER", "BOOLEAN", "UUID", "TIMESTAMP", "TIMESTAMP WITH TIME ZONE");

    private SchemaGuard() {
    }

    /** Throws {@link StoreUntrustedException} naming the first object Quorum never creates. */
    static void verify(Connection admin, StoreLocation location) throws SQLException, StoreUntrustedException {
        try (Statement s = admin.createStatement()) {
            none(s, location, "a Java function alias",
                    "SELECT ROUTINE_SCHEMA || '.' || ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES"
                            + " WHERE ROUTINE_SCHEMA <> 'INFORMATION_SCHEMA'");
            none(s, location, "a trigger", "SELECT TRIGGER_SCHEMA || '.' || TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS");
            none(s, location, "a view", "SELECT TABLE_SCHEMA || '.' || TABLE_NAME FROM INFORMATION_SCHEMA.VIEWS"
                    + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'");
            none(s, location, "a synonym", "SELECT SYNONYM_SCHEMA || '.' || SYNONYM_NAME FROM INFORMATION_SCHEMA.SYNONYMS");
            none(s, location, "a constant", "SELECT CONSTANT_SCHEMA || '.' || CONSTANT_NAME FROM INFORMATION_SCHEMA.CONSTANTS");
            none(s, location, "a domain", "SELECT DOMAIN_SCHEMA || '.' || DOMAIN_NAME FROM INFORMATION_SCHEMA.DOMAINS");
            none(s, location, "a check constraint", "SELECT CONSTRAINT_SCHEMA || '.' || CONSTRAINT_NAME"
                    + " FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA <> 'INFORMATION_SCHEMA'");
            none(s, location, "an extra schema", "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA"
                    + " WHERE SCHEMA_NAME NOT IN ('PUBLIC', 'INFORMATION_SCHEMA')");
            try (ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (rs.next()) {
                    String name = rs.getString(1) + "." + rs.getString(2);
                    if (!"BASE TABLE".equals(rs.getString(3))) {
                        throw refuse(location, "a " + rs.getString(3).toLowerCase(Locale.ROOT), name);
                    }
                    if (!"PUBLIC".equals(rs.getString(1)) || !TABLES.contains(rs.getString(2))) {
                        throw refuse(location, "a table Quorum does not know", name);
                    }
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, DATA_TYPE, COLUMN_DEFAULT, COLUMN_ON_UPDATE,"
                    + " IS_GENERATED FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = 'PUBLIC'")) {
                while (rs.next()) {
                    String column = rs.getString(1) + "." + rs.getString(2);
                    if (!COLUMN_TYPES.contains(rs.getString(3))) {
                        throw refuse(location, "a column of type " + rs.getString(3), column);
                    }
                    String dflt = rs.getString(4);
                    boolean flywayTimestamp = Migrations.HISTORY_TABLE.equals(rs.getString(1))
                            && "installed_on".equals(rs.getString(2)) && "CURRENT_TIMESTAMP".equals(dflt);
                    if (dflt != null && !flywayTimestamp) {
                        throw refuse(location, "a column default (" + dflt + ")", column);
                    }
                    if (rs.getString(5) != null) {
                        throw refuse(location, "an ON UPDATE expression", column);
                    }
                    if (!"NEVER".equals(rs.getString(6))) {
                        throw refuse(location, "a generated column", column);
                    }
                }
            }
        }
    }

    private static void none(Statement s, StoreLocation location, String what, String sql)
            throws SQLException, StoreUntrustedException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (rs.next()) {
                throw refuse(location, what, rs.getString(1));
            }
        }
    }

    private static StoreUntrustedException refuse(StoreLocation location, String what, String name) {
        return StoreFileInspector.untrusted(location.databaseFile(), what, name);
    }
}
