package dev.quorum.sql;

/** A column a query refers to: the table it resolves to (empty when it cannot be resolved) and the column. */
public record ColumnRef(String table, String column) {

    public ColumnRef {
        table = table == null ? "" : table;
    }

    @Override
    public String toString() {
        return table.isEmpty() ? column : table + "." + column;
    }
}
