package dev.quorum.ui.section;

import dev.quorum.template.FieldKind;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/** One labelled field of a section: its template label and help, and the current value as text and detail. */
public final class FieldViewModel {

    private final TemplateField field;
    private final Template template;
    private final String path;
    private final String label;
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);

    /** A field whose label is the template's own. */
    public FieldViewModel(TemplateField field, String fullPath, Template template) {
        this(field, fullPath, field.label(), template);
    }

    /** A field shown under another label, where the template's label would repeat its group's heading. */
    public FieldViewModel(TemplateField field, String fullPath, String label, Template template) {
        this.field = field;
        this.template = template;
        this.path = fullPath;
        this.label = label;
    }

    /** Shows a model value (text, quantity, option, list or yes/no). */
    public void show(Object value) {
        show(ValueFormat.describe(value, field, template));
    }

    /** Shows an already formatted value. */
    public void show(DisplayValue value) {
        text.set(value.text());
        detail.set(value.detail());
        problem.set(value.problem());
        empty.set(value.isEmpty());
    }

    /** The field's path in the design file, for example {@code backup.recovery.rpo}. */
    public String path() {
        return path;
    }

    /** The label shown beside the value. */
    public String label() {
        return label;
    }

    /** The template's help for this field, shown as a tooltip. */
    public String help() {
        return field.help();
    }

    /** What kind of value the field holds; it decides the control. */
    public FieldKind kind() {
        return field.kind();
    }

    /** True when the template requires this field. */
    public boolean required() {
        return field.required();
    }

    /** The value as written; empty when the design leaves it empty. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The value's detail: a parsed quantity, an option's help, or a problem. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** True when the detail says the value cannot be read. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when there is nothing to show but "Not specified". */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** The current text. */
    public String text() {
        return text.get();
    }

    /** The current detail. */
    public String detail() {
        return detail.get();
    }

    /** The current problem flag. */
    public boolean problem() {
        return problem.get();
    }

    /** The current empty flag. */
    public boolean isEmpty() {
        return empty.get();
    }
}
