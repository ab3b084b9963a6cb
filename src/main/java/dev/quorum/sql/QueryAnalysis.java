package dev.quorum.sql;

import java.util.List;
import java.util.Optional;

/**
 * What one query's SQL does, as far as index and schema checks need: the statement kind, the tables and
 * columns it references, its predicate, join and sort columns, and whether it is bounded. Column
 * references are resolved to real table names through aliases where possible.
 */
public record QueryAnalysis(
        Kind kind,
        List<String> tables,
        List<ColumnRef> columns,
        List<ColumnRef> equalityPredicates,
        List<ColumnRef> rangePredicates,
        List<ColumnRef> joinColumns,
        List<ColumnRef> orderByColumns,
        List<ColumnRef> groupByColumns,
        boolean hasLimit,
        boolean selectStar,
        String targetTable,
        List<ColumnRef> whereColumns,
        Optional<String> parseError) {

    /** The statement kinds the analysis distinguishes. */
    public enum Kind { SELECT, INSERT, UPDATE, DELETE, OTHER }

    public QueryAnalysis {
        tables = List.copyOf(tables);
        columns = List.copyOf(columns);
        equalityPredicates = List.copyOf(equalityPredicates);
        rangePredicates = List.copyOf(rangePredicates);
        joinColumns = List.copyOf(joinColumns);
        orderByColumns = List.copyOf(orderByColumns);
        groupByColumns = List.copyOf(groupByColumns);
        targetTable = targetTable == null ? "" : targetTable;
        whereColumns = List.copyOf(whereColumns);
        parseError = parseError == null ? Optional.empty() : parseError;
    }

    /** An analysis of SQL that could not be parsed. */
    public static QueryAnalysis unparseable(String why) {
        return new QueryAnalysis(Kind.OTHER, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                false, false, "", List.of(), Optional.of(why));
    }
}
