package dev.quorum.model;

/** A database, cache or other node in the topology, with its role and the datacenter id it sits in. */
public record TopologyNode(String id, String name, NodeRole role, String datacenter) {

    public TopologyNode {
        id = Values.text(id);
        name = Values.text(name);
        datacenter = Values.text(datacenter);
    }
}
