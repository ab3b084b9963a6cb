package dev.quorum.store;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The two H2 users of a store and their generated passwords, kept in {@code quorum.credentials} next to the
 * database (owner-only where the file system allows). The admin migrates, checkpoints and backs up; the app
 * user, with only SELECT, INSERT, UPDATE and DELETE on Quorum's tables, does everything else.
 */
record StoreCredentials(String adminUser, String adminPassword, String appUser, String appPassword) {

    static final String ADMIN_USER = "QUORUM_ADMIN";
    static final String APP_USER = "QUORUM_APP";
    /** The role that holds the app user's table rights; migrations grant to it. */
    static final String APP_ROLE = "QUORUM_WRITER";

    /** New random passwords; hex only, so they are plain data wherever they appear. */
    static StoreCredentials generate() {
        SecureRandom random = new SecureRandom();
        return new StoreCredentials(ADMIN_USER, hex(random), APP_USER, hex(random));
    }

    private static String hex(SecureRandom random) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Reads the credentials file; a missing or malformed file is a clear error. */
    static StoreCredentials read(Path file) throws StoreException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StoreException("The store at " + file.getParent() + " has a database but no " + file.getFileName()
                    + "; it was not created by Quorum or was copied without it, so it cannot be opened");
        } catch (IOException | IllegalArgumentException e) {
            throw new StoreException("Cannot read " + file + ": " + e.getMessage());
        }
        String admin = p.getProperty("admin.password", "");
        String app = p.getProperty("app.password", "");
        if (!admin.matches("[0-9a-f]{16,128}") || !app.matches("[0-9a-f]{16,128}")) {
            throw new StoreException("Cannot read " + file + ": it does not hold Quorum's generated passwords");
        }
        return new StoreCredentials(ADMIN_USER, admin, APP_USER, app);
    }

    /** Writes the credentials atomically, readable by the owner only where POSIX permissions exist. */
    void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp);
        try {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile folder already keeps others out.
        }
        Properties p = new Properties();
        p.setProperty("admin.password", adminPassword);
        p.setProperty("app.password", appPassword);
        try (Writer out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(out, "Quorum store credentials: generated, do not edit");
        }
        try (var channel = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public String toString() {
        return "StoreCredentials[" + adminUser + ", " + appUser + "]";
    }
}
