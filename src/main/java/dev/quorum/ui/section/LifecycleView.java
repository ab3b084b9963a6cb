package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Edits the Data Lifecycle section: creation, modification, archival, deletion and retention. */
public final class LifecycleView extends SectionView<LifecycleViewModel> {

    public LifecycleView(LifecycleViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                form(List.of(model.creation(), model.modification(), model.archival())),
                subheading("data-deletion"), form(model.deletion().fields()),
                subheading("retention-policy"), form(List.of(model.retentionPolicy(), model.retentionPeriod())));
    }
}
