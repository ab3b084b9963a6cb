package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.model.ModelPaths;
import dev.quorum.service.SectionStatus;
import dev.quorum.template.Gap;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;
import dev.quorum.template.TemplateSubsection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What one template section shows: its title, a one-line digest, what it lacks, and its fields and tables.
 * Subclasses derive their values from the open design; the matching view only binds to them.
 */
public abstract class SectionViewModel {

    private final TemplateSection section;
    private final Template template;
    private final ReadOnlyStringWrapper digest = new ReadOnlyStringWrapper(this, "digest", "");
    private final ReadOnlyIntegerWrapper missingCount = new ReadOnlyIntegerWrapper(this, "missingCount", 0);
    private final ReadOnlyIntegerWrapper unreadableCount = new ReadOnlyIntegerWrapper(this, "unreadableCount", 0);
    private final ReadOnlyBooleanWrapper complete = new ReadOnlyBooleanWrapper(this, "complete", false);
    private final ReadOnlyStringWrapper badge = new ReadOnlyStringWrapper(this, "badge", "");
    private final ObservableList<String> gaps = FXCollections.observableArrayList();

    protected SectionViewModel(TemplateSection section, Template template) {
        this.section = section;
        this.template = template;
    }

    /** The template's section id, such as {@code replication}. */
    public final String id() {
        return section.id();
    }

    /** The template's section title, such as "Data Replication". */
    public final String title() {
        return section.title();
    }

    /** The template section this model follows. */
    public final TemplateSection section() {
        return section;
    }

    /** A subsection's title as the template gives it; empty when the template shows no heading. */
    public final String subsectionTitle(String subsectionId) {
        return section.subsections().stream().filter(s -> s.id().equals(subsectionId)).map(TemplateSubsection::title)
                .findFirst().orElseThrow(() -> new IllegalStateException("template section " + id()
                        + " has no subsection " + subsectionId));
    }

    /** Shows a design and its status; called whenever the open design changes. */
    public final void update(Design design, SectionStatus status) {
        digest.set(status.digest());
        int missing = (int) status.gaps().stream().filter(g -> g.kind() == Gap.Kind.MISSING).count();
        int unreadable = status.gaps().size() - missing;
        missingCount.set(missing);
        unreadableCount.set(unreadable);
        complete.set(status.complete());
        badge.set(badgeText(missing, unreadable));
        gaps.setAll(status.gaps().stream().map(Gap::describe).toList());
        show(design);
    }

    /** Copies this section's values out of the design. */
    protected abstract void show(Design design);

    /** "✓ complete", or how many fields are missing or unreadable, as the tree and the header show it. */
    public static String badgeText(int missing, int unreadable) {
        if (missing == 0 && unreadable == 0) {
            return "✓ complete";
        }
        List<String> parts = new ArrayList<>();
        if (missing > 0) {
            parts.add(missing + " missing");
        }
        if (unreadable > 0) {
            parts.add(unreadable + " unreadable");
        }
        return String.join(", ", parts);
    }

    /** A one-line digest of the content, such as "6 queries". */
    public final ReadOnlyStringProperty digestProperty() {
        return digest.getReadOnlyProperty();
    }

    /** How many required fields are empty. */
    public final ReadOnlyIntegerProperty missingCountProperty() {
        return missingCount.getReadOnlyProperty();
    }

    /** How many quantities cannot be read. */
    public final ReadOnlyIntegerProperty unreadableCountProperty() {
        return unreadableCount.getReadOnlyProperty();
    }

    /** True when the section lacks nothing. */
    public final ReadOnlyBooleanProperty completeProperty() {
        return complete.getReadOnlyProperty();
    }

    /** The status badge text. */
    public final ReadOnlyStringProperty badgeProperty() {
        return badge.getReadOnlyProperty();
    }

    /** One line per gap, in template order. */
    public final ObservableList<String> gaps() {
        return FXCollections.unmodifiableObservableList(gaps);
    }

    /** The current missing count. */
    public final int missingCount() {
        return missingCount.get();
    }

    /** The current unreadable count. */
    public final int unreadableCount() {
        return unreadableCount.get();
    }

    // ---- building blocks for subclasses ---------------------------------------------------------

    /** The template field of this section at {@code path}; a mismatch between template and code is a bug. */
    protected final TemplateField templateField(String path) {
        return section.fields().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template section " + id() + " has no field " + path));
    }

    /** The column {@code key} of a template field that has columns. */
    protected static TemplateField column(TemplateField parent, String key) {
        return parent.columns().stream().filter(c -> c.path().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template field " + parent.path() + " has no column " + key));
    }

    /** A labelled field for the template field at {@code path}. */
    protected final FieldViewModel field(String path) {
        return new FieldViewModel(templateField(path), path, template);
    }

    /** A group of labelled fields for the template field at {@code path}. */
    protected final GroupViewModel group(String path) {
        return new GroupViewModel(templateField(path), template);
    }

    /** Shows the design's value at the field's path. */
    protected static void showAt(FieldViewModel field, Design design) {
        field.show(ModelPaths.get(design, field.path()));
    }

    /** Starts a table for the rows field {@code parent}; add columns by key, then build. */
    protected final <R> TableBuilder<R> table(TemplateField parent, String idPath) {
        return new TableBuilder<>(parent, idPath);
    }

    /** Collects a table's columns from the template. */
    protected final class TableBuilder<R> {
        private final TemplateField parent;
        private final String idPath;
        private final List<ColumnViewModel<R>> columns = new ArrayList<>();

        private TableBuilder(TemplateField parent, String idPath) {
            this.parent = parent;
            this.idPath = idPath;
        }

        /** Adds the template column {@code key}, read from each row by {@code getter}. */
        public TableBuilder<R> column(String key, Function<R, Object> getter) {
            TemplateField c = SectionViewModel.column(parent, key);
            // No option help in cells: repeated on every row it would drown the table; fields show it instead.
            columns.add(new ColumnViewModel<>(c.label(), c.help(), r -> ValueFormat.describe(getter.apply(r))));
            return this;
        }

        /** The finished table model. */
        public TableViewModel<R> build() {
            String id = idPath.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
            return new TableViewModel<>(id, parent.label(), parent.help(), columns);
        }
    }
}
