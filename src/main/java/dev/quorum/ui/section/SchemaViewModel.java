package dev.quorum.ui.section;

import dev.quorum.model.DocumentStructure;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;

/** The Database Schema Design section: the SQL dialect and schema, and an example document per collection. */
public final class SchemaViewModel extends SectionViewModel {

    private final FieldViewModel dialect = field("schema.dialect");
    private final FieldViewModel sql = field("schema.sql");
    private final TableViewModel<DocumentStructure> documents;

    public SchemaViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField docs = templateField("schema.documents");
        documents = this.<DocumentStructure>table(docs, docs.path(), "collection")
                .column("collection", DocumentStructure::collection)
                .column("json", DocumentStructure::json)
                .build();
    }

    /** The SQL dialect. */
    public FieldViewModel dialect() {
        return dialect;
    }

    /** The DDL of the primary database. */
    public FieldViewModel sql() {
        return sql;
    }

    /** The NoSQL collections; the selected one's example document is {@link #selectedJson()}. */
    public TableViewModel<DocumentStructure> documents() {
        return documents;
    }

    /** The selected collection's name. */
    public FieldViewModel selectedCollection() {
        return documents.detail("collection");
    }

    /** The example document of the selected collection. */
    public FieldViewModel selectedJson() {
        return documents.detail("json");
    }
}
