package dev.quorum.store;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where a project store lives: one directory holding {@code quorum.mv.db} and its credentials. The
 * directory is the only part of the JDBC URL that comes from outside, so it is checked here once: it must
 * be an absolute, normalised path without the characters that H2 reads as URL syntax.
 */
public record StoreLocation(Path directory) {

    /** The environment variable naming Quorum's home directory; the store is its {@code store} folder. */
    public static final String HOME_VARIABLE = "QUORUM_HOME";
    /** The system property naming the store directory itself, used by the window and by tests. */
    public static final String STORE_PROPERTY = "quorum.store";
    /** The system property naming Quorum's home directory, as {@value #HOME_VARIABLE} does; the property wins. */
    public static final String HOME_PROPERTY = "quorum.home";
    /** The database's base name; H2 adds {@code .mv.db}. */
    static final String DATABASE_NAME = "quorum";

    public StoreLocation {
        directory = checked(directory);
    }

    /**
     * The store directory chosen by, in order: {@code option} (the {@code --store DIR} flag), the
     * {@value #STORE_PROPERTY} system property, the {@code store} folder of the {@value #HOME_PROPERTY} system
     * property, {@code $QUORUM_HOME/store}, and {@code ~/.quorum/store}. The home property is the one the window's
     * settings follow, so that one {@code -Dquorum.home} moves both.
     */
    public static StoreLocation resolve(String option, Map<String, String> environment) throws StoreException {
        if (option != null && !option.isBlank()) {
            return of(option, "--store");
        }
        String property = System.getProperty(STORE_PROPERTY);
        if (property != null && !property.isBlank()) {
            return of(property, "-D" + STORE_PROPERTY);
        }
        String homeProperty = System.getProperty(HOME_PROPERTY);
        if (homeProperty != null && !homeProperty.isBlank()) {
            return of(Path.of(homeProperty.strip()).resolve("store").toString(), "-D" + HOME_PROPERTY);
        }
        String home = environment.get(HOME_VARIABLE);
        if (home != null && !home.isBlank()) {
            return of(Path.of(home.strip()).resolve("store").toString(), HOME_VARIABLE);
        }
        return of(Path.of(System.getProperty("user.home"), ".quorum", "store").toString(), "the home directory");
    }

    /** The store in {@code text}, a directory path; {@code origin} names where the text came from in errors. */
    public static StoreLocation of(String text, String origin) throws StoreException {
        String reason = refusal(text);
        if (reason != null) {
            throw new StoreException("Cannot use store directory '" + printable(text) + "' (from " + origin + "): " + reason);
        }
        Path path;
        try {
            path = Path.of(text.strip());
        } catch (InvalidPathException e) {
            throw new StoreException("Cannot use store directory '" + printable(text) + "' (from " + origin + "): not a valid path");
        }
        if (Files.exists(path) && !Files.isDirectory(path)) {
            throw new StoreException("Cannot use store directory " + path.toAbsolutePath().normalize()
                    + " (from " + origin + "): it is a file, not a directory");
        }
        return new StoreLocation(path);
    }

    /** Why H2 could misread {@code text} as URL syntax, or null when it is plain data. */
    static String refusal(String text) {
        if (text == null || text.isBlank()) {
            return "the path is empty";
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ';') {
                // ';' ends the database name and starts H2 settings such as INIT=, so it can never be data.
                return "the path contains ';', which H2 reads as the start of connection settings; choose a directory without it";
            }
            if (Character.isISOControl(c)) {
                return "the path contains a control character";
            }
        }
        return null;
    }

    private static Path checked(Path directory) {
        Path normal = directory.toAbsolutePath().normalize();
        String reason = refusal(normal.toString());
        if (reason != null) {
            throw new IllegalArgumentException("store directory " + printable(normal.toString()) + ": " + reason);
        }
        return normal;
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("\\p{Cntrl}", "?");
    }

    /** The database file H2 keeps the store in. */
    public Path databaseFile() {
        return directory.resolve(DATABASE_NAME + ".mv.db");
    }

    /** The file with the store's generated user passwords. */
    public Path credentialsFile() {
        return directory.resolve("quorum.credentials");
    }

    /** The file naming the process that serves the store to others (AUTO_SERVER), for "in use" messages. */
    Path ownerFile() {
        return directory.resolve("quorum.owner");
    }

    /** The H2 lock file of an open store. */
    Path lockFile() {
        return directory.resolve(DATABASE_NAME + ".lock.db");
    }

    /** The marker of a restore that swaps files; its presence at open means the swap must be finished. */
    Path restoreMarker() {
        return directory.resolve("restore.pending");
    }

    /** H2's database name: the directory plus the base name, with no settings. */
    String databasePath() {
        return directory.resolve(DATABASE_NAME).toString();
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
