package dev.quorum.ui.section;

import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.SharedData;
import dev.quorum.model.SyncStrategy;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;

/** The Data Sharing section: shared data, synchronization strategies, and the diagram's nodes and edges. */
public final class SharingViewModel extends SectionViewModel {

    private final TableViewModel<SharedData> sharedData;
    private final TableViewModel<SyncStrategy> strategies;
    private final String diagramLabel;
    private final String diagramHelp;
    private final TableViewModel<FlowNode> nodes;
    private final TableViewModel<FlowEdge> edges;

    public SharingViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField shared = templateField("sharing.shared_data");
        sharedData = this.<SharedData>table(shared, shared.path(), "shared data")
                .column("data", SharedData::data)
                .column("components", SharedData::components)
                .column("why_shared", SharedData::whyShared)
                .column("synchronization", SharedData::synchronization)
                .build();
        TemplateField sync = templateField("sharing.strategies");
        strategies = this.<SyncStrategy>table(sync, sync.path(), "sync strategy")
                .column("name", SyncStrategy::name)
                .column("description", SyncStrategy::description)
                .column("components", SyncStrategy::components)
                .column("frequency", SyncStrategy::frequency)
                .column("conflict_resolution", SyncStrategy::conflictResolution)
                .build();
        TemplateField diagram = templateField("sharing.diagram");
        diagramLabel = diagram.label();
        diagramHelp = diagram.help();
        TemplateField nodeField = column(diagram, "nodes");
        nodes = this.<FlowNode>table(nodeField, "sharing.diagram.nodes", "diagram node")
                .column("id", FlowNode::id)
                .column("label", FlowNode::label)
                .column("kind", FlowNode::kind)
                .build();
        TemplateField edgeField = column(diagram, "edges");
        edges = this.<FlowEdge>table(edgeField, "sharing.diagram.edges", "diagram edge")
                .column("from", FlowEdge::from)
                .column("to", FlowEdge::to)
                .column("label", FlowEdge::label)
                .build();
    }

    /** Data that several components read or write. */
    public TableViewModel<SharedData> sharedData() {
        return sharedData;
    }

    /** How shared data is kept in sync. */
    public TableViewModel<SyncStrategy> strategies() {
        return strategies;
    }

    /** The diagram's heading from the template. */
    public String diagramLabel() {
        return diagramLabel;
    }

    /** The diagram's help from the template. */
    public String diagramHelp() {
        return diagramHelp;
    }

    /** The diagram's boxes. */
    public TableViewModel<FlowNode> nodes() {
        return nodes;
    }

    /** The diagram's arrows. */
    public TableViewModel<FlowEdge> edges() {
        return edges;
    }
}
