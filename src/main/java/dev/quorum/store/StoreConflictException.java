package dev.quorum.store;

import java.util.UUID;

/**
 * A save based on a version of the project that someone else has changed since. Nothing was written; the
 * other change is kept. The caller can reload the current version or save again on top of it.
 */
public final class StoreConflictException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final UUID projectId;
    private final long expectedVersion;
    private final long currentVersion;

    public StoreConflictException(UUID projectId, String projectName, long expectedVersion, long currentVersion) {
        super("Project '" + projectName + "' was changed elsewhere: this save was based on version " + expectedVersion
                + ", the store has version " + currentVersion
                + ". Nothing was overwritten; reload it, or save again as a new revision on top.");
        this.projectId = projectId;
        this.expectedVersion = expectedVersion;
        this.currentVersion = currentVersion;
    }

    /** The project that was changed elsewhere. */
    public UUID projectId() {
        return projectId;
    }

    /** The version the refused save was based on. */
    public long expectedVersion() {
        return expectedVersion;
    }

    /** The version in the store when the save was refused. */
    public long currentVersion() {
        return currentVersion;
    }
}
