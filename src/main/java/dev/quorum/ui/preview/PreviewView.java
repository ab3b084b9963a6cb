package dev.quorum.ui.preview;

import dev.quorum.ui.preview.Span.Style;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * The native Markdown preview: draws {@link MdBlock}s as labels, text flows and grids. There is no web
 * engine, nothing is clickable and raw HTML is plain text, so a hostile design can only look odd.
 */
public final class PreviewView {

    /** Blocks built per frame; small enough that a large design never freezes the window while it fills in. */
    private static final long FRAME_BUDGET_NANOS = 6_000_000;

    private final VBox content = new VBox(8);
    private final ScrollPane root = new ScrollPane(content);
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering", false);
    private final AnimationTimer filler = new AnimationTimer() {
        @Override
        public void handle(long now) {
            fillSome();
        }
    };
    private List<MdBlock> pending = List.of();
    // The blocks whose nodes are in the content now, in order; an edit usually changes one of them.
    private List<MdBlock> shownBlocks = List.of();
    private int next;
    private double restoreScroll;

    public PreviewView(PreviewViewModel model) {
        content.getStyleClass().add("markdown");
        content.setPadding(new Insets(14, 18, 24, 18));
        root.setFitToWidth(true);
        root.setId("preview");
        root.getStyleClass().add("preview");
        model.blocksProperty().addListener((o, was, blocks) -> show(blocks));
        show(model.blocksProperty().get());
    }

    /** The preview's root node. */
    public Node root() {
        return root;
    }

    /** True while the preview is still adding the blocks of the latest design. */
    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    private void show(List<MdBlock> blocks) {
        if (!rendering.get() && replaceChanged(blocks)) {
            return;
        }
        // Building and styling a whole design's nodes takes a noticeable moment, so the preview fills in over a
        // few frames instead of holding the FX thread; a newer design simply replaces the pending blocks.
        restoreScroll = rendering.get() ? restoreScroll : root.getVvalue();
        pending = blocks;
        next = 0;
        content.getChildren().clear();
        shownBlocks = List.of();
        rendering.set(true);
        fillSome();
        if (rendering.get()) {
            filler.start();
        }
    }

    private void fillSome() {
        long start = System.nanoTime();
        List<Node> batch = new ArrayList<>();
        while (next < pending.size() && System.nanoTime() - start < FRAME_BUDGET_NANOS) {
            batch.add(block(pending.get(next++)));
        }
        content.getChildren().addAll(batch);
        shownBlocks = pending.subList(0, next);
        if (next >= pending.size()) {
            filler.stop();
            rendering.set(false);
            // Re-rendering after a change should not throw the reader back to the top.
            root.setVvalue(restoreScroll);
        }
    }

