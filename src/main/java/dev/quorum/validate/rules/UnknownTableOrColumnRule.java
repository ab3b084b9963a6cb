package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.sql.ColumnRef;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reports tables and columns a query's SQL names that the schema does not define. */
public final class UnknownTableOrColumnRule extends AbstractRule {

    /** Names that are not tables even though they follow FROM or prefix a column. */
    private static final Set<String> PSEUDO = Set.of("dual", "excluded", "new", "old", "inserted", "deleted");

    public UnknownTableOrColumnRule() {
        super("query.unknown-table-or-column", Severity.ERROR, RuleCategory.QUERY,
                "A query's SQL names a table or column that schema.sql does not define.",
                "A query against a missing table or column fails at run time, and every index and load check on it "
                        + "is guesswork; usually the schema or the query is out of date. Only checked when the schema "
                        + "defines tables; views count as known, and columns the analyser cannot tie to a table are "
                        + "skipped. A table the query also lists in data_accessed that is no data element is left to "
                        + "completeness.query-unknown-data, which reports the same gap.",
                "SELECT s.orders_last_7d FROM dish_stats s  -- no CREATE TABLE dish_stats",
                "CREATE TABLE dish_stats (menu_item_id BIGINT PRIMARY KEY, city VARCHAR(100), orders_last_7d INT);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        SchemaModel schema = context.schema();
        if (schema.tables().isEmpty()) {
            return;
        }
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            QueryAnalysis a = context.query(i);
            if (a.parseError().isPresent() || q.sql().isBlank()) {
                continue;
            }
            Set<String> missingTables = new LinkedHashSet<>();
            for (String t : a.tables()) {
                String bare = t == null ? "" : QueryFacts.bare(t);
                if (bare.isEmpty() || PSEUDO.contains(bare) || schema.hasRelation(bare)
                        || reportedAsUnknownData(context.design(), q, bare)) {
                    continue;
                }
                missingTables.add(t.strip());
            }
            for (String t : missingTables) {
                sink.report(QueryFacts.at(q, i, "sql"),
                        QueryFacts.label(q, i) + " reads table " + t + ", which schema.sql does not define",
                        "Add CREATE TABLE " + t + " (...) to schema.sql, or correct the table name in the query.");
            }
            Set<String> missingColumns = new LinkedHashSet<>();
            for (ColumnRef c : a.columns()) {
                if (c.column() == null || c.table().isBlank() || c.column().isBlank() || c.column().equals("*")) {
                    continue;
                }
                Optional<Table> t = schema.table(QueryFacts.bare(c.table()));
                if (t.isEmpty() || t.get().columns().isEmpty()) {
                    continue;
                }
                if (t.get().column(SchemaFacts.key(c.column())).isEmpty()) {
                    missingColumns.add(t.get().name().name() + "." + c.column());
                }
            }
            for (String c : missingColumns) {
                String table = c.substring(0, c.lastIndexOf('.'));
                sink.report(QueryFacts.at(q, i, "sql"),
                        QueryFacts.label(q, i) + " uses column " + c + ", which table " + table + " does not have",
                        "Add the column to " + table + " in schema.sql (ALTER TABLE " + table + " ADD COLUMN "
                                + c.substring(c.lastIndexOf('.') + 1) + " ...;), or correct the column name in the query.");
            }
        }
    }

    /** True when completeness.query-unknown-data already reports this name for this query. */
    private static boolean reportedAsUnknownData(Design d, Query q, String table) {
        String t = LessonTexts.norm(table);
        boolean listed = false;
        for (String entry : q.dataAccessed()) {
            if (entry != null && QueryFacts.sameName(LessonTexts.norm(entry), t)) {
                listed = true;
                break;
            }
        }
        if (!listed) {
            return false;
        }
        for (DataElement e : d.persistence().dataElements()) {
            if (QueryFacts.sameName(LessonTexts.norm(e.name()), t)) {
                return false;
            }
        }
        return true;
    }
}
