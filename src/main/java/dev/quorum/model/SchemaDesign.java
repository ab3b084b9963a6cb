package dev.quorum.model;

import java.util.List;

/** The Database Schema Design section: the primary SQL schema and any document structures. */
public record SchemaDesign(SqlDialect dialect, String sql, List<DocumentStructure> documents) {

    /** No schema at all. */
    public static final SchemaDesign EMPTY = new SchemaDesign(null, "", List.of());

    public SchemaDesign {
        sql = Values.text(sql);
        documents = Values.list(documents);
    }
}
