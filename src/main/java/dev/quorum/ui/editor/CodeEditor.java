package dev.quorum.ui.editor;

import dev.quorum.validate.Finding;
import dev.quorum.validate.Location;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.PlainTextChange;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.model.TwoDimensional;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * The SQL and JSON editor: a RichTextFX code area with line numbers, syntax highlighting, and the lines
 * that findings point at underlined, with a marker in the gutter whose tooltip gives the message and the fix.
 * Its text follows a string property both ways; undo belongs to the window, not to the area.
 */
public final class CodeEditor {

    private static final System.Logger LOG = System.getLogger(CodeEditor.class.getName());
    private static final AtomicBoolean WARMING = new AtomicBoolean();

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> root = new VirtualizedScrollPane<>(area);
    private final Highlighter highlighter;
    private Map<Integer, List<Finding>> findingsByLine = Map.of();
    private boolean pushing;
    private StringProperty bound;
    /** The gutters built so far; the area drops those of lines scrolled away, and then so does this set. */
    private final Set<LineGutter> gutters = Collections.newSetFromMap(new WeakHashMap<>());

    public CodeEditor(Highlighter highlighter) {
        this.highlighter = highlighter;
        area.getStyleClass().add("code-editor");
        // The window's Edit menu owns undo, so that Ctrl+Z takes back SQL edits in the same order as every other edit.
        area.setUndoManager(UndoUtils.noOpUndoManager());
        area.setParagraphGraphicFactory(paragraph -> {
            LineGutter g = new LineGutter(paragraph + 1);
            gutters.add(g);
            return g;
        });
        area.multiPlainChanges().subscribe(this::changed);
        root.getStyleClass().add("code-editor-pane");
        root.setMinHeight(Region.USE_PREF_SIZE);
    }

    /**
     * Builds one throwaway editor, once per run, on a background thread after {@code delayMillis}. The first
     * editor otherwise loads about 350 RichTextFX, ReactFX and Flowless classes and spins about 550 lambda classes
     * on the FX thread, which held it for half a second when the Schema section opened. The throwaway editor is
     * never shown: a node outside any scene may be built on any thread, and styling and layout stay for the FX thread.
     */
    public static void warmUpInBackground(long delayMillis) {
        if (!WARMING.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
                warmUp();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | LinkageError e) {
                // Only a head start is lost; the first real editor loads whatever this did not.
                LOG.log(System.Logger.Level.DEBUG, "code editor warm-up failed", e);
            }
        }, "quorum-editor-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** The work of {@link #warmUpInBackground}; package-private so that a test can run it off the FX thread. */
    static void warmUp() {
        StringBuilder sql = new StringBuilder("-- warm-up\n/* block */\n");
        for (int i = 0; i < 40; i++) {
            sql.append("CREATE TABLE t").append(i).append(" (id BIGINT PRIMARY KEY, \"name\" VARCHAR(100) DEFAULT 'x',\n")
                    .append("  amount DECIMAL(10, 2), created_at TIMESTAMP NOT NULL); -- note\n");
        }
        CodeEditor editor = new CodeEditor(Highlighter.SQL);
        StringProperty text = new SimpleStringProperty(sql.toString());
        editor.bind(text);
        editor.area().insertText(0, "-");
        text.set(sql + "CREATE INDEX ix ON t1 (name);\n");
        editor.showFindings(List.of(new Finding("warm-up", Severity.WARNING, Location.field("schema", "schema.sql"), "m", "f")));
        editor.showFindings(List.of());
        Highlighter.JSON.line("{\"key\": [1, 2.5, true, null, \"s\"]}");
    }

    /** The node to place in the layout. */
    public Region root() {
        return root;
    }

    /** The code area itself, which takes focus. */
    public CodeArea area() {
        return area;
    }

    /** Keeps the text and {@code text} equal: typing sets the property, and a new value replaces the text. */
    public void bind(StringProperty text) {
        replaceAll(text.get());
        // Typed text reaches the property from the plain-text changes (see changed), not from a listener on the
        // area's text: that value is rebuilt from all 2,000 lines on every change, restyling included.
        bound = text;
        text.addListener((o, was, now) -> {
            String value = now == null ? "" : now;
            if (!value.equals(area.getText())) {
                replaceAll(value);
            }
        });
    }

