package dev.quorum.model;

import java.util.List;

/** The replication topology: datacenters, the nodes in them, and the links between nodes. */
public record Topology(List<Datacenter> datacenters, List<TopologyNode> nodes, List<ReplicationLink> links) {

    /** No topology drawn. */
    public static final Topology EMPTY = new Topology(List.of(), List.of(), List.of());

    public Topology {
        datacenters = Values.list(datacenters);
        nodes = Values.list(nodes);
        links = Values.list(links);
    }
}
