package dev.quorum.service;

import java.nio.file.Path;

/** What importing one design file did: created a project, added a revision, found it unchanged, or failed. */
public record ImportOutcome(Path file, Kind kind, String project, String detail) {

    /** The kinds of outcome. */
    public enum Kind {
        /** A new project with the file as its first revision. */
        CREATED,
        /** A new revision of the live project with the same name. */
        NEW_REVISION,
        /** The live project's current revision already has exactly this content. */
        UNCHANGED,
        /** The file could not be read or saved; {@code detail} says why in one line. */
        FAILED
    }

    /** True unless the import failed. */
    public boolean ok() {
        return kind != Kind.FAILED;
    }
}
