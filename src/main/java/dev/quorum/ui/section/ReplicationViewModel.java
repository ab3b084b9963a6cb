package dev.quorum.ui.section;

import dev.quorum.model.Datacenter;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.TopologyNode;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;

/** The Data Replication section: strategy, topology (datacenters, nodes, links), lag and failover. */
public final class ReplicationViewModel extends SectionViewModel {

    private final FieldViewModel strategy = field("replication.strategy");
    private final String topologyLabel;
    private final String topologyHelp;
    private final TableViewModel<Datacenter> datacenters;
    private final TableViewModel<TopologyNode> nodes;
    private final TableViewModel<ReplicationLink> links;
    private final FieldViewModel expectedLag = field("replication.expected_lag");
    private final GroupViewModel failover = group("replication.failover");

    public ReplicationViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField topology = templateField("replication.topology");
        topologyLabel = topology.label();
        topologyHelp = topology.help();
        datacenters = this.<Datacenter>table(column(topology, "datacenters"), "replication.topology.datacenters", "datacenter")
                .column("id", Datacenter::id)
                .column("name", Datacenter::name)
                .build();
        nodes = this.<TopologyNode>table(column(topology, "nodes"), "replication.topology.nodes", "node")
                .column("id", TopologyNode::id)
                .column("name", TopologyNode::name)
                .column("role", TopologyNode::role)
                .column("datacenter", TopologyNode::datacenter)
                .build();
        links = this.<ReplicationLink>table(column(topology, "links"), "replication.topology.links", "link")
                .column("from", ReplicationLink::from)
                .column("to", ReplicationLink::to)
                .column("mode", ReplicationLink::mode)
                .column("lag", ReplicationLink::lag)
                .build();
    }

    /** The replication strategy. */
    public FieldViewModel strategy() {
        return strategy;
    }

    /** The topology's heading from the template. */
    public String topologyLabel() {
        return topologyLabel;
    }

    /** The topology's help from the template. */
    public String topologyHelp() {
        return topologyHelp;
    }

    /** Sites or regions. */
    public TableViewModel<Datacenter> datacenters() {
        return datacenters;
    }

    /** Databases, caches and other nodes. */
    public TableViewModel<TopologyNode> nodes() {
        return nodes;
    }

    /** Replication links between nodes. */
    public TableViewModel<ReplicationLink> links() {
        return links;
    }

    /** Expected lag between primary and replicas. */
    public FieldViewModel expectedLag() {
        return expectedLag;
    }

    /** What happens when the primary fails. */
    public GroupViewModel failover() {
        return failover;
    }
}
