package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Edits the Data Replication section: strategy, topology tables, lag and failover. */
public final class ReplicationView extends SectionView<ReplicationViewModel> {

    public ReplicationView(ReplicationViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        var datacenters = table(model.datacenters());
        var nodes = table(model.nodes());
        HBox sites = new HBox(12, datacenters, nodes);
        HBox.setHgrow(datacenters, Priority.SOMETIMES);
        HBox.setHgrow(nodes, Priority.ALWAYS);
        datacenters.getStyleClass().add("topology-datacenters");
        content.getChildren().addAll(
                subheading("replication-strategy"), form(List.of(model.strategy())),
                heading(model.topologyLabel(), model.topologyHelp(), "group-heading"), sites, table(model.links()),
                form(List.of(model.expectedLag())),
                group(model.failover()));
    }
}
