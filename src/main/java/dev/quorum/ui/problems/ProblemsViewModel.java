package dev.quorum.ui.problems;

import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The problems panel's state: every finding of the latest validation, the filter (text and severities),
 * the counts for the badges, and how each finding's section reads. Sorting is the table's; this class
 * gives it comparators that sort sections in template order.
 */
public final class ProblemsViewModel {

    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final FilteredList<Finding> visible = new FilteredList<>(findings, f -> true);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final BooleanProperty showErrors = new SimpleBooleanProperty(this, "showErrors", true);
    private final BooleanProperty showWarnings = new SimpleBooleanProperty(this, "showWarnings", true);
    private final BooleanProperty showInfos = new SimpleBooleanProperty(this, "showInfos", true);
    private final ReadOnlyIntegerWrapper errors = new ReadOnlyIntegerWrapper(this, "errors", 0);
    private final ReadOnlyIntegerWrapper warnings = new ReadOnlyIntegerWrapper(this, "warnings", 0);
    private final ReadOnlyIntegerWrapper infos = new ReadOnlyIntegerWrapper(this, "infos", 0);
    private final ReadOnlyObjectWrapper<FindingsIndex> index = new ReadOnlyObjectWrapper<>(this, "index", FindingsIndex.EMPTY);
    private final Map<String, String> sectionTitles = new HashMap<>();
    private final Map<String, Integer> sectionOrder = new HashMap<>();

    public ProblemsViewModel(Template template) {
        sectionTitles.put("", "Design");
        sectionOrder.put("", -1);
        int i = 0;
        for (TemplateSection s : template.sections()) {
            sectionTitles.put(s.id(), s.title());
            sectionOrder.put(s.id(), i++);
        }
        filter.addListener((o, was, is) -> refilter());
        showErrors.addListener((o, was, is) -> refilter());
        showWarnings.addListener((o, was, is) -> refilter());
        showInfos.addListener((o, was, is) -> refilter());
    }

    /** Shows the findings of a validation. */
    public void show(FindingsIndex next) {
        index.set(next);
        if (!next.all().equals(findings)) {
            replaceChanged(next.all());
        }
        errors.set(next.count(Severity.ERROR));
        warnings.set(next.count(Severity.WARNING));
        infos.set(next.count(Severity.INFO));
    }

    /**
     * Makes the findings equal to {@code next} by changing only the part that differs: the findings at both ends
     * that did not change stay as they are, so that the table redraws the rows that changed rather than all of
     * them (a keystroke usually changes one finding; a row added to a long table shifts some).
     */
    private void replaceChanged(List<Finding> next) {
        dev.quorum.ui.ListDiff diff = dev.quorum.ui.ListDiff.between(findings, next);
        if (diff.from() == 0 && diff.oldEnd() == findings.size() && diff.newEnd() == next.size()) {
            findings.setAll(next);
            return;
        }
        // A removal and then an addition, not one replacement: a table rebuilds every row on a replacement.
        if (diff.oldEnd() > diff.from()) {
            findings.remove(diff.from(), diff.oldEnd());
        }
        if (diff.newEnd() > diff.from()) {
            findings.addAll(diff.from(), next.subList(diff.from(), diff.newEnd()));
        }
    }

    private void refilter() {
        String text = filter.get() == null ? "" : filter.get().strip().toLowerCase(Locale.ROOT);
        visible.setPredicate(f -> shows(f.severity()) && (text.isEmpty() || matches(f, text)));
    }

    private boolean shows(Severity s) {
        return switch (s) {
            case ERROR -> showErrors.get();
            case WARNING -> showWarnings.get();
            case INFO -> showInfos.get();
        };
    }

    private boolean matches(Finding f, String text) {
        return f.message().toLowerCase(Locale.ROOT).contains(text) || f.ruleId().toLowerCase(Locale.ROOT).contains(text)
                || f.location().item().toLowerCase(Locale.ROOT).contains(text)
                || f.location().path().toLowerCase(Locale.ROOT).contains(text)
                || sectionTitle(f).toLowerCase(Locale.ROOT).contains(text);
    }

    /** The findings that pass the filter, in the validator's order; the view sorts a copy. */
    public ObservableList<Finding> visible() {
        return visible;
    }

    /** Every finding of the latest validation. */
    public List<Finding> all() {
        return List.copyOf(findings);
    }

    /** The section title a finding belongs to, "Design" for the design as a whole. */
    public String sectionTitle(Finding f) {
        return sectionTitles.getOrDefault(f.location().section(), f.location().section());
    }

    /** Sorts by severity, most severe first. */
    public static Comparator<Severity> severityOrder() {
        return Comparator.comparingInt(Severity::ordinal);
    }

    /** Sorts section titles in template order. */
    public Comparator<String> sectionOrder() {
        Map<String, Integer> byTitle = new HashMap<>();
        sectionTitles.forEach((id, title) -> byTitle.put(title, sectionOrder.get(id)));
        return Comparator.comparingInt(title -> byTitle.getOrDefault(title, Integer.MAX_VALUE));
    }

    /** The free-text filter: matches message, rule, item, path and section. */
    public StringProperty filterProperty() {
        return filter;
    }

    /** Whether errors are listed. */
    public BooleanProperty showErrorsProperty() {
        return showErrors;
    }

    /** Whether warnings are listed. */
    public BooleanProperty showWarningsProperty() {
        return showWarnings;
    }

    /** Whether information findings are listed. */
    public BooleanProperty showInfosProperty() {
        return showInfos;
    }

    /** How many errors the design has. */
    public ReadOnlyIntegerProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    /** How many warnings the design has. */
    public ReadOnlyIntegerProperty warningsProperty() {
        return warnings.getReadOnlyProperty();
    }

    /** How many information findings the design has. */
    public ReadOnlyIntegerProperty infosProperty() {
        return infos.getReadOnlyProperty();
    }

    /** The latest findings by path. */
    public ReadOnlyObjectProperty<FindingsIndex> indexProperty() {
        return index.getReadOnlyProperty();
    }

    /** "3 errors, 12 warnings, 2 infos" for the status bar. */
    public static String summary(int errors, int warnings, int infos) {
        if (errors + warnings + infos == 0) {
            return "no findings";
        }
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings + (warnings == 1 ? " warning, " : " warnings, ")
                + infos + (infos == 1 ? " info" : " infos");
    }
}
