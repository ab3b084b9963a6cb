package dev.quorum.ui.section;

import java.util.List;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The read-only view of one template section: a header with the status, then the section's fields and
 * tables. Subclasses only lay out; every value comes from bindings to their {@link SectionViewModel}.
 */
public abstract class SectionView<M extends SectionViewModel> {

    private static final PseudoClass EMPTY = PseudoClass.getPseudoClass("empty");
    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");

    /** The view model this view binds to. */
    protected final M model;
    private ScrollPane root;

    protected SectionView(M model) {
        this.model = model;
    }

    /** The view's root node, built on first use. */
    public final Node root() {
        if (root == null) {
            VBox content = new VBox(10);
            content.getStyleClass().add("section-content");
            content.setPadding(new Insets(14, 18, 24, 18));
            content.getChildren().add(header());
            build(content);
            root = new ScrollPane(content);
            root.setFitToWidth(true);
            root.getStyleClass().add("section-view");
            root.setId("section-" + model.id());
        }
        return root;
    }

    /** The view model this view shows. */
    public final M model() {
        return model;
    }

    /** Adds the section's fields and tables below the header. */
    protected abstract void build(VBox content);

    private Node header() {
        Label title = new Label(model.title());
        title.getStyleClass().add("section-title");
        Label badge = badge(model);
        HBox titleRow = new HBox(12, title, badge);
        titleRow.setAlignment(javafx.geometry.Pos.BASELINE_LEFT);
        Label digest = new Label();
        digest.textProperty().bind(model.digestProperty());
        digest.getStyleClass().add("section-digest");
        digest.setWrapText(true);

        Label gapList = new Label();
        gapList.setWrapText(true);
        gapList.getStyleClass().add("gap-list");
        gapList.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", model.gaps().stream().map(g -> "• " + g).toList()), model.gaps()));
        TitledPane gaps = new TitledPane();
        gaps.setContent(gapList);
        gaps.setExpanded(false);
        gaps.getStyleClass().add("gap-pane");
        gaps.textProperty().bind(Bindings.createStringBinding(
                () -> "What this section lacks (" + model.gaps().size() + ")", model.gaps()));
        gaps.visibleProperty().bind(Bindings.isNotEmpty(model.gaps()));
        gaps.managedProperty().bind(gaps.visibleProperty());
        VBox header = new VBox(4, titleRow, digest, gaps);
        header.getStyleClass().add("section-header");
        return header;
    }

    /** A status badge: text, not colour alone, says whether the section is complete. */
    public static Label badge(SectionViewModel model) {
        Label badge = new Label();
        badge.getStyleClass().add("badge");
        badge.textProperty().bind(model.badgeProperty());
        badge.visibleProperty().bind(badge.textProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        badge.pseudoClassStateChanged(COMPLETE, model.completeProperty().get());
        model.completeProperty().addListener((o, was, is) -> badge.pseudoClassStateChanged(COMPLETE, is));
        return badge;
    }

    /** A subsection heading as the template titles it. */
    protected final Label subheading(String subsectionId) {
        return heading(model.subsectionTitle(subsectionId), "", "subheading");
    }

    /** A smaller heading, with the template's help as a tooltip. */
    protected static Label heading(String text, String help, String styleClass) {
        Label l = new Label(text);
        l.getStyleClass().add(styleClass);
        l.setWrapText(true);
        if (help != null && !help.isBlank()) {
            l.setTooltip(tooltip(help));
        }
        return l;
    }

    /** Label-and-value rows for some fields. */
    protected static GridPane form(List<FieldViewModel> fields) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("form");
        grid.setHgap(14);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(150);
        labels.setPrefWidth(190);
        labels.setMaxWidth(230);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(120);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (FieldViewModel f : fields) {
            Label label = heading(f.label(), f.help(), "field-label");
            GridPane.setValignment(label, javafx.geometry.VPos.TOP);
            grid.add(label, 0, row);
            grid.add(value(f), 1, row);
            row++;
        }
        return grid;
    }