    /**
     * Replaces only the blocks that differ from those shown (blocks are records, so equal means unchanged):
     * typing in one field changes one paragraph or one table, and rebuilding and laying out a large design's
     * every node for that held the FX thread far too long. False when too much changed to do it in one go.
     */
    private boolean replaceChanged(List<MdBlock> blocks) {
        List<MdBlock> old = shownBlocks;
        if (old.size() != content.getChildren().size()) {
            return false;
        }
        int head = 0;
        while (head < old.size() && head < blocks.size() && old.get(head).equals(blocks.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < old.size() - head && tail < blocks.size() - head
                && old.get(old.size() - 1 - tail).equals(blocks.get(blocks.size() - 1 - tail))) {
            tail++;
        }
        int oldEnd = old.size() - tail;
        int newEnd = blocks.size() - tail;
        if (newEnd - head > 12) {
            return false;
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = head; i < newEnd; i++) {
            nodes.add(block(blocks.get(i)));
        }
        if (oldEnd > head) {
            content.getChildren().remove(head, oldEnd);
        }
        content.getChildren().addAll(head, nodes);
        shownBlocks = List.copyOf(blocks);
        return true;
    }

    /** The node for one block. */
    static Node block(MdBlock block) {
        if (block instanceof MdBlock.Heading h) {
            TextFlow flow = flow(h.spans(), "md-h" + Math.min(h.level(), 4));
            flow.getStyleClass().add("md-heading");
            return flow;
        }
        if (block instanceof MdBlock.Paragraph p) {
            return flow(p.spans(), null);
        }
        if (block instanceof MdBlock.ListBlock l) {
            return list(l);
        }
        if (block instanceof MdBlock.CodeBlock c) {
            return code(c);
        }
        if (block instanceof MdBlock.Table t) {
            return table(t);
        }
        if (block instanceof MdBlock.Quote q) {
            VBox box = new VBox(6);
            box.getStyleClass().add("md-quote");
            q.blocks().forEach(b -> box.getChildren().add(block(b)));
            return box;
        }
        if (block instanceof MdBlock.Rule) {
            Separator s = new Separator();
            s.getStyleClass().add("md-rule");
            return s;
        }
        if (block instanceof MdBlock.LiteralHtml html) {
            Label l = new Label(html.html());
            l.setWrapText(true);
            l.getStyleClass().add("md-html-block");
            return l;
        }
        throw new IllegalArgumentException("unknown block " + block);
    }

    private static TextFlow flow(List<Span> spans, String extraClass) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-flow");
        for (Span s : spans) {
            Text t = new Text(s.text());
            t.getStyleClass().add("md-text");
            if (extraClass != null) {
                t.getStyleClass().add(extraClass);
            }
            if (s.has(Style.STRONG)) {
                t.getStyleClass().add("md-strong");
            }
            if (s.has(Style.EMPHASIS)) {
                t.getStyleClass().add("md-em");
            }
            if (s.has(Style.CODE)) {
                t.getStyleClass().add("md-code");
            }
            if (s.has(Style.HTML)) {
                t.getStyleClass().add("md-html");
            }
            if (s.has(Style.LINK)) {
                // Shown, never followed: the address is only in a tooltip and no handler opens it.
                t.getStyleClass().add("md-link");
                Tooltip.install(t, new Tooltip("Link (not opened): " + s.linkTarget()));
            }
            flow.getChildren().add(t);
        }
        return flow;
    }

    private static Node list(MdBlock.ListBlock l) {
        VBox box = new VBox(3);
        box.getStyleClass().add("md-list");
        int number = l.start();
        for (List<MdBlock> item : l.items()) {
            Label marker = new Label(l.ordered() ? number++ + "." : "•");
            marker.getStyleClass().add("md-marker");
            marker.setMinWidth(l.ordered() ? 26 : 16);
            VBox body = new VBox(4);
            item.forEach(b -> body.getChildren().add(block(b)));
            HBox row = new HBox(4, marker, body);
            HBox.setHgrow(body, Priority.ALWAYS);
            box.getChildren().add(row);
        }
        return box;
    }

    private static Node code(MdBlock.CodeBlock c) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-codeblock");
        if (!c.info().isBlank()) {
            String caption = c.info().equals("mermaid") ? "mermaid — diagram source (drawing comes later)" : c.info();
            Label label = new Label(caption);
            label.getStyleClass().add("md-code-caption");
            box.getChildren().add(label);
        }
        Label code = new Label(c.code());
        code.getStyleClass().add("md-code-text");
        code.setWrapText(true);
        code.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        box.getChildren().add(code);
        return box;
    }

    private static Node table(MdBlock.Table t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        int columns = t.header().size();
        for (List<List<Span>> row : t.rows()) {
            columns = Math.max(columns, row.size());
        }
        for (int c = 0; c < columns; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100.0 / Math.max(1, columns));
            cc.setHgrow(Priority.ALWAYS);
            grid.getColumnConstraints().add(cc);
        }
        for (int c = 0; c < t.header().size(); c++) {
            grid.add(cell(t.header().get(c), "md-th"), c, 0);
        }
        for (int r = 0; r < t.rows().size(); r++) {
            List<List<Span>> row = t.rows().get(r);
            for (int c = 0; c < row.size(); c++) {
                grid.add(cell(row.get(c), r % 2 == 0 ? "md-td" : "md-td-alt"), c, r + 1);
            }
        }
        return grid;
    }

    private static Node cell(List<Span> spans, String styleClass) {
        TextFlow flow = flow(spans, styleClass.equals("md-th") ? "md-strong" : null);
        StackPane pane = new StackPane(flow);
        pane.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        pane.getStyleClass().addAll("md-cell", styleClass);
        pane.setMaxHeight(Double.MAX_VALUE);
        GridPane.setFillHeight(pane, true);
        return pane;
    }
}
