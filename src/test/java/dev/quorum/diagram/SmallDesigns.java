package dev.quorum.diagram;

import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSharing;
import dev.quorum.model.Datacenter;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.Failover;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.NodeRole;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import java.util.List;

/** Small designs whose diagrams the tests check in full. */
final class SmallDesigns {

    private SmallDesigns() {
    }

    /**
     * A web app writing to PostgreSQL, a Redis cache refilled from it, a MongoDB store that no box draws,
     * shared orders, and one strategy.
     */
    static Design dataFlow() {
        FlowDiagram diagram = new FlowDiagram(List.of(
                new FlowNode("web", "web-app", FlowNodeKind.COMPONENT),
                new FlowNode("db", "PostgreSQL 16 primary", FlowNodeKind.DATABASE),
                new FlowNode("cache", "Redis 7", FlowNodeKind.CACHE)),
                List.of(new FlowEdge("web", "db", "Write orders"), new FlowEdge("db", "cache", "Invalidate")));
        DataPersistence persistence = new DataPersistence(List.of(), List.of(
                new StorageChoice("orders", StorageType.RELATIONAL, "PostgreSQL 16", "", ""),
                new StorageChoice("sessions", StorageType.CACHE, "Redis 7 (managed)", "", ""),
                new StorageChoice("profiles", StorageType.DOCUMENT, "MongoDB 7, replica set", "", "")));
        DataSharing sharing = new DataSharing(
                List.of(new SharedData("orders", List.of("web-app", "billing"), "both need them", "single primary")),
                List.of(new SyncStrategy("Cache-aside", "refill on miss", List.of("web-app"), Duration.of("every 5 min"),
                        "Invalidation wins")),
                diagram);
        return new Design("Shop", "", persistence, null, null, null, sharing, null, null, null, null);
    }

    /** Two datacenters: a primary and a replica in one, a standby in the other, an async link to each. */
    static Topology topology() {
        return new Topology(
                List.of(new Datacenter("dc1", "Frankfurt"), new Datacenter("dc2", "Dublin")),
                List.of(new TopologyNode("pg1", "PostgreSQL primary", NodeRole.PRIMARY, "dc1"),
                        new TopologyNode("pg2", "Read replica", NodeRole.REPLICA, "dc1"),
                        new TopologyNode("pg3", "DR standby", NodeRole.STANDBY, "dc2")),
                List.of(new ReplicationLink("pg1", "pg2", ReplicationMode.ASYNC, Duration.of("< 100 ms")),
                        new ReplicationLink("pg1", "pg3", ReplicationMode.SYNC, Duration.of("0"))));
    }

    /** Automatic failover that names the read replica as a target too. */
    static Failover failover() {
        return new Failover(FailoverMode.AUTOMATIC, Duration.of("30 s"), Duration.of("10 s"),
                "Patroni promotes pg2 in a zone failure, pg3 in a region failure.");
    }
}
