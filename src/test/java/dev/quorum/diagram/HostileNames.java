package dev.quorum.diagram;

import dev.quorum.model.Datacenter;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSharing;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.Failover;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Replication;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.ReplicationStrategy;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import dev.quorum.sql.Column;
import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.sql.View;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The hostile names of issue 5 (and a few more aimed at graphviz-java's own regular expressions), as schemas and designs. */
final class HostileNames {

    /** Every name the diagrams must show as exactly one box, without structure of its own. */
    static final List<String> NAMES = List.of(
            "x\\\" -> injected [color=red] //",
            "a\"b",
            "trailing backslash\\",
            "}",
            "->",
            "//",
            "<b>",
            "<<IMG SRC=\"/etc/passwd\"/>>",
            "\\N\\G\\l",
            "ab".repeat(50_000),
            "emoji 🔥💾👩‍💻 end",
            "rtl \u202Eevil\u202C and \u200Fשלום\u200F",
            "fontname=x');alert(1);//,",
            "image=\"/etc/passwd\"",
            "dpi=1",
            "%% not a comment",
            "#quot; end subgraph",
            "line\nbreak\ttab",
            "{a|b}",
            "-- x --> y");

    private HostileNames() {
    }

    /** What a box shows for a name: the cleaned one-line text, cut at the name limit. */
    static String shown(String name) {
        return DiagramText.name(name);
    }

    /**
     * One table per name, each with a primary key "id" and, except the first, a foreign key "ref" to the
     * first; plus one view per name. So: 2n boxes and n-1 foreign keys.
     */
    static SchemaModel schema() {
        List<Table> tables = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            List<Column> columns = new ArrayList<>();
            columns.add(new Column(new SqlName("id", false), "integer", "INTEGER", false, null, 1));
            List<ForeignKey> fks = new ArrayList<>();
            if (i > 0) {
                columns.add(new Column(new SqlName("ref", false), "integer", "INTEGER", false, null, 1));
                fks.add(new ForeignKey("", List.of(new SqlName("ref", false)), new SqlName(NAMES.get(0), true),
                        List.of(new SqlName("id", false)), 1));
            }
            tables.add(new Table("", new SqlName(NAMES.get(i), true), columns,
                    Optional.of(new KeyConstraint("", List.of(new SqlName("id", false)), 1)), List.of(), fks, List.of(), "", 1));
        }
        List<View> views = NAMES.stream().map(n -> new View("", new SqlName("v " + n, true), 1)).toList();
        return new SchemaModel(tables, views, List.of());
    }

    /** One table whose column names and types are the hostile names. */
    static SchemaModel columns() {
        List<Column> columns = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            columns.add(new Column(new SqlName(NAMES.get(i), true), NAMES.get(i), "X", i % 2 == 0, null, 1));
        }
        Table t = new Table("", new SqlName("plain", false), columns, Optional.empty(), List.of(), List.of(), List.of(), "", 1);
        return new SchemaModel(List.of(t), List.of(), List.of());
    }

    /**
     * A synchronization diagram with one node per name (ids are the names too) and a chain of edges
     * labelled with the names: n nodes, n-1 edges. No storage, shared data or strategies.
     */
    static Design flow() {
        List<FlowNode> nodes = new ArrayList<>();
        List<FlowEdge> edges = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            nodes.add(new FlowNode(NAMES.get(i), NAMES.get(i), FlowNodeKind.values()[i % FlowNodeKind.values().length]));
            if (i > 0) {
                edges.add(new FlowEdge(NAMES.get(i - 1), NAMES.get(i), NAMES.get(i)));
            }
        }
        Design d = Design.empty("hostile");
        return new Design(d.name(), "", null, null, null, null, new DataSharing(List.of(), List.of(), new FlowDiagram(nodes, edges)),
                null, null, null, null);
    }

    /** Storage systems, shared data, components and strategies named by the hostile names. */
    static Design sharing() {
        List<StorageChoice> storage = new ArrayList<>();
        List<SharedData> shared = new ArrayList<>();
        List<SyncStrategy> strategies = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            String n = NAMES.get(i);
            storage.add(new StorageChoice("data " + i, StorageType.values()[i % StorageType.values().length], "system " + i + " " + n, n, n));
            shared.add(new SharedData("data " + i, List.of("component " + i + " " + n), n, n));
            strategies.add(new SyncStrategy("strategy " + i + " " + n, n, List.of("component " + i + " " + n), Duration.of(n), n));
        }
        return new Design("hostile", "", new DataPersistence(List.of(), storage), null, null, null,
                new DataSharing(shared, strategies, FlowDiagram.EMPTY), null, null, null, null);
    }

    /**
     * One datacenter per name with one node each; node 0 is the primary, the others replicas that the
     * failover process names; links from the primary to every replica with the name as lag.
     */
    static Topology topology() {
        List<Datacenter> dcs = new ArrayList<>();
        List<TopologyNode> nodes = new ArrayList<>();
        List<ReplicationLink> links = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            dcs.add(new Datacenter("dc " + NAMES.get(i), NAMES.get(i)));
            nodes.add(new TopologyNode("node " + i, NAMES.get(i), i == 0 ? NodeRole.PRIMARY : NodeRole.REPLICA, "dc " + NAMES.get(i)));
            if (i > 0) {
                links.add(new ReplicationLink("node 0", "node " + i, ReplicationMode.values()[i % 3], Duration.of(NAMES.get(i))));
            }
        }
        return new Topology(dcs, nodes, links);
    }

    /** A failover process naming every hostile name, so the path logic reads hostile text too. */
    static Failover failover() {
        return new Failover(FailoverMode.AUTOMATIC, Duration.of("30 s"), Duration.of("30 s"), String.join(" ", NAMES));
    }

    /** The topology inside a design. */
    static Design topologyDesign() {
        return new Design("hostile", "", null, null, null, null, null, null,
                new Replication(ReplicationStrategy.values()[0], topology(), Duration.of("1 s"), failover()), null, null);
    }
}
