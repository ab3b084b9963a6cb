package dev.quorum.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.TestDesigns;
import dev.quorum.TestMarkdown;
import dev.quorum.model.Consistency;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateLoader;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Node;
import org.junit.jupiter.api.Test;

class MarkdownExporterTest {

    private final Template template = TemplateLoader.dataAndConsistency();
    private final MarkdownExporter exporter = new MarkdownExporter(template);
    
    @Test
    void aCompleteDesignHasTheTemplatesHeadingsTablesAndFences() {
        Node doc = TestMarkdown.parse(exporter.export(TestDesigns.complete()));
        assertThat(TestMarkdown.headings(doc)).containsExactlyElementsOf(TestMarkdown.templateHeadings(template));
        List<TableBlock> tables = TestMarkdown.nodes(doc, TableBlock.class);
        // data elements, storage summary, shared data, replication links
        assertThat(tables).hasSize(4);
        List<TableRow> dataRows = TestMarkdown.nodes(tables.get(0), TableRow.class);
        assertThat(dataRows).hasSize(3);
        assertThat(TestMarkdown.nodes(dataRows.get(1), TableCell.class)).extracting(TestMarkdown::text)
                .containsExactly("users", "Registered customers", "Log-in and order history", "1 KB per row x 1M rows (≈ 1 GB)");
        assertThat(TestMarkdown.nodes(doc, FencedCodeBlock.class)).extracting(FencedCodeBlock::getInfo)
                .containsExactly("sql", "json", "sql", "mermaid", "mermaid");
        FencedCodeBlock flow = TestMarkdown.nodes(doc, FencedCodeBlock.class).get(3);
        assertThat(flow.getLiteral()).isEqualTo("""
                flowchart TB
                    n0["Web app"]
                    n1[("PostgreSQL")]
                    n0 -->|"Write"| n1
                """);
        FencedCodeBlock topology = TestMarkdown.nodes(doc, FencedCodeBlock.class).get(4);
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
        assertThat(TestMarkdown.nodes(doc, HtmlBlock.class)).isEmpty();
        assertThat(TestMarkdown.nodes(doc, HtmlInline.class)).isEmpty();
    }

    @Test
    void theSameDesignAlwaysGivesTheSameText() {
        assertThat(exporter.export(TestDesigns.complete())).isEqualTo(exporter.export(TestDesigns.complete()));
    }

    @Test
    void emptyFieldsReadNotSpecifiedAndHeadingsStay() {
        String md = exporter.export(Design.empty("Blank"));
        Node doc = TestMarkdown.parse(md);
        assertThat(TestMarkdown.headings(doc)).containsExactlyElementsOf(TestMarkdown.templateHeadings(template));
        assertThat(md).contains("- **Your Choice:** _Not specified_");
        assertThat(md).contains("### Data Creation\n\n_Not specified_\n");
        assertThat(TestMarkdown.nodes(doc, TableBlock.class)).isEmpty();
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
        Node doc = TestMarkdown.parse(md);
        assertThat(TestMarkdown.headings(doc)).containsExactlyElementsOf(TestMarkdown.templateHeadings(template));
        assertThat(TestMarkdown.nodes(doc, HtmlBlock.class)).isEmpty();
        assertThat(TestMarkdown.nodes(doc, HtmlInline.class)).isEmpty();
        assertThat(TestMarkdown.nodes(doc, FencedCodeBlock.class)).isEmpty();
        TableBlock table = TestMarkdown.nodes(doc, TableBlock.class).get(0);
        assertThat(TestMarkdown.nodes(TestMarkdown.nodes(table, TableRow.class).get(1), TableCell.class)).extracting(TestMarkdown::text)
                .containsExactly("a | b", "x # y", "<img src=x onerror=alert(1)>", "1 GB");
        assertThat(TestMarkdown.text(doc)).contains("<script>alert(1)</script>", "# Injected heading", "## Sneaky");
    }

    @Test
    void codeContainingBackticksGetsALongerFence() {
        String fenced = MarkdownText.fence("sql", "SELECT '```' AS x;");
        assertThat(fenced).startsWith("````sql\n").endsWith("\n````\n");
        FencedCodeBlock block = TestMarkdown.nodes(TestMarkdown.parse(fenced), FencedCodeBlock.class).get(0);
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
