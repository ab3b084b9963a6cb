package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.model.DocumentStructure;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The Database Schema Design section: the SQL dialect and schema, and example documents per collection. */
public final class SchemaViewModel extends SectionViewModel {

    private final FieldViewModel dialect = field("schema.dialect");
    private final FieldViewModel sql = field("schema.sql");
    private final TableViewModel<DocumentStructure> documents;
    private final FieldViewModel selectedJson;
    private final ObjectProperty<DocumentStructure> selectedDocument = new SimpleObjectProperty<>(this, "selectedDocument");

    public SchemaViewModel(TemplateSection section, Template template) {
        super(section, template);
        TemplateField docs = templateField("schema.documents");
        documents = this.<DocumentStructure>table(docs, docs.path())
                .column("collection", DocumentStructure::collection)
                .build();
        selectedJson = new FieldViewModel(column(docs, "json"), docs.path() + ".json", template);
        selectedDocument.addListener((obs, old, doc) -> selectedJson.show(doc == null ? null : doc.json()));
    }

    @Override
    protected void show(Design design) {
        showAt(dialect, design);
        showAt(sql, design);
        documents.setRows(design.schema().documents());
        selectedDocument.set(documents.rows().isEmpty() ? null : documents.rows().get(0));
        selectedJson.show(selectedDocument.get() == null ? null : selectedDocument.get().json());
    }

    /** The SQL dialect. */
    public FieldViewModel dialect() {
        return dialect;
    }

    /** The DDL of the primary database. */
    public FieldViewModel sql() {
        return sql;
    }

    /** The NoSQL collections. */
    public TableViewModel<DocumentStructure> documents() {
        return documents;
    }

    /** The collection whose example document is shown. */
    public ObjectProperty<DocumentStructure> selectedDocumentProperty() {
        return selectedDocument;
    }

    /** The example document of the selected collection. */
    public FieldViewModel selectedJson() {
        return selectedJson;
    }
}