    /**
     * Makes the area's text {@code text} by replacing only the part that differs, so that an undo of one
     * keystroke in a 2,000-line schema re-highlights one line and leaves the caret where the change is.
     */
    private void replaceAll(String text) {
        pushing = true;
        try {
            String old = area.getText();
            int prefix = 0;
            int max = Math.min(old.length(), text.length());
            while (prefix < max && old.charAt(prefix) == text.charAt(prefix)) {
                prefix++;
            }
            int suffix = 0;
            while (suffix < max - prefix && old.charAt(old.length() - 1 - suffix) == text.charAt(text.length() - 1 - suffix)) {
                suffix++;
            }
            area.replaceText(prefix, old.length() - suffix, text.substring(prefix, text.length() - suffix));
            if (old.isEmpty()) {
                // A newly shown text starts at its top, not where the insertion left the caret.
                area.moveTo(0);
                area.showParagraphAtTop(0);
            }
            int from = area.offsetToPosition(prefix, TwoDimensional.Bias.Backward).getMajor();
            int to = area.offsetToPosition(text.length() - suffix, TwoDimensional.Bias.Forward).getMajor();
            highlight(from, to);
        } finally {
            pushing = false;
        }
    }

    private void changed(List<PlainTextChange> changes) {
        if (pushing) {
            return;
        }
        for (PlainTextChange change : changes) {
            int from = area.offsetToPosition(Math.min(change.getPosition(), area.getLength()),
                    TwoDimensional.Bias.Backward).getMajor();
            int to = area.offsetToPosition(Math.min(change.getInsertionEnd(), area.getLength()),
                    TwoDimensional.Bias.Forward).getMajor();
            highlight(from, to);
        }
        if (bound != null) {
            String now = area.getText();
            if (!now.equals(bound.get())) {
                bound.set(now);
            }
        }
    }

    /** Paragraphs styled per frame when a long text arrives at once; the rest follow frame by frame. */
    private static final int CHUNK = 250;

    private int pendingFrom = -1;
    private int pendingTo = -1;
    private final javafx.animation.AnimationTimer chunks = new javafx.animation.AnimationTimer() {
        @Override
        public void handle(long now) {
            if (pendingFrom < 0 || pendingFrom > pendingTo) {
                pendingFrom = -1;
                stop();
                return;
            }
            int end = Math.min(pendingTo, pendingFrom + CHUNK - 1);
            int from = pendingFrom;
            pendingFrom = end + 1;
            styleNow(from, end);
        }
    };

    /**
     * Re-styles the paragraphs {@code from..to}. A long range (a whole schema arriving) is styled a chunk per
     * frame, the first chunk at once, so that opening a 2,000-line schema does not hold the FX thread.
     */
    private void highlight(int fromParagraph, int toParagraph) {
        int first = Math.max(0, fromParagraph);
        int last = Math.min(toParagraph, area.getParagraphs().size() - 1);
        if (first > last) {
            return;
        }
        if (last - first >= CHUNK) {
            styleNow(first, first + CHUNK - 1);
            pendingFrom = pendingFrom < 0 ? first + CHUNK : Math.min(pendingFrom, first + CHUNK);
            pendingTo = Math.max(pendingTo, last);
            chunks.start();
            return;
        }
        styleNow(first, last);
    }

    private void styleNow(int fromParagraph, int toParagraph) {
        int first = Math.max(0, fromParagraph);
        int last = Math.min(toParagraph, area.getParagraphs().size() - 1);
        if (first > last) {
            return;
        }
        StyleSpansBuilder<Collection<String>> spans = new StyleSpansBuilder<>();
        for (int p = first; p <= last; p++) {
            String text = area.getParagraph(p).getText();
            List<String> finding = lineStyle(p + 1);
            for (Highlighter.Run run : highlighter.line(text)) {
                List<String> classes = new ArrayList<>(finding);
                if (!run.style().isEmpty()) {
                    classes.add(run.style());
                }
                spans.add(classes, run.length());
            }
            if (p < last) {
                spans.add(finding, 1);
            }
        }
        area.setStyleSpans(first, 0, spans.create());
    }

