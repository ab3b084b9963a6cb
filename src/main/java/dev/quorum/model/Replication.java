package dev.quorum.model;

/** The Data Replication section: strategy, topology, expected lag and failover. */
public record Replication(ReplicationStrategy strategy, Topology topology, Duration expectedLag, Failover failover) {

    /** No replication described. */
    public static final Replication EMPTY = new Replication(null, Topology.EMPTY, Duration.UNSPECIFIED, Failover.EMPTY);

    public Replication {
        topology = topology == null ? Topology.EMPTY : topology;
        expectedLag = Values.duration(expectedLag);
        failover = failover == null ? Failover.EMPTY : failover;
    }
}
