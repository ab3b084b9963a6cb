package dev.quorum.ui.preview;

import dev.quorum.ui.preview.Span.Style;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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
 * The blocks sit in a virtualized list, so only the blocks on screen have nodes: laying out every block of a
 * 400-table design on each change held the FX thread for most of a second.
 */
public final class PreviewView {

    /**
     * Rows per list item when a long table is cut into pieces: a 400-row table in one cell kept some 4,800 nodes in
     * the scene, which every pulse walked and every change of the preview rebuilt. Even, so that the alternating
     * row shading runs on across pieces.
     */
    static final int TABLE_ROWS_PER_PIECE = 20;

    /**
     * Lines of a code block per list item. A schema of 2,000 lines was one wrapped label whose height was worked out
     * again, whole, each time the preview followed an edit of the SQL: 80 to 120 ms of layout on the FX thread.
     * In pieces, an edit replaces the piece it falls in, and only the pieces on screen are laid out.
     */
    static final int CODE_LINES_PER_PIECE = 40;

    private final ListView<Piece> list = new ListView<>();
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(this, "rendering", false);

    public PreviewView(PreviewViewModel model) {
        list.setId("preview");
        list.getStyleClass().addAll("preview", "markdown");
        list.setFocusTraversable(false);
        list.setCellFactory(l -> new BlockCell());
        // A preview has nothing to select; a selected block would only look highlighted.
        list.getSelectionModel().selectedIndexProperty().addListener((o, was, is) -> {
            if (is.intValue() >= 0) {
                javafx.application.Platform.runLater(() -> list.getSelectionModel().clearSelection());
            }
        });
        model.blocksProperty().addListener((o, was, blocks) -> show(blocks));
        show(model.blocksProperty().get());
    }

    /** The preview's root node. */
    public Node root() {
        return list;
    }

