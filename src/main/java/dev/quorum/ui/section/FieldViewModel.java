package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.template.FieldKind;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateOption;
import dev.quorum.model.DesignPath;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.edit.ValueCodec;
import dev.quorum.validate.Finding;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One editable field of a section: its template label and help, the text or option the user edits, the
 * detail under it (a quantity's parsed value, an option's help, or why the text cannot be read) and the
 * findings that point at it. Every change the user makes becomes one {@link EditSession} edit.
 */
public final class FieldViewModel {

    private static final List<TemplateOption> YES_NO = List.of(
            new TemplateOption("yes", "Yes", ""), new TemplateOption("no", "No", ""));

    private final TemplateField field;
    private final Template template;
    private final String label;
    private final ReadOnlyStringWrapper path = new ReadOnlyStringWrapper(this, "path", "");
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final ObjectProperty<TemplateOption> choice = new SimpleObjectProperty<>(this, "choice");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(this, "detail", "");
    private final ReadOnlyBooleanWrapper problem = new ReadOnlyBooleanWrapper(this, "problem", false);
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(this, "empty", true);
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available", true);
    private final ReadOnlyObjectWrapper<List<Finding>> findings = new ReadOnlyObjectWrapper<>(this, "findings", List.of());
    private EditSession session;
    private Class<?> valueType;
    private boolean showing;
    // The value last shown; every edit re-shows the whole design, and most fields have not changed.
    private Object lastShown = UNSHOWN;
    private static final Object UNSHOWN = new Object();

    /** A field whose label is the template's own. */
    public FieldViewModel(TemplateField field, String fullPath, Template template) {
        this(field, fullPath, field.label(), template);
    }

    /** A field shown under another label, where the template's label would repeat its group's heading. */
    public FieldViewModel(TemplateField field, String fullPath, String label, Template template) {
        this.field = field;
        this.template = template;
        this.label = label;
        this.path.set(fullPath);
        text.addListener((o, was, typed) -> {
            if (!showing && !isChoice()) {
                Object value = ValueCodec.parse(valueType(), typed);
                lastShown = value;
                describe(value);
                if (session != null && available.get()) {
                    session.set(path.get(), value, label);
                }
            }
        });
        choice.addListener((o, was, chosen) -> {
            if (!showing && isChoice()) {
                Object value = chosen == null ? null : ValueCodec.option(valueType(), chosen.id());
                lastShown = value;
                describe(value);
                if (session != null && available.get()) {
                    session.set(path.get(), value, label);
                }
            }
        });
    }

    /** Sends this field's edits to {@code editSession}; without one the field only shows values. */
    void attach(EditSession editSession) {
        this.session = editSession;
    }

    /** Shows a model value; text the user is typing is left alone when it already means this value. */
    public void show(Object value) {
        if (lastShown != UNSHOWN && Objects.equals(lastShown, value)) {
            return;
        }
        lastShown = value;
        showing = true;
        try {
            if (isChoice()) {
                String id = ValueCodec.optionId(value);
                TemplateOption option = id == null ? null : options().stream().filter(op -> op.id().equals(id)).findFirst()
                        .orElse(null);
                if (!Objects.equals(choice.get(), option)) {
                    choice.set(option);
                }
            } else if (!Objects.equals(ValueCodec.parse(valueType(), text.get()), value)
                    && !(value == null && text.get().isEmpty())) {
                text.set(ValueCodec.format(value));
            }
        } finally {
            showing = false;
        }
        describe(value);
    }

    /** Shows the value at this field's path in {@code design}. */
    public void showFrom(Design design) {
        show(DesignPath.parse(path.get()).get(design));
    }

    /** Points the field at another row's value (the selected query, say); unavailable when {@code newPath} is null. */
    public void retarget(String newPath, Design design) {
        available.set(newPath != null);
        if (newPath != null) {
            if (!newPath.equals(path.get())) {
                path.set(newPath);
                valueType = null;
                lastShown = UNSHOWN;
            }
            showFrom(design);
        } else {
            lastShown = UNSHOWN;
            show(null);
        }
    }

    private void describe(Object value) {
        DisplayValue shown = ValueFormat.describe(value, field, template);
        if (isChoice()) {
            // The option's label is the text for an option field; its help is the detail.
            showing = true;
            try {
                text.set(shown.text());
            } finally {
                showing = false;
            }
        }
        detail.set(shown.detail());
        problem.set(shown.problem());
        empty.set(shown.isEmpty());
    }

    /** The findings that point at this field or inside it. */
    public void showFindings(List<Finding> list) {
        if (!list.equals(findings.get())) {
            findings.set(List.copyOf(list));
        }
    }

    private Class<?> valueType() {
        if (valueType == null) {
            valueType = DesignPath.parse(path.get()).valueType(Design.class);
        }
        return valueType;
    }

    /** True for fields edited by choosing an option (option lists and yes/no). */
    public boolean isChoice() {
        return field.kind() == FieldKind.CHOICE || field.kind() == FieldKind.BOOLEAN;
    }

    /** The options to choose from, in template order; yes and no for a yes/no field. */
    public List<TemplateOption> options() {
        return field.kind() == FieldKind.BOOLEAN ? YES_NO : template.options(field.options());
    }

    /** The user has left the field: the next keystroke in it starts a new undo step. */
    public void endEdit() {
        if (session != null) {
            session.seal();
        }
    }

    /** Types {@code newText} into the field, as the user would. */
    public void edit(String newText) {
        text.set(newText);
    }

    /** Chooses the option with id {@code id}, or clears the choice for null. */
    public void choose(String id) {
        choice.set(id == null ? null : options().stream().filter(o -> o.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no option " + id + " for " + label)));
    }

    /** The field's path in the design file, for example {@code backup.recovery.rpo}. */
    public String path() {
        return path.get();
    }

    /** The path, which moves when a block field follows the selected row. */
    public ReadOnlyStringProperty pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** The last step of the path, such as {@code rpo}. */
    public String key() {
        return field.key();
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

    /** The value as the user edits it; an option field shows its option's label here. */
    public StringProperty textProperty() {
        return text;
    }

    /** The chosen option of an option or yes/no field. */
    public ObjectProperty<TemplateOption> choiceProperty() {
        return choice;
    }

    /** The value's detail: a parsed quantity, an option's help, or a problem. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** True when the detail says the value cannot be read. */
    public ReadOnlyBooleanProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True when the field is empty. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    /** False for a block field while no row is selected. */
    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }

    /** The findings at this field. */
    public ReadOnlyObjectProperty<List<Finding>> findingsProperty() {
        return findings.getReadOnlyProperty();
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

    /** The findings at this field now. */
    public List<Finding> findings() {
        return findings.get();
    }
}
