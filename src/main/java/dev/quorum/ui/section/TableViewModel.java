package dev.quorum.ui.section;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Rows shown as a table: the template field's label and help, the columns, and the rows (model records). */
public final class TableViewModel<R> {

    private final String id;
    private final String label;
    private final String help;
    private final List<ColumnViewModel<R>> columns;
    private final ObservableList<R> rows = FXCollections.observableArrayList();

    TableViewModel(String id, String label, String help, List<ColumnViewModel<R>> columns) {
        this.id = Objects.requireNonNull(id);
        this.label = label;
        this.help = help;
        this.columns = List.copyOf(columns);
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

    /** The columns in template order. */
    public List<ColumnViewModel<R>> columns() {
        return columns;
    }

    /** The rows; replaced as a whole when the design changes. */
    public ObservableList<R> rows() {
        return rows;
    }

    /** The value in a cell, as shown. */
    public DisplayValue cell(int row, int column) {
        return columns.get(column).value().apply(rows.get(row));
    }

    /** Every shown value of one column, top to bottom. */
    public List<String> columnTexts(int column) {
        List<String> out = new ArrayList<>();
        for (R r : rows) {
            out.add(columns.get(column).value().apply(r).text());
        }
        return out;
    }

    void setRows(List<R> newRows) {
        rows.setAll(newRows);
    }
}
