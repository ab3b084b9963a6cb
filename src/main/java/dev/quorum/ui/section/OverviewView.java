package dev.quorum.ui.section;

import java.util.List;
import javafx.application.Platform;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

/** Edits the design as a whole: its name and summary, and the rule settings table. */
public final class OverviewView {

    private final FieldEditor name;
    private final FieldEditor summary;
    private final RowTable<?> rules;
    private final GridPane form = new GridPane();

    public OverviewView(OverviewViewModel model) {
        name = FieldEditor.create(model.name(), "field-name");
        summary = FieldEditor.create(model.summary(), "field-summary");
        rules = new RowTable<>(model.ruleSettings(), List.of());
        form.getStyleClass().add("form");
        form.setHgap(14);
        form.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setPrefWidth(190);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (FieldEditor e : List.of(name, summary)) {
            Label label = SectionView.heading(e.model().label(), e.model().help(), "field-label");
            label.setLabelFor(e.control());
            GridPane.setValignment(label, VPos.TOP);
            form.addRow(row++, label, e.node());
        }
    }

    /** The name and summary form. */
    public Node form() {
        return form;
    }

    /** The rule settings table with its heading and buttons. */
    public Node ruleSettings() {
        return rules.root();
    }

    /** Focuses the field at {@code path} (name, summary, validation.rules[i].x); false when it is not here. */
    public boolean reveal(String path) {
        if (path.equals("name") || path.isEmpty()) {
            Platform.runLater(() -> name.focus(0));
            return true;
        }
        if (path.equals("summary")) {
            Platform.runLater(() -> summary.focus(0));
            return true;
        }
        String list = rules.model().listPath();
        if (path.startsWith(list)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(\\d+)](?:\\.([a-z_]+))?.*")
                    .matcher(path.substring(list.length()));
            int row = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            String key = m.matches() && m.group(2) != null ? m.group(2) : "rule";
            return rules.reveal(row, key, false);
        }
        return false;
    }
}
