package dev.quorum;

import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;
import dev.quorum.template.TemplateSubsection;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** Parses exported Markdown the way GitHub does (CommonMark plus GFM tables) and reads it back for assertions. */
public final class TestMarkdown {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private TestMarkdown() {
    }

    /** The syntax tree of a Markdown text. */
    public static Node parse(String markdown) {
        return PARSER.parse(markdown);
    }

    /** The headings the template defines, as "level title", in order. */
    public static List<String> templateHeadings(Template template) {
        List<String> out = new ArrayList<>();
        out.add("1 " + template.title());
        for (TemplateSection s : template.sections()) {
            out.add("2 " + s.title());
            for (TemplateSubsection sub : s.subsections()) {
                if (sub.hasHeading()) {
                    out.add("3 " + sub.title());
                }
            }
        }
        return out;
    }

    /** Every heading of a document, as "level text", in order. */
    public static List<String> headings(Node document) {
        List<String> out = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                out.add(heading.getLevel() + " " + text(heading));
            }
        });
        return out;
    }

    /** The plain text below a node. */
    public static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }
        });
        return b.toString();
    }

    /** Every node of a type below (and including) a node, in document order. */
    public static <T extends Node> List<T> nodes(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(root, type, out);
        return out;
    }

    private static <T extends Node> void collect(Node node, Class<T> type, List<T> out) {
        if (type.isInstance(node)) {
            out.add(type.cast(node));
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
            collect(child, type, out);
        }
    }
}
