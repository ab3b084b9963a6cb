package dev.quorum.template;

import java.util.List;

/**
 * A field of the template: its path in the design file (relative to its parent for columns), label,
 * kind, whether it is required, help text, the option list it draws from, and sub-fields.
 */
public record TemplateField(
        String path,
        String label,
        FieldKind kind,
        boolean required,
        String help,
        String options,
        String blockLabel,
        List<TemplateField> columns) {

    public TemplateField {
        help = help == null ? "" : help;
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    /** The last step of the path, the key under which the value is written. */
    public String key() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
