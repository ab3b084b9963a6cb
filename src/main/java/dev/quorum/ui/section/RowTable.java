package dev.quorum.ui.section;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TablePosition;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * An editable table with its heading and row buttons. Everything works from the keyboard: arrows move
 * between cells, typing or F2/Enter edits the cell, Insert adds a row, Delete removes the selected row,
 * Alt+Up and Alt+Down move it. Each of these is one undoable edit.
 */
final class RowTable<R> {

    static final KeyCombination ADD = KeyCombination.keyCombination("Insert");
    static final KeyCombination ADD_ALT = KeyCombination.keyCombination("Shortcut+Shift+N");
    static final KeyCombination REMOVE = KeyCombination.keyCombination("Delete");
    static final KeyCombination MOVE_UP = KeyCombination.keyCombination("Alt+Up");
    static final KeyCombination MOVE_DOWN = KeyCombination.keyCombination("Alt+Down");

    private final TableViewModel<R> model;
    private final List<String> keys;
    private final TableView<R> table = new TableView<>();
    private final VBox root;

    /** A table over the columns {@code keys} of {@code model}; every column when {@code keys} is empty. */
    RowTable(TableViewModel<R> model, List<String> keys) {
        this.model = model;
        this.keys = keys.isEmpty() ? model.columns().stream().map(ColumnViewModel::key).toList() : List.copyOf(keys);
        table.setItems(model.rows());
        table.setId("table-" + model.id());
        table.setEditable(true);
        table.getStyleClass().add("edit-table");
        table.getSelectionModel().setCellSelectionEnabled(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label("No " + plural(model.rowLabel()) + " yet. Press Insert or “Add” to add one.");
        placeholder.getStyleClass().add("not-specified");
        table.setPlaceholder(placeholder);
        for (String key : this.keys) {
            int index = model.columnIndex(key);
            if (index < 0) {
                throw new IllegalArgumentException("no column " + key + " in " + model.label());
            }
            table.getColumns().add(column(index));
        }
        wireSelection();
        wireKeys();
        // New findings restyle the cells: each cell follows the model's findings itself (see EditCell), so that only
        // the cells whose findings changed are touched, not every cell rebuilt.
        weighColumns();
        // Column weights follow the content loosely: once per pulse at most, and only when rows come or go.
        model.rows().addListener((ListChangeListener<R>) change -> {
            while (change.next()) {
                if (change.wasAdded() != change.wasRemoved() || change.getAddedSize() != change.getRemovedSize()) {
                    scheduleWeighing();
                    return;
                }
            }
        });
        table.widthProperty().addListener((o, was, is) -> scheduleWeighing());
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(this::estimateHeight, model.rows(),
                table.widthProperty()));
        table.setMinHeight(Region.USE_PREF_SIZE);

        Label heading = SectionView.heading(model.label(), model.help(), "table-heading");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        String row = model.rowLabel();
        Button add = button("+ Add " + row, "add", "Add a " + row + " below the selected one (Insert)", model::addRow);
        Button remove = button("Remove", "remove", "Remove the selected " + row + " (Delete); Ctrl+Z brings it back",
                model::removeSelected);
        Button up = button("↑", "up", "Move the selected " + row + " up (Alt+Up)", () -> model.moveSelected(-1));
        Button down = button("↓", "down", "Move the selected " + row + " down (Alt+Down)", () -> model.moveSelected(1));
        remove.disableProperty().bind(model.selectedProperty().lessThan(0));
        up.disableProperty().bind(model.selectedProperty().lessThan(1));
        down.disableProperty().bind(Bindings.createBooleanBinding(
                () -> model.selectedProperty().get() < 0 || model.selectedProperty().get() >= model.rows().size() - 1,
                model.selectedProperty(), model.rows()));
        HBox bar = new HBox(6, heading, spacer, add, remove, up, down);
        bar.setAlignment(Pos.BOTTOM_LEFT);
        bar.getStyleClass().add("table-bar");
        root = new VBox(4, bar, table);
        root.getStyleClass().add("row-table");
    }

