package dev.quorum.ui.section;

import dev.quorum.model.Query;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;

/** The Query Operations section: the queries in a table, and the selected query's fields in full. */
public final class QueriesViewModel extends SectionViewModel {

    private final TableViewModel<Query> queries;

    public QueriesViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField q = templateField("queries");
        queries = this.<Query>table(q, q.path(), "query")
                .column("name", Query::name)
                .column("purpose", Query::purpose)
                .column("frequency", Query::frequency)
                .column("reason", Query::reason)
                .column("data_accessed", Query::dataAccessed)
                .column("access_pattern", Query::accessPattern)
                .column("sql", Query::sql)
                .build();
    }

    /** Every query. */
    public TableViewModel<Query> queries() {
        return queries;
    }

    /** The selected query's purpose. */
    public FieldViewModel selectedPurpose() {
        return queries.detail("purpose");
    }

    /** Why the selected query is needed. */
    public FieldViewModel selectedReason() {
        return queries.detail("reason");
    }

    /** The selected query's SQL. */
    public FieldViewModel selectedSql() {
        return queries.detail("sql");
    }
}
