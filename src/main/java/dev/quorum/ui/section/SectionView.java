package dev.quorum.ui.section;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The editor of one template section: a header with the status and findings, then the section's fields
 * and tables as editors. Subclasses only lay out; every value comes from their {@link SectionViewModel}.
 * It can bring any field path into view and focus it, which is how a double-clicked finding lands.
 */
public abstract class SectionView<M extends SectionViewModel> {

    private static final PseudoClass COMPLETE = PseudoClass.getPseudoClass("complete");
    private static final PseudoClass ERRORS = PseudoClass.getPseudoClass("errors");
    private static final Pattern ROW = Pattern.compile("\\[(\\d+)](?:\\.([a-z_]+))?.*");

    /** The view model this view binds to. */
    protected final M model;
    private final Map<String, FieldEditor> editors = new LinkedHashMap<>();
    private final List<RowTable<?>> tables = new ArrayList<>();
    private final Map<TableViewModel<?>, Map<String, FieldEditor>> blockEditors = new LinkedHashMap<>();
    private ScrollPane root;
    private VBox content;

    protected SectionView(M model) {
        this.model = model;
    }

    /** The view's root node, built on first use. */
    public final Node root() {
        if (root == null) {
            content = new VBox(10);
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
        HBox titleRow = new HBox(12, title, badge(model), findingsBadge(model));
        titleRow.setAlignment(Pos.BASELINE_LEFT);
        Label digest = new Label();
        digest.textProperty().bind(model.digestProperty());
        digest.getStyleClass().add("section-digest");
        digest.setWrapText(true);

        Label gapList = new Label();
        gapList.setWrapText(true);
        gapList.getStyleClass().add("gap-list");
        gapList.textProperty().bind(neverEmpty(Bindings.createStringBinding(
                () -> String.join("\n", model.gaps().stream().map(g -> "• " + g).toList()), model.gaps())));
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
        badge.textProperty().bind(neverEmpty(model.badgeProperty()));
        badge.visibleProperty().bind(model.badgeProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        badge.pseudoClassStateChanged(COMPLETE, model.completeProperty().get());
        model.completeProperty().addListener((o, was, is) -> badge.pseudoClassStateChanged(COMPLETE, is));
        return badge;
    }

    /** The findings badge, "2 errors, 1 warning", hidden when the rules found nothing to warn about. */
    public static Label findingsBadge(SectionViewModel model) {
        Label badge = new Label();
        badge.getStyleClass().addAll("badge", "findings-badge");
        badge.textProperty().bind(neverEmpty(model.findingsBadgeProperty()));
        badge.visibleProperty().bind(model.findingsBadgeProperty().isNotEmpty());
        badge.managedProperty().bind(badge.visibleProperty());
        badge.pseudoClassStateChanged(ERRORS, model.errorCountProperty().get() > 0);
        model.errorCountProperty().addListener((o, was, is) -> badge.pseudoClassStateChanged(ERRORS, is.intValue() > 0));
        return badge;
    }

    /**
     * The text, or a no-break space when there is none, for labels whose text comes and goes (badges, status
     * messages); such a label is hidden by its source's emptiness instead. A label whose text went from empty to
     * some text, or back, made the software renderer repaint the whole window or scroll pane (40 to 220 ms on the
     * FX thread, measured with the pulse logger), where a change between two texts repaints the label alone.
     */
    public static StringBinding neverEmpty(ObservableValue<String> text) {
        return Bindings.createStringBinding(() -> {
            String t = text.getValue();
            return t == null || t.isEmpty() ? "\u00a0" : t;
        }, text);
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
            help(l, help);
        }
        return l;
    }

    /** Label-and-editor rows for some fields. */
    protected final GridPane form(List<FieldViewModel> fields) {
        return form(fields, editors);
    }

    private GridPane form(List<FieldViewModel> fields, Map<String, FieldEditor> into) {
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
            FieldEditor editor = FieldEditor.create(f, "field-" + domId(into == editors ? f.path() : stripRow(f.path())));
            into.put(into == editors ? f.path() : f.key(), editor);
            Label label = heading(f.label() + (f.required() ? "" : " (optional)"), f.help(), "field-label");
            label.setLabelFor(editor.control() != null ? editor.control() : editor.code().area());
            GridPane.setValignment(label, VPos.TOP);
            if (f.kind() == dev.quorum.template.FieldKind.SQL || f.kind() == dev.quorum.template.FieldKind.JSON) {
                grid.add(label, 0, row++, 2, 1);
                grid.add(editor.node(), 0, row, 2, 1);
            } else {
                grid.add(label, 0, row);
                grid.add(editor.node(), 1, row);
            }
            row++;
        }
        return grid;
    }

    /** A group of fields under its own heading. */
    protected final Node group(GroupViewModel group) {
        return new VBox(6, heading(group.label(), group.help(), "group-heading"), form(group.fields()));
    }

    /** An editable table of every column of {@code table}. */
    protected final Node table(TableViewModel<?> table) {
        return rows(table, List.of()).root();
    }

