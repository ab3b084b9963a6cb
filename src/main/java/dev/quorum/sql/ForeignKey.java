package dev.quorum.sql;

import java.util.List;

/** A foreign key from columns of one table to columns of another, whether inline, table-level or added by ALTER. */
public record ForeignKey(String name, List<SqlName> columns, SqlName referencedTable, List<SqlName> referencedColumns,
        int line) {

    public ForeignKey {
        name = name == null ? "" : name;
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
