package dev.quorum.model;

/** A box in the synchronization diagram; the id is what edges refer to, the label is what people read. */
public record FlowNode(String id, String label, FlowNodeKind kind) {

    public FlowNode {
        id = Values.text(id);
        label = Values.text(label);
    }
}
