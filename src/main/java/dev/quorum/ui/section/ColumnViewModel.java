package dev.quorum.ui.section;

import dev.quorum.template.FieldKind;
import dev.quorum.template.TemplateField;
import java.util.function.Function;

/**
 * One column of a table: its template field (key, label, help, kind, options), how a row shows in it,
 * and the row's raw model value for editing.
 */
public record ColumnViewModel<R>(TemplateField field, Function<R, Object> raw, Function<R, DisplayValue> value) {

    /** The key of the column in each row, such as {@code size_estimate}. */
    public String key() {
        return field.path();
    }

    /** The column heading. */
    public String label() {
        return field.label();
    }

    /** The template's help for the column. */
    public String help() {
        return field.help();
    }

    /** The kind of value, which decides the cell editor. */
    public FieldKind kind() {
        return field.kind();
    }

    /** True for multi-line values, edited in the block form below the table rather than in the cell. */
    public boolean multiline() {
        return field.kind() == FieldKind.MULTILINE || field.kind() == FieldKind.SQL || field.kind() == FieldKind.JSON;
    }
}
