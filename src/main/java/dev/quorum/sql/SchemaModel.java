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
    private volatile Map<String, Table> tablesByKey;
    private volatile Map<String, View> viewsByKey;

    public SchemaModel(List<Table> tables, List<View> views, List<SkippedStatement> skipped) {
        this.tables = List.copyOf(tables);
        this.views = List.copyOf(views);
        this.skipped = List.copyOf(skipped);
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
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return Optional.ofNullable(tablesByKey().get(SqlName.of(bare).key()));
    }

    /** True when a table or view has this name. */
    public boolean hasRelation(String name) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return table(bare).isPresent() || viewsByKey().containsKey(SqlName.of(bare).key());
    }

    private Map<String, Table> tablesByKey() {
        Map<String, Table> index = tablesByKey;
        if (index == null) {
            Map<String, Table> built = new HashMap<>();
            for (Table t : tables) {
                // The first table of a name wins, as a scan in DDL order found it.
                built.putIfAbsent(t.name().key(), t);
            }
            index = built;
            tablesByKey = index;
        }
        return index;
    }

    private Map<String, View> viewsByKey() {
        Map<String, View> index = viewsByKey;
        if (index == null) {
            Map<String, View> built = new HashMap<>();
            for (View v : views) {
                built.putIfAbsent(v.name().key(), v);
            }
            index = built;
            viewsByKey = index;
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
