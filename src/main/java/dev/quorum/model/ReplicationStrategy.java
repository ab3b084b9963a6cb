package dev.quorum.model;

/** How writes reach the copies of the data; the template's master-slave is primary-replica. */
public enum ReplicationStrategy implements Choice {
    PRIMARY_REPLICA("primary-replica", "Primary-replica (master-slave)"),
    MULTI_PRIMARY("multi-primary", "Multi-primary (multi-master)"),
    PEER_TO_PEER("peer-to-peer", "Peer-to-peer");

    private final String id;
    private final String label;

    ReplicationStrategy(String id, String label) {
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
