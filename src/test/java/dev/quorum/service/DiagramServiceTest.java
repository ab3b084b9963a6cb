package dev.quorum.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.TestDesigns;
import dev.quorum.TestMarkdown;
import dev.quorum.diagram.DiagramInputException;
import dev.quorum.diagram.DiagramRenderer;
import dev.quorum.diagram.ErOptions;
import dev.quorum.diagram.RenderEngine;
import dev.quorum.diagram.RenderFormat;
import dev.quorum.io.DesignYaml;
import dev.quorum.io.MarkdownFigures;
import dev.quorum.model.Design;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Image;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The diagram use cases: Markdown figures, image files next to an export, query scopes and Mermaid import. */
class DiagramServiceTest {

    private final DesignService designs = new DesignService();
    private final DiagramService diagrams = new DiagramService(new DiagramRenderer(RenderEngine.DOT, Duration.ofSeconds(60)));

    @TempDir
    Path dir;

    private Design ecommerce() throws Exception {
        return new DesignYaml().read(Path.of("samples/ecommerce.quorum.yaml")).design();
    }

    @Test
    void theMarkdownExportCarriesTheErDiagramAsMermaidAfterTheSchemaWithTheTemplatesHeadings() throws Exception {
        Design d = ecommerce();
        String md = designs.toMarkdown(d);
        var doc = TestMarkdown.parse(md);
        assertThat(TestMarkdown.headings(doc)).containsExactlyElementsOf(TestMarkdown.templateHeadings(designs.template()));
        List<FencedCodeBlock> fences = TestMarkdown.nodes(doc, FencedCodeBlock.class);
        int sql = fences.stream().map(FencedCodeBlock::getInfo).toList().indexOf("sql");
        assertThat(fences.get(sql + 1).getInfo()).isEqualTo("mermaid");
        assertThat(fences.get(sql + 1).getLiteral()).isEqualTo(diagrams.mermaid(d, DiagramKind.ER, ErOptions.all()));
        assertThat(md).contains("**Entity-relationship diagram:**\n\n```mermaid\nerDiagram\n");
        assertThat(TestMarkdown.nodes(doc, Image.class)).isEmpty();
    }

    @Test
    void aDesignWithoutSchemaGetsNoErFigure() {
        String md = designs.toMarkdown(TestDesigns.complete());
        assertThat(md).contains("```mermaid\nerDiagram");
        assertThat(designs.toMarkdown(Design.empty("blank"))).doesNotContain("erDiagram").doesNotContain("Entity-relationship diagram");
    }

    @Test
    void imagesAreWrittenNextToTheMarkdownAndLinked() throws Exception {
        Design d = ecommerce();
        Path md = dir.resolve("Shop Design.md");
        MarkdownFigures figures = diagrams.writeImages(d, md, RenderFormat.SVG);
        String text = designs.toMarkdown(d, figures);
        for (String kind : List.of("er", "dataflow", "topology")) {
            Path image = dir.resolve("Shop-Design-" + kind + ".svg");
            assertThat(image).isRegularFile();
            assertThat(Files.readString(image)).contains("<svg");
        }
        var doc = TestMarkdown.parse(text);
        assertThat(TestMarkdown.nodes(doc, Image.class)).extracting(Image::getDestination)
                .containsExactly("Shop-Design-er.svg", "Shop-Design-dataflow.svg", "Shop-Design-topology.svg");
        assertThat(TestMarkdown.headings(doc)).containsExactlyElementsOf(TestMarkdown.templateHeadings(designs.template()));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void aQueryScopeComesFromTheDesignsQueryByName() throws Exception {
        Design d = ecommerce();
        String dot = diagrams.dot(d, DiagramKind.ER, diagrams.queryScope(d, "customer ORDER history"));
        assertThat(dot).contains("Tables the query touches");
        assertThatThrownBy(() -> diagrams.queryScope(d, "nope")).isInstanceOf(DiagramInputException.class)
                .hasMessageStartingWith("no query named 'nope'; queries: Customer order history, ");
        assertThatThrownBy(() -> diagrams.dot(Design.empty("x"), DiagramKind.ER, null)).isInstanceOf(DiagramInputException.class)
                .hasMessage("the design has no SQL schema to draw");
        assertThat(diagrams.tableNames(d)).containsExactly("order_items", "orders", "payments", "products", "users");
    }

    @Test
    void pastedMermaidBecomesADesignToDraw() throws Exception {
        var topology = diagrams.importTopology("graph TB\nsubgraph A[\"Site A\"]\nm[(Primary)]\nend\nm -->|async, 1 s| r[(Replica)]");
        Design d = diagrams.topologyDesign("pasted", topology.value());
        assertThat(diagrams.dot(d, DiagramKind.TOPOLOGY, null)).contains("label=\"Site A\"", "label=\"async, lag 1 s\"");
        var flow = diagrams.importFlow("graph LR\na[App] -->|writes| b[(DB)]");
        assertThat(diagrams.mermaid(diagrams.flowDesign("pasted", flow.value()), DiagramKind.DATAFLOW, null))
                .contains("n0[\"App\"]", "n1[(\"DB\")]", "n0 -->|\"writes\"| n1");
    }
}
