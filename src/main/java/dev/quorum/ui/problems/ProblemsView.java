package dev.quorum.ui.problems;

import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The problems panel: every finding in a sortable table (severity, section, where, message, rule), a filter,
 * and toggles with counts per severity. Double-click or Enter opens the finding's field; hovering a row
 * shows its fix.
 */
public final class ProblemsView {

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    private static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");
    private static final PseudoClass INFO = PseudoClass.getPseudoClass("info");

    private final ProblemsViewModel model;
    private final TableView<Finding> table = new TableView<>();
    private final VBox root;
    private Consumer<Finding> onOpen = f -> { };

    public ProblemsView(ProblemsViewModel model) {
        this.model = model;
        SortedList<Finding> sorted = new SortedList<>(model.visible());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("problems-table");
        table.getStyleClass().add("problems-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label("No problems match.");
        placeholder.getStyleClass().add("not-specified");
        table.setPlaceholder(placeholder);

        TableColumn<Finding, Severity> severity = new TableColumn<>("Severity");
        severity.setId("severity");
        severity.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(cd.getValue().severity()));
        severity.setComparator(ProblemsViewModel.severityOrder());
        severity.setCellFactory(c -> new SeverityCell());
        severity.setPrefWidth(100);
        severity.setMinWidth(95);
        TableColumn<Finding, String> section = text("Section", "section", model::sectionTitle);
        section.setComparator(model.sectionOrder());
        section.setPrefWidth(170);
        TableColumn<Finding, String> where = text("Where", "where",
                f -> f.location().item().isBlank() ? f.location().path() : f.location().item());
        where.setPrefWidth(230);
        TableColumn<Finding, String> rule = text("Rule", "rule", Finding::ruleId);
        rule.setPrefWidth(250);
        TableColumn<Finding, String> message = text("Message", "message", Finding::message);
        message.setPrefWidth(520);
        table.getColumns().add(severity);
        table.getColumns().add(section);
        table.getColumns().add(where);
        table.getColumns().add(rule);
        table.getColumns().add(message);
        table.getSortOrder().add(severity);

        table.setRowFactory(t -> new FindingRow());
        table.setOnKeyPressed(e -> {
            Finding f = table.getSelectionModel().getSelectedItem();
            if (e.getCode() == KeyCode.ENTER && f != null) {
                onOpen.accept(f);
                e.consume();
            }
        });

        Label title = new Label("Problems");
        title.getStyleClass().add("pane-title-text");
        title.setMinWidth(Region.USE_PREF_SIZE);
        ToggleButton errors = toggle("problems-errors", "error", model.showErrorsProperty(), model.errorsProperty(), "errors");
        ToggleButton warnings = toggle("problems-warnings", "warning", model.showWarningsProperty(), model.warningsProperty(),
                "warnings");
        ToggleButton infos = toggle("problems-infos", "info", model.showInfosProperty(), model.infosProperty(), "infos");
        TextField filter = new TextField();
        filter.setId("problems-filter");
        filter.setPromptText("Filter by message, rule, field or section");
        filter.textProperty().bindBidirectional(model.filterProperty());
        filter.setPrefColumnCount(22);
        filter.setMinWidth(80);
        HBox.setHgrow(filter, Priority.SOMETIMES);
        Label shown = new Label();
        shown.getStyleClass().add("section-digest");
        shown.setMinWidth(Region.USE_PREF_SIZE);
        shown.textProperty().bind(Bindings.createStringBinding(() -> sorted.size() + " shown", sorted));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, title, errors, warnings, infos, spacer, shown, filter);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("problems-bar");
        root = new VBox(bar, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        root.setId("problems-pane");
        root.getStyleClass().add("problems-pane");
    }

