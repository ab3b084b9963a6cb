package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The Query Operations section: the queries in a table, and the selected query's reason and SQL. */
public final class QueriesViewModel extends SectionViewModel {

    private final TableViewModel<Query> queries;
    private final ObjectProperty<Query> selected = new SimpleObjectProperty<>(this, "selected");
    private final FieldViewModel selectedPurpose;
    private final FieldViewModel selectedReason;
    private final FieldViewModel selectedSql;

    public QueriesViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField q = templateField("queries");
        queries = this.<Query>table(q, q.path())
                .column("name", Query::name)
                .column("frequency", Query::frequency)
                .column("access_pattern", Query::accessPattern)
                .column("data_accessed", Query::dataAccessed)
                .column("purpose", Query::purpose)
                .build();
        selectedPurpose = new FieldViewModel(column(q, "purpose"), "queries.purpose", template);
        selectedReason = new FieldViewModel(column(q, "reason"), "queries.reason", template);
        selectedSql = new FieldViewModel(column(q, "sql"), "queries.sql", template);
        selected.addListener((obs, old, query) -> showSelected(query));
    }

    @Override
    protected void show(Design design) {
        queries.setRows(design.queries());
        List<Query> rows = queries.rows();
        selected.set(rows.isEmpty() ? null : rows.get(0));
        showSelected(selected.get());
    }

    private void showSelected(Query query) {
        selectedPurpose.show(query == null ? null : query.purpose());
        selectedReason.show(query == null ? null : query.reason());
        selectedSql.show(query == null ? null : query.sql());
    }

    /** Every query. */
    public TableViewModel<Query> queries() {
        return queries;
    }

    /** The query whose details are shown. */
    public ObjectProperty<Query> selectedProperty() {
        return selected;
    }

    /** The selected query's purpose. */
    public FieldViewModel selectedPurpose() {
        return selectedPurpose;
    }

    /** Why the selected query is needed. */
    public FieldViewModel selectedReason() {
        return selectedReason;
    }

    /** The selected query's SQL. */
    public FieldViewModel selectedSql() {
        return selectedSql;
    }
}
