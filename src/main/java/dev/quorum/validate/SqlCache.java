package dev.quorum.validate;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.QueryAnalyzer;
import dev.quorum.sql.SchemaModel;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Remembers the last parsed schema and the query analyses made against it. Validation runs on every
 * keystroke, and parsing hundreds of CREATE TABLE statements costs far more than all rules together, while
 * most edits leave the schema text unchanged. Results are pure functions of the text, so reuse is exact.
 */
public final class SqlCache {

    /** More distinct query texts than this for one schema means something unusual; start over. */
    private static final int MAX_QUERIES = 10_000;

    private final DdlImporter importer = new DdlImporter();
    private final QueryAnalyzer analyzer = new QueryAnalyzer();
    private SqlDialect lastDialect;
    private String lastSql;
    private SchemaModel lastSchema;
    private final Map<String, QueryAnalysis> queries = new HashMap<>();

    /** The schema of this DDL, parsed now or reused from the previous call with the same text. */
    public synchronized SchemaModel schema(String sql, SqlDialect dialect) {
        if (lastSchema != null && Objects.equals(dialect, lastDialect) && sql.equals(lastSql)) {
            return lastSchema;
        }
        SchemaModel schema = sql.isBlank() ? SchemaModel.EMPTY : importer.importDdl(sql, dialect);
        lastDialect = dialect;
        lastSql = sql;
        lastSchema = schema;
        queries.clear();
        return schema;
    }

    /** The analysis of a query against the schema last returned by {@link #schema}. */
    public synchronized QueryAnalysis query(String sql, SchemaModel schema) {
        if (schema != lastSchema) {
            return analyze(sql, schema);
        }
        QueryAnalysis cached = queries.get(sql);
        if (cached == null) {
            if (queries.size() >= MAX_QUERIES) {
                queries.clear();
            }
            cached = analyze(sql, schema);
            queries.put(sql, cached);
        }
        return cached;
    }

    private QueryAnalysis analyze(String sql, SchemaModel schema) {
        return sql.isBlank() ? QueryAnalysis.unparseable("no SQL given") : analyzer.analyze(sql, schema);
    }
}
