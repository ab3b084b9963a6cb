package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Edits the Query Operations section: the queries as a table, and the selected one's fields in full. */
public final class QueriesView extends SectionView<QueriesViewModel> {

    public QueriesView(QueriesViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("database-queries"),
                blocks(model.queries(), List.of("name", "frequency", "access_pattern", "data_accessed"), "Selected query"));
    }
}