    private ToggleButton toggle(String id, String style, javafx.beans.property.BooleanProperty shown,
            javafx.beans.property.ReadOnlyIntegerProperty count, String noun) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.getStyleClass().addAll("count-badge", "count-" + style);
        b.textProperty().bind(Bindings.createStringBinding(() -> count.get() + " " + (count.get() == 1
                ? noun.substring(0, noun.length() - 1) : noun), count));
        b.selectedProperty().bindBidirectional(shown);
        b.setTooltip(new Tooltip("Show or hide " + noun));
        b.setMinWidth(Region.USE_PREF_SIZE);
        return b;
    }

    private static TableColumn<Finding, String> text(String title, String id, java.util.function.Function<Finding, String> value) {
        TableColumn<Finding, String> column = new TableColumn<>(title);
        column.setId(id);
        column.setCellValueFactory(cd -> new ReadOnlyStringWrapper(value.apply(cd.getValue())));
        return column;
    }

    /** What happens when the user opens a finding (double-click or Enter): the window jumps to its field. */
    public void setOnOpen(Consumer<Finding> handler) {
        this.onOpen = handler;
    }

    /** The panel's root node. */
    public Node root() {
        return root;
    }

    /** The findings table, for tests. */
    public TableView<Finding> table() {
        return table;
    }

    /** A row whose tooltip is the message and the fix, and which opens its finding on double-click. */
    private final class FindingRow extends TableRow<Finding> {
        FindingRow() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    onOpen.accept(getItem());
                }
            });
            // The fix shows on hover; the tooltip is made then, not for every row on every refresh.
            addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, e -> {
                Finding f = getItem();
                if (f != null && getTooltip() == null) {
                    setTooltip(tooltipFor(f));
                }
            });
        }

        @Override
        protected void updateItem(Finding f, boolean empty) {
            super.updateItem(f, empty);
            pseudoClassStateChanged(ERROR, !empty && f != null && f.severity() == Severity.ERROR);
            pseudoClassStateChanged(WARNING, !empty && f != null && f.severity() == Severity.WARNING);
            pseudoClassStateChanged(INFO, !empty && f != null && f.severity() == Severity.INFO);
            setTooltip(null);
            if (!empty && f != null && isHover()) {
                setTooltip(tooltipFor(f));
            }
        }
    }

    /** The finding's message, its fix, its rule and where it points. */
    static Tooltip tooltipFor(Finding f) {
        Tooltip tip = new Tooltip(f.message() + (f.fix().isBlank() ? "" : "\n\nFix: " + f.fix())
                + "\n\n" + f.ruleId() + " · " + (f.location().path().isBlank() ? "design" : f.location().path())
                + (f.location().textLine() > 0 ? " line " + f.location().textLine() : "")
                + "\nDouble-click to go to the field.");
        tip.setWrapText(true);
        tip.setMaxWidth(560);
        tip.setShowDelay(javafx.util.Duration.millis(300));
        return tip;
    }

    /** The severity as a word with a symbol, so it never relies on colour alone. */
    private static final class SeverityCell extends TableCell<Finding, Severity> {
        // Pseudo-classes, not style classes: a changed style class makes JavaFX look up every style of the cell
        // again, each time the table moves its spare measuring cell over a row of another severity.
        private static final java.util.Map<Severity, javafx.css.PseudoClass> STATES = java.util.Map.of(
                Severity.ERROR, javafx.css.PseudoClass.getPseudoClass("severity-error"),
                Severity.WARNING, javafx.css.PseudoClass.getPseudoClass("severity-warning"),
                Severity.INFO, javafx.css.PseudoClass.getPseudoClass("severity-info"));

        SeverityCell() {
            getStyleClass().add("severity-cell");
        }

        @Override
        protected void updateItem(Severity s, boolean empty) {
            super.updateItem(s, empty);
            STATES.forEach((severity, state) -> pseudoClassStateChanged(state, !empty && severity == s));
            if (empty || s == null) {
                setText(null);
                return;
            }
            setText(switch (s) {
                case ERROR -> "✖ error";
                case WARNING -> "▲ warning";
                case INFO -> "● info";
            });
        }
    }
}
