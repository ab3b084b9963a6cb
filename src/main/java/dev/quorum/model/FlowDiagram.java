package dev.quorum.model;

import java.util.List;

/** The synchronization diagram: components and stores as nodes, data movements as labelled edges. */
public record FlowDiagram(List<FlowNode> nodes, List<FlowEdge> edges) {

    /** A diagram with nothing in it. */
    public static final FlowDiagram EMPTY = new FlowDiagram(List.of(), List.of());

    public FlowDiagram {
        nodes = Values.list(nodes);
        edges = Values.list(edges);
    }
}
