package dev.quorum.diagram;

import dev.quorum.model.Failover;
import dev.quorum.model.Topology;

/** The replication topology with its failover path, as DOT or as a Mermaid flowchart. */
public final class TopologyDiagram {

    private TopologyDiagram() {
    }

    /** The diagram as DOT text. */
    public static String dot(Topology topology, Failover failover) {
        return FlowchartDotWriter.write(new TopologySceneBuilder(topology, failover).build(), false);
    }

    /** The diagram as a Mermaid flowchart. */
    public static String mermaid(Topology topology, Failover failover) {
        return FlowchartMermaidWriter.write(new TopologySceneBuilder(topology, failover).build(), false);
    }

    /** True when the topology has anything to draw. */
    public static boolean hasContent(Topology topology) {
        return !topology.nodes().isEmpty() || !topology.links().isEmpty();
    }
}