    private Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId("table-" + model.id() + "-" + id);
        b.getStyleClass().add("row-button");
        SectionView.help(b, tip);
        b.setOnAction(e -> {
            action.run();
            focusSelected();
        });
        return b;
    }

    private TableColumn<R, R> column(int index) {
        ColumnViewModel<R> c = model.columns().get(index);
        TableColumn<R, R> column = new TableColumn<>();
        Label header = new Label(c.label());
        header.setWrapText(true);
        header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        header.maxWidthProperty().bind(column.widthProperty().subtract(8));
        SectionView.help(header, c.help().isBlank() ? c.label() : c.label() + ": " + c.help());
        column.setGraphic(header);
        column.setId(c.key());
        column.setSortable(false);
        column.setReorderable(false);
        column.setEditable(true);
        column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue()));
        column.setCellFactory(col -> new EditCell<>(model, index, col));
        return column;
    }

    private void wireSelection() {
        table.getFocusModel().focusedCellProperty().addListener((o, was, cell) -> {
            if (cell != null && cell.getRow() >= 0 && cell.getRow() != model.selectedProperty().get()) {
                model.select(cell.getRow());
            }
        });
        model.selectedProperty().addListener((o, was, row) -> selectRow(row.intValue()));
        selectRow(model.selectedProperty().get());
    }

    private void selectRow(int row) {
        TablePosition<R, ?> focused = table.getFocusModel().getFocusedCell();
        if (row < 0 || row >= model.rows().size()) {
            table.getSelectionModel().clearSelection();
            return;
        }
        if (focused != null && focused.getRow() == row && table.getSelectionModel().isSelected(row, focused.getTableColumn())) {
            return;
        }
        TableColumn<R, ?> column = focused != null && focused.getTableColumn() != null ? focused.getTableColumn()
                : table.getColumns().get(0);
        table.getSelectionModel().clearAndSelect(row, column);
        table.getFocusModel().focus(row, column);
    }

    @SuppressWarnings("unchecked")
    private void wireKeys() {
        table.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (table.getEditingCell() != null) {
                return;
            }
            if (ADD.match(e) || ADD_ALT.match(e)) {
                model.addRow();
                focusSelected();
            } else if (REMOVE.match(e)) {
                model.removeSelected();
                focusSelected();
            } else if (MOVE_UP.match(e)) {
                model.moveSelected(-1);
                focusSelected();
            } else if (MOVE_DOWN.match(e)) {
                model.moveSelected(1);
                focusSelected();
            } else if (e.getCode() == KeyCode.F2 || e.getCode() == KeyCode.ENTER && !e.isShortcutDown()) {
                TablePosition<R, ?> cell = table.getFocusModel().getFocusedCell();
                if (cell != null && cell.getRow() >= 0) {
                    table.edit(cell.getRow(), (TableColumn<R, ?>) cell.getTableColumn());
                }
            } else {
                return;
            }
            e.consume();
        });
        table.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            String c = e.getCharacter();
            if (e.isShortcutDown() || e.isAltDown() || c.isEmpty() || Character.isISOControl(c.charAt(0))) {
                return;
            }
            if (table.getEditingCell() != null) {
                // Keys typed before the new cell's field exists join the characters it will start with.
                if (e.getTarget() == table && table.getProperties().get(EditCell.SEED) instanceof String typed) {
                    table.getProperties().put(EditCell.SEED, typed + c);
                    e.consume();
                }
                return;
            }
            TablePosition<R, ?> cell = table.getFocusModel().getFocusedCell();
            if (cell == null || cell.getRow() < 0 || cell.getTableColumn() == null) {
                return;
            }
            // The typed character becomes the start of the cell's text; the cell takes it when it starts editing,
            // even if the table has to create that cell first (a row added a moment ago).
            table.getProperties().put(EditCell.SEED, c);
            table.edit(cell.getRow(), (TableColumn<R, ?>) cell.getTableColumn());
            e.consume();
        });
    }

    /** Focuses the table on the selected row, so the keyboard keeps working after a button. */
    void focusSelected() {
        int row = model.selectedProperty().get();
        table.requestFocus();
        if (row >= 0) {
            selectRow(row);
            table.scrollTo(Math.max(0, row - 2));
        }
    }

    /**
     * Scrolls so that {@code row} shows two rows below the top, unless it already shows between other rows. Undo and
     * redo reveal the row they changed; scrolling to it every time made a table whose rows were just measured again
     * measure every row up to it on each step, and moved a table the user was looking at for nothing.
     */
    private void bringIntoView(int row) {
        if (table.lookup(".virtual-flow") instanceof javafx.scene.control.skin.VirtualFlow<?> flow) {
            javafx.scene.control.IndexedCell<?> first = flow.getFirstVisibleCell();
            javafx.scene.control.IndexedCell<?> last = flow.getLastVisibleCell();
            if (first != null && last != null && first.getIndex() < row && row < last.getIndex()) {
                return;
            }
        }
        table.scrollTo(Math.max(0, row - 2));
    }

    /** Selects a row and focuses (and, when {@code edit}, starts editing) the cell of column {@code key}. */
    @SuppressWarnings("unchecked")
    boolean reveal(int row, String key, boolean edit) {
        if (row < 0 || row >= model.rows().size()) {
            table.requestFocus();
            return true;
        }
        model.select(row);
        bringIntoView(row);
        table.requestFocus();
        TableColumn<R, ?> column = table.getColumns().stream().filter(c -> c.getId().equals(key)).findFirst()
                .orElse(null);
        if (column != null) {
            table.getSelectionModel().clearAndSelect(row, column);
            table.getFocusModel().focus(row, column);
            if (edit) {
                table.edit(row, (TableColumn<R, ?>) column);
            }
            return true;
        }
        return false;
    }

    /** True when the table shows column {@code key}. */
    boolean shows(String key) {
        return keys.contains(key);
    }

    TableView<R> table() {
        return table;
    }

    Node root() {
        return root;
    }

    TableViewModel<R> model() {
        return model;
    }

    private static String plural(String noun) {
        if (noun.endsWith("y") && !noun.endsWith("ey")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.endsWith("data")) {
            return noun + " rows";
        }
        return noun.endsWith("s") ? noun : noun + "s";
    }

    private boolean weighingScheduled;

    private void scheduleWeighing() {
        if (!weighingScheduled) {
            weighingScheduled = true;
            javafx.application.Platform.runLater(() -> {
                weighingScheduled = false;
                weighColumns();
            });
        }
    }

    /**
     * Gives wordy columns more room (the constrained resize policy keeps the proportions of the pref widths)
     * and makes each column at least as wide as its longest word, within reason.
     */
    private void weighColumns() {
        int n = table.getColumns().size();
        double[] minimum = new double[n];
        double sum = 0;
        int sample = Math.min(model.rows().size(), 30);
        for (int i = 0; i < n; i++) {
            ColumnViewModel<R> column = model.columns().get(model.columnIndex(keys.get(i)));
            double total = column.label().length();
            int word = column.label().length() <= 14 ? column.label().length() : 0;
            for (String w : column.label().split("\\s+")) {
                word = Math.max(word, w.length());
            }
            for (int r = 0; r < sample; r++) {
                DisplayValue v = model.display(model.rows().get(r), model.columnIndex(keys.get(i)));
                total += Math.max(v.shown().length(), v.detail().length() * 0.8);
                for (String w : v.shown().split("\\s+")) {
                    word = Math.max(word, w.length());
                }
            }
            double average = total / (sample + 1);
            table.getColumns().get(i).setPrefWidth(Math.max(70, Math.min(360, 40 + average * 5)));
            minimum[i] = Math.max(56, Math.min(150, 22 + 7.2 * word));
            sum += minimum[i];
        }
        double available = (table.getWidth() > 0 ? table.getWidth() : 520) - 20;
        double scale = sum > available ? available / sum : 1;
        double prefSum = 0;
        for (int i = 0; i < n; i++) {
            table.getColumns().get(i).setMinWidth(Math.max(48, minimum[i] * scale));
            prefSum += table.getColumns().get(i).getPrefWidth();
        }
        // The constrained policy does not always shrink columns whose preferred widths add up to more than the
        // table has, and the last column then falls off the right edge; the preferred widths are scaled to fit.
        if (prefSum > available) {
            for (int i = 0; i < n; i++) {
                TableColumn<R, ?> c = table.getColumns().get(i);
                c.setPrefWidth(Math.max(c.getMinWidth(), c.getPrefWidth() * available / prefSum));
            }
        }
    }

    private double estimateHeight() {
        double height = 44;
        int rows = model.rows().size();
        int measured = Math.min(rows, 24);
        for (int r = 0; r < measured; r++) {
            int lines = 1;
            for (int i = 0; i < table.getColumns().size(); i++) {
                ColumnViewModel<R> c = model.columns().get(model.columnIndex(keys.get(i)));
                TableColumn<R, ?> column = table.getColumns().get(i);
                double width = column.getWidth() > 0 ? column.getWidth() : column.getPrefWidth();
                double charsPerLine = Math.max(6, (width - 14) / 7.4);
                DisplayValue v = model.display(model.rows().get(r), model.columnIndex(keys.get(i)));
                int l = (int) Math.ceil(Math.max(1, v.shown().length()) / charsPerLine);
                if (!v.detail().isBlank()) {
                    l += (int) Math.ceil(v.detail().length() / charsPerLine);
                }
                lines = Math.max(lines, l);
            }
            height += 10 + lines * 17.5;
        }
        return Math.max(110, Math.min(460, height + 6));
    }
}
