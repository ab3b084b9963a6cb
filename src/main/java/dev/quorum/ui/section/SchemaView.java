package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Shows the Database Schema Design section: dialect, SQL, and the example document of each collection. */
public final class SchemaView extends SectionView<SchemaViewModel> {

    public SchemaView(SchemaViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("primary-schema"), form(List.of(model.dialect())), code(model.sql()),
                subheading("document-structure"), table(model.documents(), model.selectedDocumentProperty()),
                code(model.selectedJson()));
    }
}
