package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Edits the Database Schema Design section: dialect, the SQL, and an example document per collection. */
public final class SchemaView extends SectionView<SchemaViewModel> {

    public SchemaView(SchemaViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("primary-schema"), form(List.of(model.dialect(), model.sql())),
                subheading("document-structure"),
                blocks(model.documents(), List.of("collection"), "Selected collection"));
    }
}
