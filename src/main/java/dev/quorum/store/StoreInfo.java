package dev.quorum.store;

/** A store at a glance, for {@code quorum store info} and the window's status. */
public record StoreInfo(StoreLocation location, boolean readOnly, boolean shared, int schemaVersion,
        int liveProjects, int trashedProjects, long revisions, long fileBytes) {
}
