package dev.quorum.ui.section;

import javafx.scene.layout.VBox;

/** Shows the Data Persistence section: data elements and storage choices as tables. */
public final class PersistenceView extends SectionView<PersistenceViewModel> {

    public PersistenceView(PersistenceViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("data-elements"), table(model.dataElements()),
                subheading("storage-choices"), table(model.storageChoices()));
    }
}
