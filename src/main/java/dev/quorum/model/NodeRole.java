package dev.quorum.model;

/** What a node does in the replication topology. */
public enum NodeRole implements Choice {
    PRIMARY("primary", "Primary"),
    REPLICA("replica", "Replica"),
    STANDBY("standby", "Standby"),
    CACHE("cache", "Cache"),
    WITNESS("witness", "Witness"),
    APPLICATION("application", "Application"),
    OTHER("other", "Other");

    private final String id;
    private final String label;

    NodeRole(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
