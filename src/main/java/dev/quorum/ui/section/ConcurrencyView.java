package dev.quorum.ui.section;

import javafx.scene.layout.VBox;

/** Edits the Concurrent Access section: reads, writes and read-write concurrency. */
public final class ConcurrencyView extends SectionView<ConcurrencyViewModel> {

    public ConcurrencyView(ConcurrencyViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        model.groups().forEach(g -> content.getChildren().add(group(g)));
    }
}
