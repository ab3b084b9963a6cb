package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.service.SectionStatus;
import dev.quorum.template.Gap;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.template.TemplateSection;
import dev.quorum.template.TemplateSubsection;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.problems.FindingsIndex;
import dev.quorum.validate.Severity;
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
 * What one template section shows and edits: its title, a one-line digest, what it lacks, its findings,
 * and its fields and tables. Subclasses declare their fields and tables; this class shows the open design
 * in them, routes their edits to the {@link EditSession} and hands each the findings that point at it.
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
    private final ReadOnlyIntegerWrapper errorCount = new ReadOnlyIntegerWrapper(this, "errorCount", 0);
    private final ReadOnlyIntegerWrapper warningCount = new ReadOnlyIntegerWrapper(this, "warningCount", 0);
    private final ReadOnlyStringWrapper findingsBadge = new ReadOnlyStringWrapper(this, "findingsBadge", "");
    private final List<FieldViewModel> fields = new ArrayList<>();
    private final List<TableViewModel<?>> tables = new ArrayList<>();
    private EditSession session;

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

    /** Shows a new version of the design before its status is known; {@link #update} follows with it. */
    public final void showDesign(Design design) {
        show(design);
    }

    /** Shows the design in every field and table of this section. */
    protected void show(Design design) {
        fields.forEach(f -> f.showFrom(design));
        tables.forEach(t -> t.show(design));
    }

    /** Sends every edit of this section's fields and tables to {@code editSession}. */
    public final void attach(EditSession editSession) {
        this.session = editSession;
        fields.forEach(f -> f.attach(editSession));
        tables.forEach(t -> t.attach(editSession));
    }

    /** The session edits go to; null before {@link #attach}. */
    protected final EditSession session() {
        return session;
    }

    /** Hands each field and table the findings that point at it, and counts this section's. */
    public final void showFindings(FindingsIndex index) {
        int errors = index.count(id(), Severity.ERROR);
        int warnings = index.count(id(), Severity.WARNING);
        errorCount.set(errors);
        warningCount.set(warnings);
        findingsBadge.set(findingsBadgeText(errors, warnings));
        fields.forEach(f -> f.showFindings(index.at(f.path())));
        tables.forEach(t -> t.showFindings(index));
    }

    /** "2 errors, 1 warning", or empty when the rules found nothing worse than information. */
    public static String findingsBadgeText(int errors, int warnings) {
        List<String> parts = new ArrayList<>();
        if (errors > 0) {
            parts.add(errors == 1 ? "1 error" : errors + " errors");
        }
        if (warnings > 0) {
            parts.add(warnings == 1 ? "1 warning" : warnings + " warnings");
        }
        return String.join(", ", parts);
    }

    /** Every editable field of this section, block fields of tables excluded. */
    public final List<FieldViewModel> fields() {
        return List.copyOf(fields);
    }

    /** Every table of this section. */
    public final List<TableViewModel<?>> tables() {
        return List.copyOf(tables);
    }

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

    /** How many error findings point into this section. */
    public final ReadOnlyIntegerProperty errorCountProperty() {
        return errorCount.getReadOnlyProperty();
    }

    /** How many warning findings point into this section. */
    public final ReadOnlyIntegerProperty warningCountProperty() {
        return warningCount.getReadOnlyProperty();
    }

    /** "2 errors, 1 warning" for the tree and the header; empty when there are none. */
    public final ReadOnlyStringProperty findingsBadgeProperty() {
        return findingsBadge.getReadOnlyProperty();
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
        FieldViewModel f = new FieldViewModel(templateField(path), path, template);
        fields.add(f);
        return f;
    }

    /** A group of labelled fields for the template field at {@code path}. */
    protected final GroupViewModel group(String path) {
        GroupViewModel g = new GroupViewModel(templateField(path), template);
        fields.addAll(g.fields());
        return g;
    }

    /**
     * Starts a table for the rows field {@code parent} at {@code listPath}, whose rows are called
     * {@code rowLabel}; add columns by key, then build.
     */
    protected final <R> TableBuilder<R> table(TemplateField parent, String listPath, String rowLabel) {
        return new TableBuilder<>(parent, listPath, rowLabel);
    }

    /** Collects a table's columns from the template. */
    protected final class TableBuilder<R> {
        private final TemplateField parent;
        private final String listPath;
        private final String rowLabel;
        private final List<ColumnViewModel<R>> columns = new ArrayList<>();

        private TableBuilder(TemplateField parent, String listPath, String rowLabel) {
            this.parent = parent;
            this.listPath = listPath;
            this.rowLabel = rowLabel;
        }

        /** Adds the template column {@code key}, read from each row by {@code getter}. */
        public TableBuilder<R> column(String key, Function<R, Object> getter) {
            TemplateField c = SectionViewModel.column(parent, key);
            // No option help in cells: repeated on every row it would drown the table; fields show it instead.
            columns.add(new ColumnViewModel<>(c, getter, r -> ValueFormat.describe(getter.apply(r))));
            return this;
        }

        /** The finished table model. */
        public TableViewModel<R> build() {
            String id = listPath.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
            TableViewModel<R> table = new TableViewModel<>(id, parent.label(), parent.help(), listPath, rowLabel, columns,
                    template);
            tables.add(table);
            return table;
        }
    }
}
