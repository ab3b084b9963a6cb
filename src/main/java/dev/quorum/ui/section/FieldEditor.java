package dev.quorum.ui.section;

import dev.quorum.template.FieldKind;
import dev.quorum.template.TemplateOption;
import dev.quorum.ui.editor.CodeEditor;
import dev.quorum.ui.editor.Highlighter;
import dev.quorum.ui.problems.FindingDecorations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The control that edits one {@link FieldViewModel}, chosen by the field's kind: a text field, a text area,
 * a quantity field with its parsed value beside it, an option list with each option's help as a tooltip,
 * or the SQL/JSON code editor. It shows the field's findings as decorations.
 */
public final class FieldEditor {

    /** The entry an option list shows for "nothing chosen". */
    static final TemplateOption NONE = new TemplateOption("", "Not specified", "");
    private static final PseudoClass PROBLEM = PseudoClass.getPseudoClass("problem");

    private final FieldViewModel model;
    private final Node node;
    private final Control control;
    private final CodeEditor code;

    private FieldEditor(FieldViewModel model, Node node, Control control, CodeEditor code) {
        this.model = model;
        this.node = node;
        this.control = control;
        this.code = code;
    }

    /** Builds the editor for {@code f}; {@code id} names its control for tests and for jumping to findings. */
    public static FieldEditor create(FieldViewModel f, String id) {
        FieldKind kind = f.kind();
        if (kind == FieldKind.SQL || kind == FieldKind.JSON) {
            CodeEditor editor = new CodeEditor(kind == FieldKind.SQL ? Highlighter.SQL : Highlighter.JSON);
            editor.bind(f.textProperty());
            editor.area().setId(id);
            editor.root().setPrefHeight(kind == FieldKind.SQL ? 380 : 220);
            editor.root().disableProperty().bind(f.availableProperty().not());
            editor.area().focusedProperty().addListener((o, was, is) -> {
                if (!is) {
                    f.endEdit();
                }
            });
            Label summary = new Label();
            summary.getStyleClass().add("field-detail");
            summary.setWrapText(true);
            f.findingsProperty().addListener((o, was, list) -> {
                editor.showFindings(list);
                summary.setText(list.isEmpty() ? "" : CodeFindingsText.describe(list));
            });
            editor.showFindings(f.findings());
            summary.setText(f.findings().isEmpty() ? "" : CodeFindingsText.describe(f.findings()));
            summary.visibleProperty().bind(summary.textProperty().isNotEmpty());
            summary.managedProperty().bind(summary.visibleProperty());
            VBox box = new VBox(4, editor.root(), summary);
            return new FieldEditor(f, box, null, editor);
        }
        if (f.isChoice()) {
            return choice(f, id);
        }
        TextInputControl input;
        if (kind == FieldKind.MULTILINE) {
            TextArea area = new TextArea();
            area.setWrapText(true);
            area.setPrefRowCount(3);
            area.prefRowCountProperty().bind(javafx.beans.binding.Bindings.createIntegerBinding(
                    () -> Math.max(2, Math.min(10, (int) (area.getText().length() / 70.0) + (int) area.getText().lines().count())),
                    area.textProperty()));
            input = area;
        } else {
            input = new TextField();
        }
        input.setId(id);
        input.getStyleClass().add("field-input");
        input.textProperty().bindBidirectional(f.textProperty());
        input.setPromptText(prompt(f));
        input.disableProperty().bind(f.availableProperty().not());
        if (!f.help().isBlank()) {
            SectionView.help(input, f.help());
        }
        input.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                f.endEdit();
            }
        });
        decorate(input, f);
        Node node = input;
        if (isQuantity(kind)) {
            Label detail = detailLabel(f);
            detail.setId(id + "-value");
            detail.setMinWidth(Region.USE_PREF_SIZE);
            HBox row = new HBox(10, input, detail);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            HBox.setHgrow(input, Priority.ALWAYS);
            input.setMaxWidth(Double.MAX_VALUE);
            node = row;
        }
        return new FieldEditor(f, node, input, null);
    }

    private static FieldEditor choice(FieldViewModel f, String id) {
        ComboBox<TemplateOption> combo = new ComboBox<>();
        List<TemplateOption> items = new ArrayList<>();
        items.add(NONE);
        items.addAll(f.options());
        combo.getItems().setAll(items);
        combo.setId(id);
        combo.getStyleClass().add("field-choice");
        combo.setCellFactory(list -> new OptionCell());
        combo.setButtonCell(new OptionCell());
        combo.setValue(f.choiceProperty().get() == null ? NONE : f.choiceProperty().get());
        combo.valueProperty().addListener((o, was, chosen) -> {
            TemplateOption value = chosen == null || chosen == NONE ? null : chosen;
            if (!Objects.equals(value, f.choiceProperty().get())) {
                f.choiceProperty().set(value);
                f.endEdit();
            }
        });
        f.choiceProperty().addListener((o, was, chosen) -> {
            TemplateOption shown = chosen == null ? NONE : chosen;
            if (!Objects.equals(combo.getValue(), shown)) {
                combo.setValue(shown);
            }
        });
        combo.disableProperty().bind(f.availableProperty().not());
        if (!f.help().isBlank()) {
            SectionView.help(combo, f.help());
        }
        decorate(combo, f);
        Label detail = detailLabel(f);
        detail.setId(id + "-help");
        detail.setWrapText(true);
        VBox box = new VBox(3, combo, detail);
        return new FieldEditor(f, box, combo, null);
    }

    private static Label detailLabel(FieldViewModel f) {
        Label detail = new Label();
        detail.getStyleClass().add("field-detail");
        detail.textProperty().bind(f.detailProperty());
        detail.pseudoClassStateChanged(PROBLEM, f.problem());
        f.problemProperty().addListener((o, was, is) -> detail.pseudoClassStateChanged(PROBLEM, is));
        detail.visibleProperty().bind(f.detailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        return detail;
    }

    private static void decorate(Control control, FieldViewModel f) {
        f.findingsProperty().addListener((o, was, list) -> FindingDecorations.show(control, list));
        if (!f.findings().isEmpty()) {
            FindingDecorations.show(control, f.findings());
        }
    }

    private static String prompt(FieldViewModel f) {
        return switch (f.kind()) {
            case DURATION -> "a duration, for example 15 min";
            case SIZE -> "a size, for example 2 KB per row x 10M rows";
            case RATE -> "a rate, for example 200/s";
            case COUNT -> "a count, for example 10M";
            case LIST -> "names, separated by commas";
            default -> f.required() ? "Not specified (required)" : "Not specified";
        };
    }

    static boolean isQuantity(FieldKind kind) {
        return kind == FieldKind.DURATION || kind == FieldKind.SIZE || kind == FieldKind.RATE || kind == FieldKind.COUNT;
    }

    /** The field this editor edits. */
    public FieldViewModel model() {
        return model;
    }

    /** The node to lay out. */
    public Node node() {
        return node;
    }

    /** The control that takes focus; null for the code editor. */
    public Control control() {
        return control;
    }

    /** The code editor of a SQL or JSON field; null otherwise. */
    public CodeEditor code() {
        return code;
    }

    /** Focuses the editor; a code editor also moves to {@code line} when it is positive. */
    public void focus(int line) {
        if (code != null) {
            if (line > 0) {
                code.goToLine(line);
            } else {
                code.area().requestFocus();
            }
        } else {
            control.requestFocus();
            if (control instanceof TextInputControl t) {
                t.end();
            }
        }
    }

    /** The node whose position the scroll pane should bring into view. */
    public Node anchor() {
        return code != null ? code.root() : control;
    }

    /** An option in a list: its label, with the template's help as a tooltip. */
    private static final class OptionCell extends ListCell<TemplateOption> {
        @Override
        protected void updateItem(TemplateOption option, boolean empty) {
            super.updateItem(option, empty);
            if (empty || option == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(option.label());
            pseudoClassStateChanged(PseudoClass.getPseudoClass("none"), option == NONE);
            setTooltip(option.help().isBlank() ? null : SectionView.tooltip(option.help()));
        }
    }
}