    /** A field's value, "Not specified" in grey italics when empty, and its detail line underneath. */
    protected static Node value(FieldViewModel f) {
        Label value = new Label();
        value.setId("value-" + domId(f.path()));
        value.getStyleClass().add("field-value");
        value.setWrapText(true);
        value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        value.textProperty().bind(Bindings.when(f.emptyProperty()).then(DisplayValue.NOT_SPECIFIED).otherwise(f.textProperty()));
        value.pseudoClassStateChanged(EMPTY, f.isEmpty());
        f.emptyProperty().addListener((o, was, is) -> value.pseudoClassStateChanged(EMPTY, is));

        Label detail = new Label();
        detail.setId("detail-" + domId(f.path()));
        detail.setWrapText(true);
        detail.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        detail.textProperty().bind(f.detailProperty());
        detail.getStyleClass().add("field-detail");
        PseudoClass problem = PseudoClass.getPseudoClass("problem");
        detail.pseudoClassStateChanged(problem, f.problem());
        f.problemProperty().addListener((o, was, is) -> detail.pseudoClassStateChanged(problem, is));
        detail.visibleProperty().bind(f.detailProperty().isNotEmpty());
        detail.managedProperty().bind(detail.visibleProperty());
        return new VBox(2, value, detail);
    }

    /** A group of fields under its own heading. */
    protected static Node group(GroupViewModel group) {
        return new VBox(6, heading(group.label(), group.help(), "group-heading"), form(group.fields()));
    }

    /** A read-only monospace area for SQL or JSON, under the field's label. */
    protected static Node code(FieldViewModel f) {
        TextArea area = new TextArea();
        area.setId("code-" + domId(f.path()));
        area.setEditable(false);
        area.setWrapText(false);
        area.getStyleClass().add("code-area");
        area.setPromptText(DisplayValue.NOT_SPECIFIED);
        area.textProperty().bind(f.textProperty());
        area.prefRowCountProperty().bind(Bindings.createIntegerBinding(
                () -> Math.max(3, Math.min(24, (int) f.textProperty().get().lines().count() + 1)), f.textProperty()));
        return new VBox(4, heading(f.label(), f.help(), "field-label"), area);
    }

    /** A read-only table of rows under the field's label. */
    protected static <R> Node table(TableViewModel<R> model) {
        return new VBox(4, heading(model.label(), model.help(), "table-heading"), tableView(model));
    }

    /** A read-only table whose selected row is the view model's {@code selection}. */
    protected static <R> Node table(TableViewModel<R> model, ObjectProperty<R> selection) {
        TableView<R> view = tableView(model);
        bindSelection(view, selection);
        return new VBox(4, heading(model.label(), model.help(), "table-heading"), view);
    }

    /** The bare TableView, not editable and not sortable so rows keep the design's order. */
    protected static <R> TableView<R> tableView(TableViewModel<R> model) {
        TableView<R> table = new TableView<>(model.rows());
        table.setId("table-" + model.id());
        table.setEditable(false);
        table.getStyleClass().add("read-only-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label placeholder = new Label(DisplayValue.NOT_SPECIFIED);
        placeholder.getStyleClass().add("not-specified");
        table.setPlaceholder(placeholder);
        for (ColumnViewModel<R> c : model.columns()) {
            TableColumn<R, DisplayValue> column = new TableColumn<>();
            Label header = new Label(c.label());
            header.setWrapText(true);
            header.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
            header.maxWidthProperty().bind(column.widthProperty().subtract(8));
            header.setTooltip(tooltip(c.help().isBlank() ? c.label() : c.label() + ": " + c.help()));
            column.setGraphic(header);
            column.setSortable(false);
            column.setReorderable(false);
            column.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(c.value().apply(cd.getValue())));
            column.setCellFactory(DisplayCell::new);
            table.getColumns().add(column);
        }
        weighColumns(table, model);
        model.rows().addListener((ListChangeListener<R>) change -> weighColumns(table, model));
        table.widthProperty().addListener((o, was, is) -> weighColumns(table, model));
        // Rows wrap, so the height follows the text; an estimate keeps short tables short and long ones scrolling.
        List<javafx.beans.Observable> dependencies = new java.util.ArrayList<>(List.of(model.rows(), table.widthProperty()));
        table.getColumns().forEach(c -> dependencies.add(c.widthProperty()));
        table.prefHeightProperty().bind(Bindings.createDoubleBinding(() -> estimateHeight(table, model),
                dependencies.toArray(javafx.beans.Observable[]::new)));
        table.setMinHeight(90);
        return table;
    }

