package dev.quorum.diagram;

import dev.quorum.model.Design;

/** The data-flow diagram of a design's sharing section and storage choices, as DOT or as a Mermaid flowchart. */
public final class DataFlowDiagram {

    private DataFlowDiagram() {
    }

    /** The diagram as DOT text. */
    public static String dot(Design design) {
        return FlowchartDotWriter.write(new DataFlowSceneBuilder(design).build(), false);
    }

    /** The diagram as a Mermaid flowchart. */
    public static String mermaid(Design design) {
        return FlowchartMermaidWriter.write(new DataFlowSceneBuilder(design).build(), false);
    }

    /** True when the design has anything this diagram draws. */
    public static boolean hasContent(Design design) {
        return !design.sharing().diagram().nodes().isEmpty() || !design.sharing().diagram().edges().isEmpty()
                || !design.sharing().sharedData().isEmpty() || !design.sharing().strategies().isEmpty()
                || !design.persistence().storageChoices().isEmpty();
    }
}
