package dev.quorum.model;

/** A labelled arrow in the synchronization diagram, from one node id to another. */
public record FlowEdge(String from, String to, String label) {

    public FlowEdge {
        from = Values.text(from);
        to = Values.text(to);
        label = Values.text(label);
    }
}
