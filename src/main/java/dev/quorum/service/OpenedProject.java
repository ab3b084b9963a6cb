package dev.quorum.service;

import dev.quorum.io.DesignFile;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.RevisionInfo;

/** A project's design as read from the store, with the version the next save must be based on. */
public record OpenedProject(ProjectSummary project, RevisionInfo revision, DesignFile design) {

    /** The optimistic lock to present when saving this design back. */
    public long version() {
        return project.version();
    }
}
