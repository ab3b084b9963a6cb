package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Edits the Data Persistence section: data elements as a table, storage choices as blocks. */
public final class PersistenceView extends SectionView<PersistenceViewModel> {

    public PersistenceView(PersistenceViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("data-elements"), table(model.dataElements()),
                subheading("storage-choices"),
                blocks(model.storageChoices(), List.of("data", "type", "system"), "Selected storage choice"));
    }
}
