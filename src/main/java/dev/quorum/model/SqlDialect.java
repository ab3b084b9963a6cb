package dev.quorum.model;

/** The SQL dialect the primary schema is written in. */
public enum SqlDialect implements Choice {
    POSTGRESQL("postgresql", "PostgreSQL"),
    MYSQL("mysql", "MySQL"),
    H2("h2", "H2"),
    SQL_SERVER("sqlserver", "SQL Server"),
    ANSI("ansi", "ANSI SQL");

    private final String id;
    private final String label;

    SqlDialect(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
