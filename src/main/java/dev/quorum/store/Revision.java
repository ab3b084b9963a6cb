package dev.quorum.store;

/** A revision with its YAML, as read to open or restore it. */
public record Revision(ProjectSummary project, RevisionInfo info, String yaml) {
}
