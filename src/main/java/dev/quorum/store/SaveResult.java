package dev.quorum.store;

/**
 * What a save wrote: the project as it is now (with the version the next save must present) and the
 * revision, which is a rewritten autosave revision when {@code coalesced} is true.
 */
public record SaveResult(ProjectSummary project, RevisionInfo revision, boolean coalesced) {
}
