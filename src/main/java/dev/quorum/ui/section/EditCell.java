package dev.quorum.ui.section;

import dev.quorum.template.TemplateOption;
import dev.quorum.ui.edit.ValueCodec;
import dev.quorum.ui.problems.FindingDecorations;
import dev.quorum.ui.problems.FindingsIndex;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

/**
 * A table cell that shows a value (wrapping, with a quantity's parsed value or problem underneath, and
 * marked when a finding points at it) and edits it in place: a text field, or an option list for options.
 * Enter or leaving the cell commits, Escape cancels, Tab moves on to the next cell.
 */
final class EditCell<R> extends TableCell<R, R> {

    /** The table property that carries a typed character into the cell that starts editing. */
    static final String SEED = "quorum.edit-seed";
    /**
     * The table property that keeps the text being typed into a cell. The table rebuilds its cells when rows
     * change (a row added a moment ago, findings arriving); the rebuilt cell picks the typing up from here.
     */
    static final String DRAFT = "quorum.edit-draft";

    /** Text typed into the cell at {@code row}, {@code column} while it showed {@code item}. */
    record Draft(int row, int column, Object item, String text) {
    }

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("finding-error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("finding-warning");
    /** On the value's text when the field is not specified. */
    private static final PseudoClass UNSET = PseudoClass.getPseudoClass("unset");
    /** On the detail line when it reports a value that cannot be read. */
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final TableViewModel<R> model;
    private final int column;
    private final ColumnViewModel<R> spec;
    private final Text main = new Text();
    private final Text detail = new Text();
    private final VBox box = new VBox(2, main, detail);
    private Control editor;
    private String tip;
    private boolean committing;
    private DisplayValue shownValue;
    private List<Finding> shownFindings;
    // Held by the cell and registered weakly, so that cells the table drops are not kept alive by the model.
    private final javafx.beans.value.ChangeListener<Object> findingsChanged = (o, was, is) -> showFindings();

    EditCell(TableViewModel<R> model, int column, TableColumn<R, R> tableColumn) {
        addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
            if (tip != null && getTooltip() == null) {
                setTooltip(withDelay(new Tooltip(tip)));
            }
        });
        this.model = model;
        this.column = column;
        this.spec = model.columns().get(column);
        // Text rather than Label: Text reports the height it needs for a wrapping width, so rows grow to fit.
        main.wrappingWidthProperty().bind(tableColumn.widthProperty().subtract(14));
        detail.wrappingWidthProperty().bind(tableColumn.widthProperty().subtract(14));
        main.getStyleClass().add("cell-text");
        detail.getStyleClass().add("cell-detail");
        setText(null);
        model.findingsProperty().addListener(new javafx.beans.value.WeakChangeListener<>(findingsChanged));
    }

    @Override
    public void startEdit() {
        if (isEmpty() || getIndex() < 0 || getIndex() >= model.rows().size()) {
            return;
        }
        super.startEdit();
        if (!isEditing()) {
            return;
        }
        editor = spec.kind() == dev.quorum.template.FieldKind.CHOICE ? combo() : textField();
        setGraphic(editor);
        Object carried = getTableView().getProperties().remove(SEED);
        String typed = carried instanceof String t ? t : null;
        if (typed == null && getTableView().getProperties().get(DRAFT) instanceof Draft d && d.row() == getIndex()
                && d.column() == column && d.item() == getItem()) {
            typed = d.text();
        }
        // Synchronously: a fast typist's next key must already land in the field, not in the table. A cell that the
        // table has just rebuilt (the row's record was replaced by the previous commit) is not in the scene yet, so
        // it takes the focus as soon as it is.
        Control focusTarget = editor;
        if (focusTarget.getScene() != null) {
            focusTarget.requestFocus();
        } else {
            focusTarget.sceneProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override
                public void changed(javafx.beans.value.ObservableValue<? extends javafx.scene.Scene> o,
                        javafx.scene.Scene was, javafx.scene.Scene now) {
                    if (now != null) {
                        o.removeListener(this);
                        if (editor == focusTarget && isEditing()) {
                            focusTarget.requestFocus();
                        }
                    }
                }
            });
        }
        if (editor instanceof TextField t && typed != null) {
            t.setText(typed);
            t.end();
        } else if (editor instanceof TextField t) {
            t.selectAll();
        } else if (editor instanceof ComboBox<?> c) {
            Platform.runLater(c::show);
        }
    }

    private TextField textField() {
        TextField field = new TextField(model.cellText(getIndex(), column));
        field.getStyleClass().add("cell-editor");
        Object shown = getItem();
        int row = getIndex();
        field.textProperty().addListener((o, was, now) -> {
            if (getTableView() != null) {
                getTableView().getProperties().put(DRAFT, new Draft(row, column, shown, now));
            }
        });
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                commit(field.getText(), 0);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                var table = getTableView();
                table.getProperties().remove(DRAFT);
                cancelEdit();
                table.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                commit(field.getText(), e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, is) -> {
            if (!is && isEditing() && !committing) {
                commit(field.getText(), 0);
            }
        });
        return field;
    }

    private ComboBox<TemplateOption> combo() {
        List<TemplateOption> options = new ArrayList<>();
        options.add(FieldEditor.NONE);
        options.addAll(model.options(column));
        ComboBox<TemplateOption> combo = new ComboBox<>();
        combo.getItems().setAll(options);
        combo.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateOption o, boolean empty) {
                super.updateItem(o, empty);
                setText(empty || o == null ? null : o.label());
                setTooltip(empty || o == null || o.help().isBlank() ? null : SectionView.tooltip(o.help()));
            }
        });
        combo.setButtonCell(combo.getCellFactory().call(null));
        String current = ValueCodec.optionId(spec.raw().apply(getItem()));
        combo.setValue(options.stream().filter(o -> o.id().equals(current == null ? "" : current)).findFirst()
                .orElse(FieldEditor.NONE));
        combo.setMaxWidth(Double.MAX_VALUE);
        combo.setOnAction(e -> {
            if (isEditing() && !committing) {
                TemplateOption chosen = combo.getValue();
                commit(chosen == null ? "" : chosen.id(), 0);
            }
        });
        combo.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                var table = getTableView();
                table.getProperties().remove(DRAFT);
                cancelEdit();
                table.requestFocus();
                e.consume();
            } else if (e.getCode() == KeyCode.TAB) {
                TemplateOption chosen = combo.getValue();
                commit(chosen == null ? "" : chosen.id(), e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
        combo.focusedProperty().addListener((o, was, is) -> {
            if (!is && isEditing() && !committing && !combo.isShowing()) {
                TemplateOption chosen = combo.getValue();
                commit(chosen == null ? "" : chosen.id(), 0);
            }
        });
        return combo;
    }

    private void commit(String text, int move) {
        int row = getIndex();
        var table = getTableView();
        table.getProperties().remove(DRAFT);
        committing = true;
        try {
            cancelEdit();
            model.commit(row, column, text);
        } finally {
            committing = false;
        }
        table.requestFocus();
        if (move != 0) {
            int next = column + move;
            if (next >= 0 && next < table.getColumns().size()) {
                table.getSelectionModel().clearAndSelect(row, table.getColumns().get(next));
                table.getFocusModel().focus(row, table.getColumns().get(next));
                table.edit(row, table.getColumns().get(next));
            }
        } else {
            table.getSelectionModel().clearAndSelect(row, getTableColumn());
            table.getFocusModel().focus(row, getTableColumn());
        }
    }

    @Override
    public void cancelEdit() {
        super.cancelEdit();
        editor = null;
        showValue(getItem());
    }

    @Override
    protected void updateItem(R item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            setTooltip(null);
            tip = null;
            shownValue = null;
            shownFindings = null;
            pseudoClassStateChanged(ERROR, false);
            pseudoClassStateChanged(WARNING, false);
            return;
        }
        if (isEditing() && editor != null) {
            setGraphic(editor);
            return;
        }
        showValue(item);
    }

    private void showValue(R item) {
        if (item == null) {
            setGraphic(null);
            shownValue = null;
            return;
        }
        DisplayValue value = model.display(item, column);
        main.setText(value.shown());
        // Pseudo-classes, not style classes: JavaFX measures rows by moving one spare cell over them, and a changed
        // style class makes it look up every style of that cell again, a changed pseudo-class only switches state.
        main.pseudoClassStateChanged(UNSET, value.isEmpty());
        detail.setText(value.detail());
        detail.pseudoClassStateChanged(PROBLEM, value.problem());
        boolean hasDetail = !value.detail().isBlank();
        detail.setVisible(hasDetail);
        detail.setManaged(hasDetail);
        setGraphic(box);
        shownValue = value;
        shownFindings = null;
        showFindings();
    }

    /**
     * Marks the cell with the findings now pointing at it. New findings come here rather than through a refresh of
     * the table, which would rebuild every cell of a 400-row table and repaint it whole; a cell whose findings did
     * not change is left alone.
     */
    private void showFindings() {
        DisplayValue value = shownValue;
        if (value == null || isEmpty() || getItem() == null || isEditing()) {
            return;
        }
        List<Finding> findings = getIndex() < 0 ? List.of() : model.findingsAt(getIndex(), spec.key());
        if (findings.equals(shownFindings)) {
            return;
        }
        shownFindings = findings;
        Severity worst = FindingsIndex.worst(findings);
        pseudoClassStateChanged(ERROR, worst == Severity.ERROR);
        pseudoClassStateChanged(WARNING, worst == Severity.WARNING);
        String help = spec.help().isBlank() ? spec.label() : spec.label() + ": " + spec.help();
        // The tooltip is made when the mouse arrives: a table of 400 rows with findings would otherwise build a
        // popup window per cell on every refresh.
        tip = !findings.isEmpty() ? FindingDecorations.describe(findings) : value.problem() ? value.detail() : null;
        setTooltip(null);
        setAccessibleText(spec.label() + ": " + value.shown() + (findings.isEmpty() ? "" : ", " + findings.size()
                + " finding" + (findings.size() == 1 ? "" : "s")) + ". " + help);
    }

    /**
     * Gives a text its style classes, touching them only when they differ: a new list of style classes makes the
     * text's CSS be worked out again, and every cell a scroll or a row change shows used to pay for that.
     */
    private static Tooltip withDelay(Tooltip t) {
        t.setWrapText(true);
        t.setMaxWidth(520);
        t.setShowDelay(javafx.util.Duration.millis(300));
        return t;
    }
}
