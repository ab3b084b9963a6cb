package dev.quorum.diagram;

/**
 * What an ER diagram shows: which tables (all, the neighbourhood of one table, or the tables one query
 * touches), how they are grouped, and whether columns are drawn.
 */
public record ErOptions(Scope scope, String focusTable, int hops, String querySql, Clustering clustering, Detail detail) {

    /** Above this many tables in scope an AUTO diagram draws tables only, so it stays readable and renders quickly. */
    public static final int OVERVIEW_THRESHOLD = 80;
    /** The most hops a neighbourhood may span; beyond that it is the whole schema anyway. */
    public static final int MAX_HOPS = 20;

    /** Which tables are drawn. */
    public enum Scope { ALL, NEIGHBOURHOOD, QUERY }

    /** How tables are grouped into frames. AUTO groups by schema when the tables span more than one. */
    public enum Clustering { AUTO, NONE, SCHEMA, PREFIX }

    /** Whether tables show their columns. AUTO shows them up to {@link #OVERVIEW_THRESHOLD} tables. */
    public enum Detail { AUTO, COLUMNS, TABLES }

    public ErOptions {
        scope = scope == null ? Scope.ALL : scope;
        focusTable = focusTable == null ? "" : focusTable.strip();
        querySql = querySql == null ? "" : querySql;
        clustering = clustering == null ? Clustering.AUTO : clustering;
        detail = detail == null ? Detail.AUTO : detail;
        if (hops < 0 || hops > MAX_HOPS) {
            throw new IllegalArgumentException("hops must be between 0 and " + MAX_HOPS + ", not " + hops);
        }
    }

    /** Every table, grouped and detailed automatically. */
    public static ErOptions all() {
        return new ErOptions(Scope.ALL, "", 0, "", Clustering.AUTO, Detail.AUTO);
    }

    /** The table and every table within {@code hops} foreign keys of it, in either direction. */
    public static ErOptions neighbourhood(String table, int hops) {
        return new ErOptions(Scope.NEIGHBOURHOOD, table, hops, "", Clustering.AUTO, Detail.AUTO);
    }

    /** The tables the query's SQL reads or writes. */
    public static ErOptions query(String sql) {
        return new ErOptions(Scope.QUERY, "", 0, sql, Clustering.AUTO, Detail.AUTO);
    }

    /** The same scope with other grouping. */
    public ErOptions withClustering(Clustering c) {
        return new ErOptions(scope, focusTable, hops, querySql, c, detail);
    }

    /** The same scope with other detail. */
    public ErOptions withDetail(Detail d) {
        return new ErOptions(scope, focusTable, hops, querySql, clustering, d);
    }
}
