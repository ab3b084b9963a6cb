package dev.quorum.service;

import java.util.Arrays;
import java.util.Optional;

/** The three diagrams a design implies. */
public enum DiagramKind {
    /** The entity-relationship diagram of the SQL schema. */
    ER("er", "Entity-relationship diagram"),
    /** Components, stores, shared data and synchronization. */
    DATAFLOW("dataflow", "Data-flow diagram"),
    /** Datacenters, nodes, replication links and the failover path. */
    TOPOLOGY("topology", "Replication topology");

    private final String id;
    private final String title;

    DiagramKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** The name on the command line and in file names. */
    public String id() {
        return id;
    }

    /** The caption shown to people. */
    public String title() {
        return title;
    }

    /** The kind with this id, ignoring case. */
    public static Optional<DiagramKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }
}
