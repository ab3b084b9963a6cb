package dev.quorum.model;

/** Whether a write waits for a replication link before it is acknowledged. */
public enum ReplicationMode implements Choice {
    SYNC("sync", "Synchronous"),
    SEMI_SYNC("semi-sync", "Semi-synchronous"),
    ASYNC("async", "Asynchronous");

    private final String id;
    private final String label;

    ReplicationMode(String id, String label) {
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
