package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.template.Template;
import dev.quorum.model.DesignPath;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.edit.ValueCodec;
import dev.quorum.ui.problems.FindingsIndex;
import dev.quorum.validate.Finding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * An editable table over one list of the design (data elements, queries, nodes...): its columns from the
 * template, the rows as model records, the selected row, and for block fields the selected row's fields
 * in full. Adding, removing, moving and editing rows are {@link EditSession} edits, so each is undoable.
 */
public final class TableViewModel<R> {

    private final String id;
    private final String label;
    private final String help;
    private final String listPath;
    private final String rowLabel;
    private final List<ColumnViewModel<R>> columns;
    private final Class<?> rowType;
    private final ObservableList<R> rows = FXCollections.observableArrayList();
    private final IntegerProperty selected = new SimpleIntegerProperty(this, "selected", -1);
    private final ReadOnlyObjectWrapper<Map<Integer, List<Finding>>> findings =
            new ReadOnlyObjectWrapper<>(this, "findings", Map.of());
    private final List<FieldViewModel> details;
    private final Template template;
    // Rows are immutable records, so how a row shows never changes: it is computed once per record (parsing a
    // quantity is regular-expression work, and a 400-row table would otherwise redo it on every keystroke).
    private Map<Object, DisplayValue[]> shown = new IdentityHashMap<>();
    private EditSession session;
    private Design design;

    TableViewModel(String id, String label, String help, String listPath, String rowLabel,
            List<ColumnViewModel<R>> columns, Template template) {
        this.id = Objects.requireNonNull(id);
        this.label = label;
        this.help = help;
        this.listPath = listPath;
        this.rowLabel = rowLabel;
        this.columns = List.copyOf(columns);
        this.template = template;
        this.rowType = DesignPath.parse(listPath).elementType(Design.class);
        this.details = this.columns.stream()
                .map(c -> new FieldViewModel(c.field(), DesignPath.row(listPath, 0) + "." + c.key(), template))
                .toList();
        details.forEach(f -> f.retarget(null, null));
        selected.addListener((o, was, is) -> retargetDetails());
    }

    void attach(EditSession editSession) {
        this.session = editSession;
        details.forEach(f -> f.attach(editSession));
    }

    /** A stable id derived from the field's path, such as {@code persistence-data-elements}. */
    public String id() {
        return id;
    }

    /** The table's heading. */
    public String label() {
        return label;
    }

    /** The template's help for the table. */
    public String help() {
        return help;
    }

    /** The list's path in the design, such as {@code queries}. */
    public String listPath() {
        return listPath;
    }

    /** What one row is called in the Edit menu and on buttons, such as "query". */
    public String rowLabel() {
        return rowLabel;
    }

    /** The columns in template order. */
    public List<ColumnViewModel<R>> columns() {
        return columns;
    }

