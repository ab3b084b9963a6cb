package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import java.util.List;

/** A fixed set of named sub-fields under one heading, such as Failover Process or Recovery Plan. */
public final class GroupViewModel {

    private final String label;
    private final String help;
    private final List<FieldViewModel> fields;

    GroupViewModel(TemplateField group, Template template) {
        this.label = group.label();
        this.help = group.help();
        this.fields = group.columns().stream()
                .map(c -> new FieldViewModel(c, group.path() + "." + c.path(), template))
                .toList();
    }

    /** The group's heading. */
    public String label() {
        return label;
    }

    /** The template's help for the group. */
    public String help() {
        return help;
    }

    /** The sub-fields in template order. */
    public List<FieldViewModel> fields() {
        return fields;
    }

    /** The sub-field whose last path step is {@code key}, for example {@code rpo}. */
    public FieldViewModel field(String key) {
        return fields.stream().filter(f -> f.path().endsWith("." + key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + key + " in " + label));
    }

    /** Shows the group's values from the design. */
    void show(Design design) {
        fields.forEach(f -> f.showFrom(design));
    }
}
