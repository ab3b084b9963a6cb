package dev.quorum.ui.section;

import javafx.scene.layout.VBox;

/** Edits the Consistency Models section: the chosen model with its trade-offs, why, and how. */
public final class ConsistencyView extends SectionView<ConsistencyViewModel> {

    public ConsistencyView(ConsistencyViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(subheading("consistency-level"), form(model.fields()));
    }
}