    /** The column with {@code key}. */
    public int columnIndex(String key) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).key().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    /** The options of an option column, in template order. */
    public List<dev.quorum.template.TemplateOption> options(int column) {
        return template.options(columns.get(column).field().options());
    }

    /** The rows, as records of the open design; rows that did not change keep their identity. */
    public ObservableList<R> rows() {
        return rows;
    }

    /** The selected row's index, -1 for none; the block fields follow it. */
    public IntegerProperty selectedProperty() {
        return selected;
    }

    /** Selects row {@code index}. */
    public void select(int index) {
        selected.set(index >= 0 && index < rows.size() ? index : -1);
    }

    /** The selected row's fields in full, for block tables whose values are too long for a cell. */
    public List<FieldViewModel> details() {
        return details;
    }

    /** The block field with {@code key}. */
    public FieldViewModel detail(String key) {
        return details.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no column " + key + " in " + label));
    }

    /** Findings inside the rows, by row index (-1 for findings on the table as a whole). */
    public ReadOnlyObjectProperty<Map<Integer, List<Finding>>> findingsProperty() {
        return findings.getReadOnlyProperty();
    }

    /** The findings of one cell. */
    public List<Finding> findingsAt(int row, String key) {
        List<Finding> inRow = findings.get().getOrDefault(row, List.of());
        if (inRow.isEmpty()) {
            return List.of();
        }
        String cell = DesignPath.row(listPath, row) + "." + key;
        return inRow.stream().filter(f -> f.location().path().equals(cell) || f.location().path().startsWith(cell + "[")
                || f.location().path().startsWith(cell + ".")).toList();
    }

    /** The findings of a whole row, its cells included. */
    public List<Finding> findingsAt(int row) {
        return findings.get().getOrDefault(row, List.of());
    }

    void showFindings(FindingsIndex index) {
        Map<Integer, List<Finding>> next = index.rows(listPath);
        if (!next.equals(findings.get())) {
            findings.set(next);
        }
        int row = selected.get();
        for (FieldViewModel f : details) {
            f.showFindings(row < 0 ? List.of() : index.at(f.path()));
        }
    }

    /** The value in a cell, as shown. */
    public DisplayValue cell(int row, int column) {
        return display(rows.get(row), column);
    }

    /** How {@code row} shows in {@code column}, computed once per row record. */
    public DisplayValue display(R row, int column) {
        DisplayValue[] values = shown.computeIfAbsent(row, r -> new DisplayValue[columns.size()]);
        DisplayValue v = values[column];
        if (v == null) {
            v = columns.get(column).value().apply(row);
            values[column] = v;
        }
        return v;
    }

    /** A cell's value as the user edits it. */
    public String cellText(int row, int column) {
        return ValueCodec.format(columns.get(column).raw().apply(rows.get(row)));
    }

    /** Every shown value of one column, top to bottom. */
    public List<String> columnTexts(int column) {
        List<String> out = new ArrayList<>();
        for (R r : rows) {
            out.add(display(r, column).text());
        }
        return out;
    }

    /** Sets a cell from typed text. */
    public void commit(int row, int column, String typed) {
        if (session == null || row < 0 || row >= rows.size()) {
            return;
        }
        ColumnViewModel<R> c = columns.get(column);
        String path = DesignPath.row(listPath, row) + "." + c.key();
        Class<?> type = DesignPath.parse(path).valueType(Design.class);
        Object value = c.field().kind() == dev.quorum.template.FieldKind.CHOICE
                || c.field().kind() == dev.quorum.template.FieldKind.BOOLEAN
                ? ValueCodec.option(type, typed) : ValueCodec.parse(type, typed);
        session.set(path, value, c.label() + " of " + rowLabel + " " + (row + 1));
        session.seal();
    }

    /** Adds an empty row after the selected one (or at the end) and selects it. */
    public int addRow() {
        int at = selected.get() >= 0 ? selected.get() + 1 : rows.size();
        if (session != null) {
            session.insertRow(listPath, at, DesignPath.emptyRecord(rowType), rowLabel);
            select(at);
        }
        return at;
    }

    /** Removes the selected row; the one below it (or above, at the end) becomes selected. */
    public void removeSelected() {
        int at = selected.get();
        if (session != null && at >= 0 && at < rows.size()) {
            session.removeRow(listPath, at, rowLabel);
            select(Math.min(at, rows.size() - 1));
        }
    }

    /** Moves the selected row up ({@code -1}) or down ({@code +1}) and keeps it selected. */
    public void moveSelected(int delta) {
        int from = selected.get();
        int to = from + delta;
        if (session != null && from >= 0 && to >= 0 && to < rows.size()) {
            session.moveRow(listPath, from, to, rowLabel);
            select(to);
        }
    }

    /** Shows the design's rows, replacing only those that changed so that the table keeps its place. */
    @SuppressWarnings("unchecked")
    void show(Design newDesign) {
        this.design = newDesign;
        List<R> next = (List<R>) DesignPath.parse(listPath).get(newDesign);
        next = next == null ? List.of() : next;
        replaceChanged(next);
        if (shown.size() > 2 * rows.size() + 16) {
            Map<Object, DisplayValue[]> kept = new IdentityHashMap<>();
            for (R r : rows) {
                DisplayValue[] v = shown.get(r);
                if (v != null) {
                    kept.put(r, v);
                }
            }
            shown = kept;
        }
        if (selected.get() >= rows.size()) {
            selected.set(rows.size() - 1);
        } else if (selected.get() < 0 && !rows.isEmpty() && !details.isEmpty()) {
            selected.set(0);
        }
        retargetDetails();
    }

    /**
     * Makes the rows equal to {@code next} with as few list changes as possible: the unchanged rows at both
     * ends keep their identity, and the changed middle is one replacement, so that inserting a row into a
     * 400-row table is one change for the table, not 400.
     */
    private void replaceChanged(List<R> next) {
        int oldSize = rows.size();
        int newSize = next.size();
        int head = 0;
        while (head < oldSize && head < newSize && rows.get(head) == next.get(head)) {
            head++;
        }
        if (head == oldSize && head == newSize) {
            return;
        }
        int tail = 0;
        while (tail < oldSize - head && tail < newSize - head
                && rows.get(oldSize - 1 - tail) == next.get(newSize - 1 - tail)) {
            tail++;
        }
        int oldEnd = oldSize - tail;
        int newEnd = newSize - tail;
        if (oldEnd - head == 1 && newEnd - head == 1) {
            rows.set(head, next.get(head));
        } else if (oldEnd == head) {
            rows.addAll(head, next.subList(head, newEnd));
        } else if (newEnd == head) {
            rows.remove(head, oldEnd);
        } else {
            List<R> replacement = new ArrayList<>(next.subList(head, newEnd));
            rows.remove(head, oldEnd);
            rows.addAll(head, replacement);
        }
    }

    private void retargetDetails() {
        int row = selected.get();
        for (FieldViewModel f : details) {
            if (row >= 0 && row < rows.size() && design != null) {
                f.retarget(DesignPath.row(listPath, row) + "." + f.key(), design);
            } else {
                f.retarget(null, design);
            }
        }
    }
}