    /** True while the preview is still adding the blocks of the latest design; the list shows them at once. */
    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }

    /** The blocks shown, in order, a long table as its pieces (one per list item); for tests. */
    public List<MdBlock> blocks() {
        return list.getItems().stream().map(Piece::block).toList();
    }

    /** Scrolls the preview so that block {@code index} (as {@link #blocks()} counts them) is at the top. */
    public void scrollTo(int index) {
        list.scrollTo(index);
    }

    /**
     * One list item: a block, or a piece of a long table. {@code columns} is the whole table's column count, so
     * that every piece has the same column widths; a piece after the first has no header and joins the one above.
     */
    record Piece(MdBlock block, int columns, boolean continued, boolean continues) {
    }

    /** The list items for some blocks: each block is one item, except that a long table or code block is cut into pieces. */
    static List<Piece> pieces(List<MdBlock> blocks) {
        List<Piece> out = new ArrayList<>(blocks.size());
        for (MdBlock b : blocks) {
            if (b instanceof MdBlock.Table t && t.rows().size() > TABLE_ROWS_PER_PIECE) {
                int columns = columns(t);
                int n = t.rows().size();
                for (int from = 0; from < n; from += TABLE_ROWS_PER_PIECE) {
                    int to = Math.min(n, from + TABLE_ROWS_PER_PIECE);
                    MdBlock.Table part = new MdBlock.Table(from == 0 ? t.header() : List.of(), t.rows().subList(from, to));
                    out.add(new Piece(part, columns, from > 0, to < n));
                }
            } else if (b instanceof MdBlock.CodeBlock c && lineCount(c.code()) > CODE_LINES_PER_PIECE) {
                List<String> parts = codePieces(c.code());
                for (int i = 0; i < parts.size(); i++) {
                    // The caption (the language) belongs to the first piece only.
                    out.add(new Piece(new MdBlock.CodeBlock(i == 0 ? c.info() : "", parts.get(i)), 0, i > 0,
                            i < parts.size() - 1));
                }
            } else {
                out.add(new Piece(b, b instanceof MdBlock.Table t ? columns(t) : 0, false, false));
            }
        }
        return out;
    }

    private static int lineCount(String code) {
        int lines = 1;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    /** The code's lines in runs of {@value #CODE_LINES_PER_PIECE}, each without its last line break. */
    static List<String> codePieces(String code) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        int lines = 0;
        for (int i = 0; i < code.length(); i++) {
            if (code.charAt(i) == '\n' && ++lines == CODE_LINES_PER_PIECE) {
                parts.add(code.substring(start, i));
                start = i + 1;
                lines = 0;
            }
        }
        parts.add(code.substring(start));
        return parts;
    }

    private void show(List<MdBlock> shown) {
        List<Piece> blocks = pieces(shown);
        // Only the blocks that changed are replaced (blocks are records, so equal means unchanged): the list keeps
        // its scroll position and rebuilds the cells of the changed blocks alone.
        javafx.collections.ObservableList<Piece> old = list.getItems();
        dev.quorum.ui.ListDiff diff = dev.quorum.ui.ListDiff.between(old, blocks);
        if (diff.oldEnd() - diff.from() == 1 && diff.newEnd() - diff.from() == 1) {
            old.set(diff.from(), blocks.get(diff.from()));
        } else if (!diff.none()) {
            List<Piece> replacement = new ArrayList<>(blocks.subList(diff.from(), diff.newEnd()));
            old.remove(diff.from(), diff.oldEnd());
            old.addAll(diff.from(), replacement);
        }
    }

    /** A list cell that shows one block, as wide as the list so that text wraps. */
    private final class BlockCell extends ListCell<Piece> {
        BlockCell() {
            getStyleClass().add("md-block-cell");
            // Without this a cell asks for its content's width and long paragraphs would not wrap.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(Piece piece, boolean empty) {
            super.updateItem(piece, empty);
            setText(null);
            // The pieces of one table sit flush, with no gap between their cells.
            pseudoClassStateChanged(CONTINUED, !empty && piece != null && piece.continued());
            pseudoClassStateChanged(CONTINUES, !empty && piece != null && piece.continues());
            if (empty || piece == null) {
                setGraphic(null);
                return;
            }
            Node node = piece.block() instanceof MdBlock.Table t ? table(t, piece.columns(), piece.continued(), piece.continues())
                    : piece.block() instanceof MdBlock.CodeBlock c ? code(c, piece.continued(), piece.continues())
                    : block(piece.block());
            if (node instanceof javafx.scene.layout.Region r) {
                r.maxWidthProperty().bind(list.widthProperty().subtract(48));
            }
            setGraphic(node);
        }

        @Override
        protected double computePrefHeight(double width) {
            // The block is laid out narrower than the cell (its max width leaves room for the scroll bar), so its
            // height must be asked for at that width: asked at the cell's width, a table's wrapped cells came out
            // a line or two short and their text was cut off.
            if (getGraphic() instanceof javafx.scene.layout.Region r && r.getMaxWidth() > 0
                    && r.getMaxWidth() < Double.MAX_VALUE) {
                javafx.geometry.Insets in = getInsets();
                double inner = width < 0 ? r.getMaxWidth() : Math.min(r.getMaxWidth(), width - in.getLeft() - in.getRight());
                return in.getTop() + in.getBottom() + r.prefHeight(inner);
            }
            return super.computePrefHeight(width);
        }
    }

    private static final javafx.css.PseudoClass CONTINUED = javafx.css.PseudoClass.getPseudoClass("continued");
    private static final javafx.css.PseudoClass CONTINUES = javafx.css.PseudoClass.getPseudoClass("continues");

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
            return code(c, false, false);
        }
        if (block instanceof MdBlock.Table t) {
            return table(t, columns(t), false, false);
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

    private static Node code(MdBlock.CodeBlock c, boolean continued, boolean continues) {
        VBox box = new VBox(4);
        box.getStyleClass().add("md-codeblock");
        // The pieces of a long block sit flush, as one block: no border or rounding where they meet.
        if (continued) {
            box.getStyleClass().add("md-codeblock-continued");
        }
        if (continues) {
            box.getStyleClass().add("md-codeblock-continues");
        }
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

    private static int columns(MdBlock.Table t) {
        int columns = t.header().size();
        for (List<List<Span>> row : t.rows()) {
            columns = Math.max(columns, row.size());
        }
        return columns;
    }

    private static Node table(MdBlock.Table t, int columns, boolean continued, boolean continues) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        // The pieces of a long table draw one outline: no border where one piece meets the next.
        if (continued) {
            grid.getStyleClass().add("md-table-continued");
        }
        if (continues) {
            grid.getStyleClass().add("md-table-continues");
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
