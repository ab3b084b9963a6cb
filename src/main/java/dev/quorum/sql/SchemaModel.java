package dev.quorum.sql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything Quorum understood from a DDL script, and what it skipped with line numbers. A value: equal when
 * its tables, views and skipped statements are equal.
 */
public final class SchemaModel {

    /** A schema with nothing in it. */
    public static final SchemaModel EMPTY = new SchemaModel(List.of(), List.of(), List.of());

    private final List<Table> tables;
    private final List<View> views;
    private final List<SkippedStatement> skipped;
    // Rules look tables up by name thousands of times per validation; a scan of 400 tables per lookup dominated.
    private final Map<String, Table> tablesByKey;
    private final Map<String, View> viewsByKey;

    public SchemaModel(List<Table> tables, List<View> views, List<SkippedStatement> skipped) {
        this.tables = List.copyOf(tables);
        this.views = List.copyOf(views);
        this.skipped = List.copyOf(skipped);
        this.tablesByKey = firstByKey(this.tables, t -> t.name().key());
        this.viewsByKey = firstByKey(this.views, v -> v.name().key());
    }

    /** The tables in DDL order. */
    public List<Table> tables() {
        return tables;
    }

    /** The views in DDL order. */
    public List<View> views() {
        return views;
    }

    /** The statements that were not understood, with their lines. */
    public List<SkippedStatement> skipped() {
        return skipped;
    }

    /** The table with this name, ignoring case; a schema qualifier ("public.orders") is accepted. */
    public Optional<Table> table(String name) {
        return Optional.ofNullable(tablesByKey.get(bareKey(name)));
    }

    /** True when a table or view has this name. */
    public boolean hasRelation(String name) {
        String key = bareKey(name);
        return tablesByKey.containsKey(key) || viewsByKey.containsKey(key);
    }

    private static String bareKey(String name) {
        return SqlName.of(name.substring(name.lastIndexOf('.') + 1)).key();
    }

    /** The first item of each key, as a scan in DDL order finds it. */
    private static <T> Map<String, T> firstByKey(List<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> index = new HashMap<>();
        for (T item : items) {
            index.putIfAbsent(key.apply(item), item);
        }
        return index;
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof SchemaModel s && tables.equals(s.tables) && views.equals(s.views)
                && skipped.equals(s.skipped);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tables, views, skipped);
    }

    @Override
    public String toString() {
        return "SchemaModel[tables=" + tables + ", views=" + views + ", skipped=" + skipped + "]";
    }
}
