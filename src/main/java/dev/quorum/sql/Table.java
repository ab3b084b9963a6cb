package dev.quorum.sql;

import java.util.List;
import java.util.Optional;

/**
 * A table as the DDL defines it, after ALTER TABLE and CREATE INDEX statements have been applied.
 * {@code schema} is the qualifier as written (empty when none); {@code partitionOf} names the parent of a
 * partition (empty otherwise).
 */
public record Table(
        String schema,
        SqlName name,
        List<Column> columns,
        Optional<KeyConstraint> primaryKey,
        List<KeyConstraint> uniqueConstraints,
        List<ForeignKey> foreignKeys,
        List<Index> indexes,
        String partitionOf,
        int line) {

    public Table {
        schema = schema == null ? "" : schema;
        columns = List.copyOf(columns);
        primaryKey = primaryKey == null ? Optional.empty() : primaryKey;
        uniqueConstraints = List.copyOf(uniqueConstraints);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        partitionOf = partitionOf == null ? "" : partitionOf;
    }

    /** The column with this name, ignoring case. */
    public Optional<Column> column(String columnName) {
        return columns.stream().filter(c -> c.name().matches(columnName)).findFirst();
    }
}
