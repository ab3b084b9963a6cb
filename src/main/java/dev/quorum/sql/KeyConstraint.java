package dev.quorum.sql;

import java.util.List;

/** A primary key or unique constraint: its name (may be empty) and its columns in order. */
public record KeyConstraint(String name, List<SqlName> columns, int line) {

    public KeyConstraint {
        name = name == null ? "" : name;
        columns = List.copyOf(columns);
    }
}
