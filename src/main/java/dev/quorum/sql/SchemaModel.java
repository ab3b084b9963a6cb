package dev.quorum.sql;

import java.util.List;
import java.util.Optional;

/** Everything Quorum understood from a DDL script, and what it skipped with line numbers. */
public record SchemaModel(List<Table> tables, List<View> views, List<SkippedStatement> skipped) {

    /** A schema with nothing in it. */
    public static final SchemaModel EMPTY = new SchemaModel(List.of(), List.of(), List.of());

    public SchemaModel {
        tables = List.copyOf(tables);
        views = List.copyOf(views);
        skipped = List.copyOf(skipped);
    }

    /** The table with this name, ignoring case; a schema qualifier ("public.orders") is accepted. */
    public Optional<Table> table(String name) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return tables.stream().filter(t -> t.name().matches(bare)).findFirst();
    }

    /** True when a table or view has this name. */
    public boolean hasRelation(String name) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        return table(bare).isPresent() || views.stream().anyMatch(v -> v.name().matches(bare));
    }
}
