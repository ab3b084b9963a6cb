package dev.quorum.ui.preview;

import dev.quorum.ui.preview.Span.Style;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.LinkReferenceDefinition;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Parses Markdown with commonmark (GFM tables) and reduces the tree to {@link MdBlock}s. Raw HTML becomes
 * literal text and links become styled text with their target kept for display, so nothing a design
 * contains can run or open anything. Pure Java, so it runs on the background thread.
 */
public final class MarkdownBlocks {

    /** Deeper nesting than this is flattened to text, so a hostile file cannot exhaust the stack. */
    static final int MAX_DEPTH = 24;

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownBlocks() {
    }

    /** The blocks of a Markdown document. */
    public static List<MdBlock> parse(String markdown) {
        Node document = PARSER.parse(markdown == null ? "" : markdown);
        return blocks(document, 0);
    }

    private static List<MdBlock> blocks(Node parent, int depth) {
        List<MdBlock> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            MdBlock b = block(n, depth);
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    private static MdBlock block(Node n, int depth) {
        if (depth > MAX_DEPTH) {
            return new MdBlock.Paragraph(List.of(Span.plain(plainText(n))));
        }
        if (n instanceof Heading h) {
            return new MdBlock.Heading(h.getLevel(), inlines(h));
        }
        if (n instanceof Paragraph p) {
            return new MdBlock.Paragraph(inlines(p));
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            List<List<MdBlock>> items = new ArrayList<>();
            for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem) {
                    items.add(blocks(item, depth + 1));
                }
            }
            int start = 1;
            if (n instanceof OrderedList o && o.getMarkerStartNumber() != null) {
                start = o.getMarkerStartNumber();
            }
            return new MdBlock.ListBlock(n instanceof OrderedList, start, items);
        }
        if (n instanceof FencedCodeBlock f) {
            String info = f.getInfo() == null ? "" : f.getInfo().strip();
            int space = info.indexOf(' ');
            return new MdBlock.CodeBlock(space < 0 ? info : info.substring(0, space), stripLastNewline(f.getLiteral()));
        }
        if (n instanceof IndentedCodeBlock c) {
            return new MdBlock.CodeBlock("", stripLastNewline(c.getLiteral()));
        }
        if (n instanceof TableBlock) {
            return table(n);
        }
        if (n instanceof BlockQuote) {
            return new MdBlock.Quote(blocks(n, depth + 1));
        }
        if (n instanceof ThematicBreak) {
            return new MdBlock.Rule();
        }
        if (n instanceof HtmlBlock h) {
            return new MdBlock.LiteralHtml(stripLastNewline(h.getLiteral()));
        }
        if (n instanceof LinkReferenceDefinition) {
            return null;
        }
        // An extension block this preview does not know: its text is still worth showing.
        String text = plainText(n);
        return text.isBlank() ? null : new MdBlock.Paragraph(List.of(Span.plain(text)));
    }

    private static MdBlock table(Node tableBlock) {
        List<List<Span>> header = new ArrayList<>();
        List<List<List<Span>>> rows = new ArrayList<>();
        for (Node part = tableBlock.getFirstChild(); part != null; part = part.getNext()) {
            for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
                if (!(row instanceof TableRow)) {
                    continue;
                }
                List<List<Span>> cells = new ArrayList<>();
                boolean isHeader = false;
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell tc) {
                        isHeader |= tc.isHeader();
                        cells.add(inlines(tc));
                    }
                }
                if (isHeader && header.isEmpty()) {
                    header.addAll(cells);
                } else {
                    rows.add(cells);
                }
            }
        }
        return new MdBlock.Table(header, rows);
    }

    /** The inline content of a block as merged spans. */
    static List<Span> inlines(Node block) {
        List<Span> out = new ArrayList<>();
        inline(block, EnumSet.noneOf(Style.class), "", out, 0);
        return out;
    }

    private static void inline(Node parent, Set<Style> styles, String target, List<Span> out, int depth) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (depth > MAX_DEPTH) {
                add(out, plainText(n), styles, target);
            } else if (n instanceof Text t) {
                add(out, t.getLiteral(), styles, target);
            } else if (n instanceof Code c) {
                add(out, c.getLiteral(), with(styles, Style.CODE), target);
            } else if (n instanceof Emphasis) {
                inline(n, with(styles, Style.EMPHASIS), target, out, depth + 1);
            } else if (n instanceof StrongEmphasis) {
                inline(n, with(styles, Style.STRONG), target, out, depth + 1);
            } else if (n instanceof Link l) {
                inline(n, with(styles, Style.LINK), nullToEmpty(l.getDestination()), out, depth + 1);
            } else if (n instanceof Image i) {
                // Images are never fetched: the alt text stands in, with the address shown like a link's.
                add(out, "[image: " + plainText(i) + "]", with(styles, Style.LINK), nullToEmpty(i.getDestination()));
            } else if (n instanceof HtmlInline h) {
                add(out, h.getLiteral(), with(styles, Style.HTML), target);
            } else if (n instanceof SoftLineBreak) {
                add(out, " ", styles, target);
            } else if (n instanceof HardLineBreak) {
                add(out, "\n", styles, target);
            } else {
                inline(n, styles, target, out, depth + 1);
            }
        }
    }

    private static void add(List<Span> out, String text, Set<Style> styles, String target) {
        if (text == null || text.isEmpty()) {
            return;
        }
        if (!out.isEmpty()) {
            Span last = out.get(out.size() - 1);
            if (last.styles().equals(styles) && last.linkTarget().equals(target)) {
                out.set(out.size() - 1, new Span(last.text() + text, styles, target));
                return;
            }
        }
        out.add(new Span(text, styles, target));
    }

    private static Set<Style> with(Set<Style> styles, Style extra) {
        EnumSet<Style> s = styles.isEmpty() ? EnumSet.noneOf(Style.class) : EnumSet.copyOf(styles);
        s.add(extra);
        return s;
    }

    /** Every literal below a node, iteratively so that depth cannot overflow the stack. */
    static String plainText(Node root) {
        StringBuilder b = new StringBuilder();
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node n = stack.pop();
            if (n instanceof Text t) {
                b.append(t.getLiteral());
            } else if (n instanceof Code c) {
                b.append(c.getLiteral());
            } else if (n instanceof HtmlInline h) {
                b.append(h.getLiteral());
            } else if (n instanceof HtmlBlock h) {
                b.append(h.getLiteral());
            } else if (n instanceof FencedCodeBlock f) {
                b.append(f.getLiteral());
            } else if (n instanceof IndentedCodeBlock c) {
                b.append(c.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                b.append(' ');
            }
            List<Node> children = new ArrayList<>();
            for (Node c = n.getFirstChild(); c != null; c = c.getNext()) {
                children.add(c);
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                stack.push(children.get(i));
            }
            if (n instanceof Paragraph && b.length() > 0) {
                b.append(' ');
            }
        }
        return b.toString().strip();
    }

    private static String stripLastNewline(String s) {
        if (s == null) {
            return "";
        }
        return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