    private List<String> lineStyle(int line) {
        List<Finding> here = findingsByLine.get(line);
        if (here == null || here.isEmpty()) {
            return List.of();
        }
        return List.of(worst(here) == Severity.ERROR ? "finding-error" : worst(here) == Severity.WARNING
                ? "finding-warning" : "finding-info");
    }

    /** Underlines the lines these findings point at (by their 1-based text line) and marks them in the gutter. */
    public void showFindings(List<Finding> findings) {
        Map<Integer, List<Finding>> next = new TreeMap<>();
        for (Finding f : findings) {
            int line = Math.max(1, f.location().textLine());
            next.computeIfAbsent(line, k -> new ArrayList<>()).add(f);
        }
        // Live validation hands the editor its findings after every keystroke, mostly the same ones: restyling their
        // lines and rebuilding the gutter then made the whole viewport lay out and repaint for nothing.
        Map<Integer, List<Finding>> was = findingsByLine;
        Set<Integer> touched = new HashSet<>(was.keySet());
        touched.addAll(next.keySet());
        touched.removeIf(line -> Objects.equals(was.get(line), next.get(line)));
        if (touched.isEmpty()) {
            return;
        }
        findingsByLine = next;
        for (int line : touched) {
            highlight(line - 1, line - 1);
        }
        // The gutters already built change their markers in place, and only on the lines whose findings changed: a
        // new graphic factory rebuilt and restyled the gutter of every visible line on each change of findings.
        for (LineGutter g : gutters) {
            g.show(findingsByLine.getOrDefault(g.line, List.of()));
        }
    }

    /** The lines (1-based) that carry findings now. */
    public Set<Integer> findingLines() {
        return Collections.unmodifiableSet(findingsByLine.keySet());
    }

    /** Moves the caret to the start of a 1-based line, shows it, and focuses the editor. */
    public void goToLine(int line) {
        int paragraph = Math.max(0, Math.min(line - 1, area.getParagraphs().size() - 1));
        area.moveTo(paragraph, 0);
        area.showParagraphAtCenter(paragraph);
        area.requestFocus();
    }

    /** The gutter of one line: its number, and a marker whose tooltip gives the line's findings and their fixes. */
    private final class LineGutter extends HBox {
        private final int line;
        private final StackPane slot = new StackPane();
        private List<Finding> shown = List.of();

        LineGutter(int line) {
            this.line = line;
            // A Text and a bare pane, not two Labels: the gutter of every visible line is built and styled when the
            // editor first shows, and a Label is a control with a skin, several times the work of a Text.
            Text number = new Text(String.valueOf(line));
            number.getStyleClass().add("code-line-number");
            slot.getStyleClass().add("code-marker-slot");
            getChildren().addAll(number, slot);
            getStyleClass().add("code-gutter");
            setAlignment(Pos.CENTER_RIGHT);
            show(findingsByLine.getOrDefault(line, List.of()));
        }

        /** Shows these findings of the line; only a line whose findings changed gets a new marker. */
        void show(List<Finding> here) {
            if (here.equals(shown)) {
                return;
            }
            shown = here;
            if (here.isEmpty()) {
                slot.getChildren().clear();
                return;
            }
            Severity worst = worst(here);
            Label marker = new Label(worst == Severity.INFO ? "i" : "!");
            marker.getStyleClass().addAll("code-marker", "code-marker-" + worst.id());
            Tooltip tip = new Tooltip(here.stream().map(f -> f.severity().id() + ": " + f.message()
                    + (f.fix().isBlank() ? "" : "\nFix: " + f.fix())).collect(Collectors.joining("\n\n")));
            tip.setWrapText(true);
            tip.setMaxWidth(520);
            marker.setTooltip(tip);
            slot.getChildren().setAll(marker);
        }
    }

    /** The marker on a 1-based line's gutter, if that line is shown and has findings; for tests. */
    Label markerOf(int line) {
        for (LineGutter g : gutters) {
            if (g.line == line && g.getScene() != null && !g.slot.getChildren().isEmpty()) {
                return (Label) g.slot.getChildren().get(0);
            }
        }
        return null;
    }

    private static Severity worst(List<Finding> findings) {
        Severity worst = Severity.INFO;
        for (Finding f : findings) {
            if (f.severity().ordinal() < worst.ordinal()) {
                worst = f.severity();
            }
        }
        return worst;
    }
}
