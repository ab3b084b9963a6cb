package dev.quorum.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The only place that talks to the H2 driver directly. It fixes the JDBC URLs (templates with no user text
 * but the checked store directory) and hardens H2 before its first use:
 * <ul>
 * <li>{@code h2.bindAddress=127.0.0.1}: AUTO_SERVER otherwise listens on every network interface;</li>
 * <li>{@code h2.allowedClasses}: no Java class may be loaded by name from a database (function aliases,
 *     triggers and serialised objects by class name), whatever a store file asks for, except H2's own
 *     TCP server, whose management database (used by AUTO_SERVER) declares an alias to stop it.</li>
 * </ul>
 * H2 reads both properties once, when its settings class loads; {@link #hardened()} reports whether that
 * happened after this class set them. Without loopback binding the store is not shared at all: a second
 * process then gets a clear "in use" message instead of a port open to the network.
 */
final class H2Access {

    /** The only class H2 may load by name: its TCP server, for AUTO_SERVER's own management alias. */
    static final String NO_USER_CLASSES = "org.h2.server.TcpServer";
    static final String LOOPBACK = "127.0.0.1";

    private static final boolean HARDENED;

    static {
        System.setProperty("h2.bindAddress", LOOPBACK);
        System.setProperty("h2.allowedClasses", NO_USER_CLASSES);
        HARDENED = LOOPBACK.equals(org.h2.engine.SysProperties.BIND_ADDRESS)
                && NO_USER_CLASSES.equals(org.h2.engine.SysProperties.ALLOWED_CLASSES);
    }

    private H2Access() {
    }

    /** True when H2 runs with the loopback binding and the empty class allow-list set above. */
    static boolean hardened() {
        return HARDENED;
    }

    /** How a connection opens the store. */
    enum Mode {
        /** Read-write; other Quorum processes reach the store through H2's AUTO_SERVER on loopback. */
        SHARED(";AUTO_SERVER=TRUE"),
        /** Read-write for this process only; used when H2 could not be bound to loopback. */
        EXCLUSIVE(""),
        /** Read-only, without a lock file, for a store directory that cannot be written. */
        READ_ONLY(";ACCESS_MODE_DATA=r");

        private final String settings;

        Mode(String settings) {
            this.settings = settings;
        }
    }

    /**
     * The admin URL, which opens the database first. WRITE_DELAY=0 makes every commit reach the file before it
     * returns (H2 otherwise keeps up to half a second in memory); it is a persistent setting only an admin may
     * set. REUSE_SPACE=FALSE makes H2 append every commit instead of writing it into space freed earlier:
     * measured on H2 2.5.252, with space reuse a kill -9 loses the last few acknowledged commits even after
     * CHECKPOINT SYNC (see docs/decisions/0009); the file grows until H2 compacts it when the store closes.
     */
    static String adminUrl(StoreLocation location, String scheme, Mode mode) {
        return "jdbc:h2:" + scheme + ":" + location.databasePath() + mode.settings
                + (mode == Mode.READ_ONLY ? "" : ";WRITE_DELAY=0;REUSE_SPACE=FALSE");
    }

    /** The URL of the non-admin user that does all normal work. */
    static String appUrl(StoreLocation location, String scheme, Mode mode) {
        return "jdbc:h2:" + scheme + ":" + location.databasePath() + mode.settings;
    }

    /** H2's file system for real stores; tests may name a wrapper that fails like a full disk. */
    static final String FILE_SCHEME = "file";

    /** Opens a connection; user and password travel as properties, never in the URL. */
    static Connection connect(String url, String user, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return new org.h2.Driver().connect(url, p);
    }

    /** The H2 version, for backup manifests. */
    static String version() {
        return org.h2.engine.Constants.FULL_VERSION;
    }

    /** Makes sure the driver class is registered for code that uses {@link DriverManager}, such as Flyway. */
    static void register() {
        org.h2.Driver.load();
    }
}
