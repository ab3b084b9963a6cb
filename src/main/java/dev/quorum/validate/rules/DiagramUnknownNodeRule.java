package dev.quorum.validate.rules;

import dev.quorum.model.Datacenter;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reports diagram edges, topology links and topology nodes that refer to ids nobody declared. */
public final class DiagramUnknownNodeRule extends AbstractRule {

    public DiagramUnknownNodeRule() {
        super("completeness.diagram-unknown-node", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A diagram edge, replication link or node refers to an undeclared node or datacenter id.",
                "Edges and links refer to nodes by id, and nodes to datacenters by id. A dangling id cannot be drawn, "
                        + "and the replication checks (lag against RPO, async replicas serving reads) cannot tell what the "
                        + "link leads to, so they silently skip it.",
                "links:\n  - {from: pg-primary, to: pg-replica-2, mode: async}   # no node pg-replica-2",
                "nodes:\n  - {id: pg-replica-2, name: Read replica, role: replica, datacenter: dc1}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<FlowNode> flowNodes = context.design().sharing().diagram().nodes();
        Set<String> flowIds = new LinkedHashSet<>();
        for (FlowNode n : flowNodes) {
            addId(flowIds, n.id());
        }
        List<FlowEdge> edges = context.design().sharing().diagram().edges();
        for (int i = 0; i < edges.size(); i++) {
            FlowEdge e = edges.get(i);
            String label = "edge " + e.from().strip() + " -> " + e.to().strip();
            checkRef(sink, "sharing", label, "sharing.diagram.edges[" + i + "].from", e.from(), flowIds,
                    "sharing.diagram.nodes", "node");
            checkRef(sink, "sharing", label, "sharing.diagram.edges[" + i + "].to", e.to(), flowIds,
                    "sharing.diagram.nodes", "node");
        }

        Topology topology = context.design().replication().topology();
        Set<String> nodeIds = new LinkedHashSet<>();
        for (TopologyNode n : topology.nodes()) {
            addId(nodeIds, n.id());
        }
        Set<String> dcIds = new LinkedHashSet<>();
        for (Datacenter d : topology.datacenters()) {
            addId(dcIds, d.id());
        }
        List<ReplicationLink> links = topology.links();
        for (int i = 0; i < links.size(); i++) {
            ReplicationLink l = links.get(i);
            String label = "link " + l.from().strip() + " -> " + l.to().strip();
            checkRef(sink, "replication", label, "replication.topology.links[" + i + "].from", l.from(), nodeIds,
                    "replication.topology.nodes", "node");
            checkRef(sink, "replication", label, "replication.topology.links[" + i + "].to", l.to(), nodeIds,
                    "replication.topology.nodes", "node");
        }
        List<TopologyNode> nodes = topology.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            TopologyNode n = nodes.get(i);
            checkRef(sink, "replication", "node " + n.id().strip(), "replication.topology.nodes[" + i + "].datacenter",
                    n.datacenter(), dcIds, "replication.topology.datacenters", "datacenter");
        }
    }

    private static void addId(Set<String> ids, String id) {
        if (!id.isBlank()) {
            ids.add(id.strip().toLowerCase(Locale.ROOT));
        }
    }

    private static void checkRef(FindingSink sink, String section, String item, String path, String ref,
            Set<String> declared, String declaredPath, String what) {
        if (ref.isBlank() || declared.contains(ref.strip().toLowerCase(Locale.ROOT))) {
            return;
        }
        String choices = declared.isEmpty() ? "none are declared" : "declared: " + String.join(", ", declared);
        sink.report(Location.item(section, item, path),
                item + " refers to " + what + " id " + DesignProse.q(ref) + ", which " + declaredPath
                        + " does not declare (" + choices + ")",
                "Add a " + what + " with id " + ref.strip() + " to " + declaredPath + ", or change " + path
                        + " to a declared id.");
    }
}
