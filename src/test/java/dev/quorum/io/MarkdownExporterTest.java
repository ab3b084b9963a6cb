package dev.quorum.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.TestDesigns;
import dev.quorum.model.Consistency;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateLoader;
import dev.quorum.template.TemplateSection;
import dev.quorum.template.TemplateSubsection;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

class MarkdownExporterTest {

    private final Template template = TemplateLoader.dataAndConsistency();
    private final MarkdownExporter exporter = new MarkdownExporter(template);
    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** The headings the template defines, as "level title", in order. */
    static List<String> templateHeadings(Template template) {
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

    /** Every heading of a Markdown document, as "level text", in order. */
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

    static String text(Node node) {
        StringBuilder b = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                b.append(t.getLiteral());
            }
        });
        return b.toString();
    }

    static <T extends Node> List<T> nodes(Node document, Class<T> type) {
        List<T> out = new ArrayList<>();
        collect(document, type, out);
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

    @Test
    void aCompleteDesignHasTheTemplatesHeadingsTablesAndFences() {
        Node doc = parser.parse(exporter.export(TestDesigns.complete()));
        assertThat(headings(doc)).containsExactlyElementsOf(templateHeadings(template));
        List<TableBlock> tables = nodes(doc, TableBlock.class);
        // data elements, storage summary, shared data, replication links
        assertThat(tables).hasSize(4);
        List<TableRow> dataRows = nodes(tables.get(0), TableRow.class);
        assertThat(dataRows).hasSize(3);
        assertThat(nodes(dataRows.get(1), TableCell.class)).extracting(MarkdownExporterTest::text)
                .containsExactly("users", "Registered customers", "Log-in and order history", "1 KB per row x 1M rows (≈ 1 GB)");
        assertThat(nodes(doc, FencedCodeBlock.class)).extracting(FencedCodeBlock::getInfo)
                .containsExactly("sql", "json", "sql", "mermaid", "mermaid");
        FencedCodeBlock flow = nodes(doc, FencedCodeBlock.class).get(3);
        assertThat(flow.getLiteral()).isEqualTo("""
                flowchart TB
                    n0["Web app"]
                    n1[("PostgreSQL")]
                    n0 -->|"Write"| n1
                """);
        FencedCodeBlock topology = nodes(doc, FencedCodeBlock.class).get(4);
        assertThat(topology.getLiteral()).isEqualTo("""
                flowchart TB
                    subgraph dc0["Primary Datacenter"]
                        n0[("PostgreSQL primary (primary)")]
                    end
                    subgraph dc1["Secondary Datacenter"]
                        n1[("PostgreSQL standby (standby)")]
                    end
                    n0 ==>|"sync, 0"| n1
                """);
        assertThat(nodes(doc, HtmlBlock.class)).isEmpty();
        assertThat(nodes(doc, HtmlInline.class)).isEmpty();
    }

    @Test
    void theSameDesignAlwaysGivesTheSameText() {
        assertThat(exporter.export(TestDesigns.complete())).isEqualTo(exporter.export(TestDesigns.complete()));
    }

    @Test
    void emptyFieldsReadNotSpecifiedAndHeadingsStay() {
        String md = exporter.export(Design.empty("Blank"));
        Node doc = parser.parse(md);
        assertThat(headings(doc)).containsExactlyElementsOf(templateHeadings(template));
        assertThat(md).contains("- **Your Choice:** _Not specified_");
        assertThat(md).contains("### Data Creation\n\n_Not specified_\n");
        assertThat(nodes(doc, TableBlock.class)).isEmpty();
    }

    @Test
    void userTextCannotAddHeadingsFencesHtmlOrTableColumns() {
        Design hostile = new Design("<script>alert(1)</script>", "# Injected heading\n```\nnot code",
                new DataPersistence(List.of(new DataElement("a | b", "x\n# y", "<img src=x onerror=alert(1)>", DataSize.of("1 GB"))),
                        List.of()),
                null, null, null, null,
                new Consistency(ConsistencyModel.STRONG, "Line one\n## Sneaky\n---", "<b>bold</b>"),
                null, null, null);
        String md = exporter.export(hostile);
        Node doc = parser.parse(md);
        assertThat(headings(doc)).containsExactlyElementsOf(templateHeadings(template));
        assertThat(nodes(doc, HtmlBlock.class)).isEmpty();
        assertThat(nodes(doc, HtmlInline.class)).isEmpty();
        assertThat(nodes(doc, FencedCodeBlock.class)).isEmpty();
        TableBlock table = nodes(doc, TableBlock.class).get(0);
        assertThat(nodes(nodes(table, TableRow.class).get(1), TableCell.class)).extracting(MarkdownExporterTest::text)
                .containsExactly("a | b", "x # y", "<img src=x onerror=alert(1)>", "1 GB");
        assertThat(text(doc)).contains("<script>alert(1)</script>", "# Injected heading", "## Sneaky");
    }

    @Test
    void codeContainingBackticksGetsALongerFence() {
        String fenced = MarkdownText.fence("sql", "SELECT '```' AS x;");
        assertThat(fenced).startsWith("````sql\n").endsWith("\n````\n");
        FencedCodeBlock block = nodes(parser.parse(fenced), FencedCodeBlock.class).get(0);
        assertThat(block.getLiteral()).isEqualTo("SELECT '```' AS x;\n");
    }

    @Test
    void mermaidLabelsAreQuotedAndEscaped() {
        assertThat(MermaidWriter.label("x\" --> injected[\"y\"] %% <b>|#"))
                .isEqualTo("x#quot; --#gt; injected[#quot;y#quot;] %% #lt;b#gt;#124;#35;");
    }

    @Test
    void everyTemplateSubsectionHasAWriter() {
        template.sections().forEach(s -> s.subsections()
                .forEach(sub -> assertThat(exporter.writes(sub.id())).as(sub.id()).isTrue()));
    }
}
