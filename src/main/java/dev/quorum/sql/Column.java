package dev.quorum.sql;

/**
 * A table column: its name, its type as written (for example {@code VARCHAR(255)}), the base type
 * upper-cased without arguments ({@code VARCHAR}), nullability, the default text if any, and the line.
 */
public record Column(SqlName name, String type, String baseType, boolean nullable, String defaultValue, int line) {

    public Column {
        type = type == null ? "" : type;
        baseType = baseType == null ? "" : baseType;
    }

    /** True when the column declares a default; {@code defaultValue} is null when it does not. */
    public boolean hasDefault() {
        return defaultValue != null && !defaultValue.isBlank();
    }
}
