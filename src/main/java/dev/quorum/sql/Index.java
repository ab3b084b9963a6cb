package dev.quorum.sql;

import java.util.List;

/**
 * An index: name, columns in order (expressions kept as their text), whether unique, and the
 * predicate of a partial index ({@code WHERE deleted_at IS NULL}), empty when it is a full index.
 */
public record Index(String name, List<SqlName> columns, boolean unique, String where, int line) {

    public Index {
        name = name == null ? "" : name;
        columns = List.copyOf(columns);
        where = where == null ? "" : where;
    }

    /** True when the index only covers rows matching a predicate. */
    public boolean partial() {
        return !where.isBlank();
    }
}
