package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Edits the Data Sharing section: shared data, synchronization strategies, and the diagram's nodes and edges. */
public final class SharingView extends SectionView<SharingViewModel> {

    public SharingView(SharingViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("shared-data"), table(model.sharedData()),
                subheading("data-synchronization"),
                blocks(model.strategies(), List.of("name", "components", "frequency"), "Selected strategy"),
                heading(model.diagramLabel(), model.diagramHelp(), "group-heading"), table(model.nodes()),
                table(model.edges()));
    }
}
