package dev.quorum.model;

import java.util.List;

/** The Data Sharing Between Components section: shared data, how it is kept in sync, and the diagram. */
public record DataSharing(List<SharedData> sharedData, List<SyncStrategy> strategies, FlowDiagram diagram) {

    /** Nothing shared. */
    public static final DataSharing EMPTY = new DataSharing(List.of(), List.of(), FlowDiagram.EMPTY);

    public DataSharing {
        sharedData = Values.list(sharedData);
        strategies = Values.list(strategies);
        diagram = diagram == null ? FlowDiagram.EMPTY : diagram;
    }
}