    /**
     * Gives wordy columns more room (the constrained resize policy keeps the proportions of the pref widths)
     * and makes each column at least as wide as its longest word, so "order_items" does not break letter by
     * letter; when the words cannot all fit, every minimum shrinks in proportion rather than the table overflowing.
     */
    private static <R> void weighColumns(TableView<R> table, TableViewModel<R> model) {
        int n = model.columns().size();
        double[] minimum = new double[n];
        double sum = 0;
        for (int c = 0; c < n; c++) {
            ColumnViewModel<R> column = model.columns().get(c);
            double total = column.label().length();
            for (R row : model.rows()) {
                DisplayValue v = column.value().apply(row);
                total += Math.max(v.shown().length(), v.detail().length() * 0.8);
            }
            double average = total / (model.rows().size() + 1);
            table.getColumns().get(c).setPrefWidth(Math.max(70, Math.min(360, 40 + average * 5)));
            int word = Math.max(longestWord(column, model), column.label().length() <= 14 ? column.label().length() : 0);
            minimum[c] = Math.max(56, Math.min(150, 22 + 7.2 * word));
            sum += minimum[c];
        }
        double available = (table.getWidth() > 0 ? table.getWidth() : 520) - 20;
        double scale = sum > available ? available / sum : 1;
        for (int c = 0; c < n; c++) {
            table.getColumns().get(c).setMinWidth(Math.max(48, minimum[c] * scale));
        }
    }

    private static <R> int longestWord(ColumnViewModel<R> column, TableViewModel<R> model) {
        int longest = 0;
        for (String w : column.label().split("\\s+")) {
            longest = Math.max(longest, w.length());
        }
        for (R row : model.rows()) {
            for (String w : column.value().apply(row).shown().split("\\s+")) {
                longest = Math.max(longest, w.length());
            }
        }
        return longest;
    }

    private static <R> double estimateHeight(TableView<R> table, TableViewModel<R> model) {
        double height = 40;
        for (R row : model.rows()) {
            int lines = 1;
            for (int i = 0; i < model.columns().size(); i++) {
                ColumnViewModel<R> c = model.columns().get(i);
                double columnWidth = table.getColumns().get(i).getWidth() > 0 ? table.getColumns().get(i).getWidth()
                        : table.getColumns().get(i).getPrefWidth();
                double charsPerLine = Math.max(6, (columnWidth - 14) / 7.4);
                DisplayValue v = c.value().apply(row);
                int l = (int) Math.ceil(Math.max(1, v.shown().length()) / charsPerLine);
                if (!v.detail().isBlank()) {
                    l += (int) Math.ceil(v.detail().length() / charsPerLine);
                }
                lines = Math.max(lines, l);
            }
            height += 10 + lines * 17.5;
        }
        return Math.max(90, Math.min(460, height + 6));
    }

    private static <R> void bindSelection(TableView<R> table, ObjectProperty<R> selection) {
        table.getSelectionModel().selectedItemProperty().addListener((o, was, is) -> {
            if (is != null && is != selection.get()) {
                selection.set(is);
            }
        });
        selection.addListener((o, was, is) -> select(table, is));
        table.getItems().addListener((ListChangeListener<R>) change -> select(table, selection.get()));
        select(table, selection.get());
    }

    private static <R> void select(TableView<R> table, R row) {
        if (row == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != row) {
            int index = table.getItems().indexOf(row);
            if (index >= 0) {
                table.getSelectionModel().clearAndSelect(index);
            }
        }
    }

    /** A tooltip that wraps long help text. */
    protected static Tooltip tooltip(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        t.setShowDelay(javafx.util.Duration.millis(400));
        return t;
    }

    /** A field path as a node id: {@code backup.recovery.rpo} becomes {@code backup-recovery-rpo}. */
    public static String domId(String path) {
        return path.toLowerCase(Locale.ROOT).replace('.', '-').replace('_', '-');
    }
}
