package dev.quorum.diagram;

import java.util.List;

/**
 * A Mermaid flowchart as read, before it is mapped onto the model: nodes with their shape and subgraph,
 * labelled edges and subgraphs, each with the line it came from.
 */
public record MermaidGraph(String direction, List<Node> nodes, List<Edge> edges, List<Subgraph> subgraphs) {

    public MermaidGraph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
        subgraphs = List.copyOf(subgraphs);
    }

    /** The bracket shapes of Mermaid flowchart nodes; BARE is an id with no brackets. */
    public enum Shape {
        BARE, RECT, ROUND, STADIUM, SUBROUTINE, CYLINDER, CIRCLE, DOUBLE_CIRCLE, ASYMMETRIC, RHOMBUS, HEXAGON,
        PARALLELOGRAM, PARALLELOGRAM_ALT, TRAPEZOID, TRAPEZOID_ALT
    }

    /** A node; {@code subgraph} is the id of the innermost subgraph it was placed in, or empty. */
    public record Node(String id, String label, Shape shape, String subgraph, int line) {
    }

    /** An edge, with its label text (empty when none). */
    public record Edge(String from, String to, String label, int line) {
    }

    /** A subgraph; {@code parent} is the enclosing subgraph id, or empty. */
    public record Subgraph(String id, String label, String parent, int line) {
    }
}