    /**
     * An editable table of the short columns {@code keys}, with the selected row's every field in full
     * underneath, as the template's blocks (a query, a storage choice) need.
     */
    protected final Node blocks(TableViewModel<?> table, List<String> keys, String detailHeading) {
        RowTable<?> rows = rows(table, keys);
        Map<String, FieldEditor> details = new LinkedHashMap<>();
        blockEditors.put(table, details);
        Label heading = heading(detailHeading, "Select a row above; its fields are edited here.", "group-heading");
        Label which = new Label();
        which.getStyleClass().add("section-digest");
        which.textProperty().bind(Bindings.createStringBinding(() -> table.selectedProperty().get() < 0
                ? "Nothing selected." : "Row " + (table.selectedProperty().get() + 1) + " of " + table.rows().size(),
                table.selectedProperty(), table.rows()));
        HBox title = new HBox(10, heading, which);
        title.setAlignment(Pos.BASELINE_LEFT);
        VBox block = new VBox(6, title, form(table.details(), details));
        block.getStyleClass().add("block-detail");
        return new VBox(10, rows.root(), block);
    }

    private RowTable<?> rows(TableViewModel<?> table, List<String> keys) {
        RowTable<?> rows = new RowTable<>(table, keys);
        tables.add(rows);
        return rows;
    }

    /**
     * Brings the field at {@code path} into view and focuses it: selects a table row, opens the block, and
     * moves a code editor to {@code line}. Returns false when this section has no such field.
     */
    public final boolean reveal(String path, int line) {
        root();
        FieldEditor editor = editorFor(path);
        if (editor != null) {
            scrollTo(editor.anchor());
            focusAfterLayout(() -> editor.focus(line));
            return true;
        }
        for (RowTable<?> t : tables) {
            String list = t.model().listPath();
            if (!path.equals(list) && !path.startsWith(list + "[")) {
                continue;
            }
            Matcher m = ROW.matcher(path.substring(list.length()));
            int row = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            String key = m.matches() && m.group(2) != null ? m.group(2) : "";
            scrollTo(t.table());
            if (row >= 0 && t.model().rows().size() > row) {
                t.model().select(row);
            }
            Map<String, FieldEditor> details = blockEditors.get(t.model());
            if (details != null && details.containsKey(key) && !t.shows(key)) {
                FieldEditor detail = details.get(key);
                scrollTo(detail.anchor());
                focusAfterLayout(() -> detail.focus(line));
                return true;
            }
            t.reveal(row, key.isEmpty() ? t.model().columns().get(0).key() : key, false);
            return true;
        }
        return false;
    }

    /**
     * Focuses at once (on the next turn of the FX thread) and once more after the next layout pass. When reveal
     * replaces the section shown, the old focus owner leaves the scene, and the scene's focus clean-up at the start
     * of the next pulse moves the focus to the first focusable node (the section tree). Depending on whether that
     * pulse comes before or after the first request, the field kept or lost the focus; the second request, made
     * after the clean-up, settles it.
     */
    private void focusAfterLayout(Runnable focus) {
        Platform.runLater(focus);
        javafx.scene.Scene scene = root == null ? null : root.getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        boolean[] done = {false};
        once[0] = () -> {
            if (!done[0]) {
                done[0] = true;
                // Removed outside the pulse's own walk over its listeners.
                Platform.runLater(() -> scene.removePostLayoutPulseListener(once[0]));
                focus.run();
            }
        };
        scene.addPostLayoutPulseListener(once[0]);
        Platform.requestNextPulse();
    }

    private FieldEditor editorFor(String path) {
        FieldEditor exact = editors.get(path);
        if (exact != null) {
            return exact;
        }
        // queries[2].data_accessed[0] lands on its field; the longest registered prefix wins.
        FieldEditor best = null;
        int bestLength = -1;
        for (Map.Entry<String, FieldEditor> e : editors.entrySet()) {
            String p = e.getKey();
            if (path.startsWith(p) && path.length() > p.length() && (path.charAt(p.length()) == '.'
                    || path.charAt(p.length()) == '[') && p.length() > bestLength) {
                best = e.getValue();
                bestLength = p.length();
            }
        }
        return best;
    }

    private void scrollTo(Node node) {
        if (root == null || node == null) {
            return;
        }
        // After the next layout, when the node has its place; forcing a layout here cost a long FX-thread pause.
        Platform.runLater(() -> scrollNow(node));
    }

    private void scrollNow(Node node) {
        if (node.getScene() == null) {
            return;
        }
        Bounds inContent = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double extra = content.getHeight() - root.getViewportBounds().getHeight();
        if (inContent != null && extra > 0) {
            root.setVvalue(Math.max(0, Math.min(1, (inContent.getMinY() - 60) / extra)));
        }
    }

    /** The editor of the field at a fixed path, such as {@code backup.recovery.rpo}; for tests. */
    public final FieldEditor editor(String path) {
        root();
        return editors.get(path);
    }

    /** The editor of a block field of {@code table}, such as the selected query's SQL; for tests. */
    public final FieldEditor blockEditor(TableViewModel<?> table, String key) {
        root();
        return blockEditors.getOrDefault(table, Map.of()).get(key);
    }

    /**
     * Gives {@code control} a help tooltip, created when the mouse first enters it: a window has hundreds of
     * help texts, and building every tooltip up front (each is a popup window) slowed the start noticeably.
     */
    static void help(javafx.scene.control.Control control, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        control.addEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, new javafx.event.EventHandler<>() {
            @Override
            public void handle(javafx.scene.input.MouseEvent e) {
                control.removeEventHandler(javafx.scene.input.MouseEvent.MOUSE_ENTERED, this);
                if (control.getTooltip() == null) {
                    control.setTooltip(tooltip(text));
                }
            }
        });
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
        return path.toLowerCase(Locale.ROOT).replaceAll("\\[\\d+]", "").replace('.', '-').replace('_', '-');
    }

    private static String stripRow(String path) {
        return path.replaceAll("\\[\\d+]", "");
    }
}
