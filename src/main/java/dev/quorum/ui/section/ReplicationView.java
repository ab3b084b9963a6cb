package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Edits the Data Replication section: strategy, topology tables, lag and failover. */
public final class ReplicationView extends SectionView<ReplicationViewModel> {

    public ReplicationView(ReplicationViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        // The three topology tables stack: side by side, each was too narrow to read or to edit.
        content.getChildren().addAll(
                subheading("replication-strategy"), form(List.of(model.strategy())),
                heading(model.topologyLabel(), model.topologyHelp(), "group-heading"), table(model.datacenters()),
                table(model.nodes()), table(model.links()),
                form(List.of(model.expectedLag())),
                group(model.failover()));
    }
}
