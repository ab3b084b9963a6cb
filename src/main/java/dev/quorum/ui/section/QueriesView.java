package dev.quorum.ui.section;

import java.util.List;
import javafx.scene.layout.VBox;

/** Shows the Query Operations section: the queries, and the selected one's purpose, reason and SQL. */
public final class QueriesView extends SectionView<QueriesViewModel> {

    public QueriesView(QueriesViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("database-queries"), table(model.queries(), model.selectedProperty()),
                heading("Selected query", "Select a row above to see its details.", "group-heading"),
                form(List.of(model.selectedPurpose(), model.selectedReason())), code(model.selectedSql()));
    }
}
