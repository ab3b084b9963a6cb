package dev.quorum.diagram;

import java.util.List;

/**
 * A data-flow or topology diagram before it is written: frames, boxes and arrows with synthetic ids.
 * Both the DOT and the Mermaid writer draw from it, so the two always agree.
 */
record FlowchartScene(List<Frame> frames, List<Box> boxes, List<Arrow> arrows, String caption) {

    FlowchartScene {
        frames = List.copyOf(frames);
        boxes = List.copyOf(boxes);
        arrows = List.copyOf(arrows);
    }

    /** A frame (a datacenter); {@code id} starts with "cluster". */
    record Frame(String id, String label) {
    }

    /** A box; the first line is its name, the others details. {@code frame} is a frame id or empty. */
    record Box(String id, List<String> lines, BoxShape shape, String frame, boolean highlighted) {
        Box {
            lines = List.copyOf(lines);
        }
    }

    /** How an arrow is drawn. */
    enum Style {
        /** A movement from the synchronization diagram. */
        FLOW,
        /** Shared data between a component and the store that holds it; no direction. */
        SHARED,
        /** A synchronization strategy tied to a component it involves; no direction. */
        STRATEGY,
        /** Replication that the write waits for. */
        SYNC,
        /** Replication that waits for at least one replica. */
        SEMI_SYNC,
        /** Replication after the commit. */
        ASYNC,
        /** Replication of unknown mode. */
        UNSPECIFIED,
        /** A promotion the failover process names where no replication link is drawn. */
        PROMOTION
    }

    /** An arrow between box ids; {@code highlighted} marks the failover path. */
    record Arrow(String from, String to, List<String> label, Style style, boolean highlighted) {
        Arrow {
            label = List.copyOf(label);
        }
    }
}
