package dev.quorum.store;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/** Turns H2's errors into one-line {@link StoreException}s that say what happened and what to do. */
final class StoreErrors {

    private StoreErrors() {
    }

    /** The store exception for an H2 error during {@code action} (such as "save project 'Shop'"). */
    static StoreException translate(SQLException e, StoreLocation location, String action) {
        if (diskFull(e)) {
            return new StoreException("Cannot " + action + ": the disk holding " + location
                    + " is full. Nothing was written; the previous revision is intact. Free some space and try again", e);
        }
        switch (e.getErrorCode()) {
            case org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1:
            case org.h2.api.ErrorCode.CONNECTION_BROKEN_1:
                return locked(location, e);
            case org.h2.api.ErrorCode.WRONG_USER_OR_PASSWORD:
                return new StoreException("Cannot " + action + ": the store at " + location
                        + " does not accept the passwords in " + location.credentialsFile().getFileName()
                        + "; the database and its credentials file come from different stores", e);
            case org.h2.api.ErrorCode.FILE_CORRUPTED_1:
            case org.h2.api.ErrorCode.FILE_VERSION_ERROR_1:
                return new StoreException("Cannot " + action + ": the store file " + location.databaseFile()
                        + " is damaged or from another H2 version; restore a backup (quorum store restore)", e);
            case org.h2.api.ErrorCode.DATABASE_IS_READ_ONLY:
                return new StoreReadOnlyException("Cannot " + action + ": the store at " + location + " is open read-only");
            case org.h2.api.ErrorCode.DATABASE_IS_CLOSED:
                return new StoreException("Cannot " + action + ": the store at " + location
                        + " was closed after an earlier write error (often a full disk). Saves acknowledged before it are"
                        + " intact; free some space and open the store again", e);
            case org.h2.api.ErrorCode.LOCK_TIMEOUT_1:
                return new StoreException("Cannot " + action + ": another save held the project for too long; try again", e);
            default:
                return new StoreException("Cannot " + action + ": " + firstLine(e), e);
        }
    }

    /** The message for a store held by a process this one cannot share it with. */
    static StoreLockedException locked(StoreLocation location, Exception cause) {
        String who = StoreOwner.read(location.ownerFile()).filter(StoreOwner::alive).map(StoreOwner::describe)
                .orElse("another process");
        StoreLockedException locked = new StoreLockedException("The store at " + location + " is in use by " + who
                + " and cannot be shared with it; close that program, or start with --store DIR to use another store");
        locked.initCause(cause);
        return locked;
    }

    /** True when the error, or one of its causes, says the disk is full. */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.toLowerCase(Locale.ROOT).contains("no space left") || m.contains("ENOSPC")
                    || m.toLowerCase(Locale.ROOT).contains("disk full"))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /** The first line of an H2 message without the SQL statement and error code it appends. */
    static String firstLine(Exception e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.lines().findFirst().orElse(m);
        int sql = m.indexOf("; SQL statement:");
        if (sql > 0) {
            m = m.substring(0, sql);
        }
        return m.replaceAll("\\s*\\[\\d+-\\d+]$", "").strip();
    }

    /** A store exception for an I/O failure outside H2, such as writing a backup zip. */
    static StoreException io(IOException e, String action) {
        if (diskFull(e)) {
            return new StoreException("Cannot " + action + ": the disk is full", e);
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException n) {
            m = n.getFile() + ": no such file or directory";
        } else if (e instanceof java.nio.file.AccessDeniedException a) {
            m = a.getFile() + ": permission denied";
        }
        return new StoreException("Cannot " + action + ": " + m, e);
    }
}
