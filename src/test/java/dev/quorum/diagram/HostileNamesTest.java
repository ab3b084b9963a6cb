package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.Design;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The hostile names of issue 5 give exactly one box per name and no injected edges or attributes, in
 * DOT (read back by Graphviz's own parser and drawn by the dot binary) and in Mermaid (checked
 * line by line against the constructs our writers use).
 */
class HostileNamesTest {

    private static final List<String> NAMES = HostileNames.NAMES;
    private static final int N = NAMES.size();
    /** Our attributes, the defaults we set for every node, and what Graphviz adds for the layout. */
    private static final Set<String> OUR_NODE_ATTRIBUTES = Set.of("shape", "label", "style", "fillcolor", "color", "fontcolor",
            "penwidth", "fontname", "fontsize", "name", "_gvid", "pos", "width", "height", "rects");
    private static final DiagramRenderer DOT = new DiagramRenderer(RenderEngine.DOT, Duration.ofSeconds(60));

    @Test
    void erTablesAndViewsAreOneBoxEachWithNoInjectedEdgesOrAttributes() throws Exception {
        String dot = ErDiagram.dot(HostileNames.schema(), ErOptions.all().withClustering(ErOptions.Clustering.NONE));

        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(2 * N);
        assertThat(parsed.edges()).hasSize(N - 1);
        assertNoInjectedAttributes(parsed);

        SvgStructure svg = SvgStructure.parse(DOT.render(dot, RenderFormat.SVG).text());
        assertThat(svg.nodeTexts()).hasSize(2 * N);
        assertThat(svg.edgeCount()).isEqualTo(N - 1);
        for (String name : NAMES) {
            assertThat(svg.count(HostileNames.shown(name))).as("table title %s", abbreviate(name)).isEqualTo(1);
            assertThat(svg.count(DiagramText.name("v " + name))).as("view %s", abbreviate(name)).isEqualTo(1);
        }
    }

    @Test
    void erColumnNamesAndTypesStayInsideTheirFields() throws Exception {
        String dot = ErDiagram.dot(HostileNames.columns(), ErOptions.all());
        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(1);
        assertThat(parsed.edges()).isEmpty();
        assertNoInjectedAttributes(parsed);

        SvgStructure svg = SvgStructure.parse(DOT.render(dot, RenderFormat.SVG).text());
        List<String> texts = svg.nodeTexts().values().iterator().next();
        // The title, then one field per column: nothing split a field or added one.
        assertThat(texts).hasSize(1 + N);
        for (int i = 0; i < N; i++) {
            String name = NAMES.get(i);
            String expected = HostileNames.shown(name) + " : " + HostileNames.shown(name) + (i % 2 == 0 ? "  NULL" : "");
            assertThat(texts.get(1 + i)).as("column %s", abbreviate(name)).isEqualTo(DiagramText.clean(expected, DiagramText.NAME_LIMIT * 2));
        }
    }

    @Test
    void dataFlowNodesAndEdgeLabelsAreOneBoxAndOneLabelEach() throws Exception {
        Design design = HostileNames.flow();
        String dot = DataFlowDiagram.dot(design);

        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(N);
        assertThat(parsed.edges()).hasSize(N - 1);
        assertNoInjectedAttributes(parsed);

        SvgStructure svg = SvgStructure.parse(DOT.render(dot, RenderFormat.SVG).text());
        assertThat(svg.nodeTexts()).hasSize(N);
        assertThat(svg.edgeCount()).isEqualTo(N - 1);
        for (int i = 0; i < N; i++) {
            assertThat(svg.nodeTexts().get("n" + i)).as("node %s", abbreviate(NAMES.get(i)))
                    .containsExactly(HostileNames.shown(NAMES.get(i)));
        }

        MermaidStructure mermaid = MermaidStructure.flowchart(DataFlowDiagram.mermaid(design));
        assertThat(mermaid.nodeLabels()).containsExactlyElementsOf(NAMES.stream().map(HostileNames::shown).toList());
        assertThat(mermaid.edges()).hasSize(N - 1);
        // Edge labels are notes, cut at the longer note limit.
        assertThat(mermaid.edgeLabels()).containsExactlyElementsOf(NAMES.subList(1, N).stream().map(DiagramText::note).toList());
    }

    @Test
    void sharingStorageAndStrategyNamesStayInsideTheirBoxes() throws Exception {
        Design design = HostileNames.sharing();
        String dot = DataFlowDiagram.dot(design);
        DotStructure parsed = DotStructure.parse(dot);
        // One store per storage system, one component per shared-data row, one note per strategy.
        assertThat(parsed.nodes()).hasSize(3 * N);
        // A shared-data line and a strategy line per component.
        assertThat(parsed.edges()).hasSize(2 * N);
        assertNoInjectedAttributes(parsed);
        SvgStructure svg = SvgStructure.parse(DOT.render(dot, RenderFormat.SVG).text());
        assertThat(svg.nodeTexts()).hasSize(3 * N);
        assertThat(svg.edgeCount()).isEqualTo(2 * N);

        MermaidStructure mermaid = MermaidStructure.flowchart(DataFlowDiagram.mermaid(design));
        assertThat(mermaid.nodeLabels()).hasSize(3 * N);
        assertThat(mermaid.edges()).hasSize(2 * N);
    }

    @Test
    void topologyHasOneFramePerDatacenterOneBoxPerNodeAndOneArrowPerLink() throws Exception {
        Design design = HostileNames.topologyDesign();
        String dot = TopologyDiagram.dot(design.replication().topology(), design.replication().failover());

        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.nodes()).hasSize(N);
        assertThat(parsed.clusters()).hasSize(N);
        assertThat(parsed.edges()).hasSize(N - 1);
        assertNoInjectedAttributes(parsed);

        SvgStructure svg = SvgStructure.parse(DOT.render(dot, RenderFormat.SVG).text());
        assertThat(svg.nodeTexts()).hasSize(N);
        assertThat(svg.edgeCount()).isEqualTo(N - 1);
        for (int i = 0; i < N; i++) {
            assertThat(svg.nodeTexts().get("n" + i).get(0)).as("node %s", abbreviate(NAMES.get(i))).isEqualTo(HostileNames.shown(NAMES.get(i)));
        }

        MermaidStructure mermaid = MermaidStructure.flowchart(TopologyDiagram.mermaid(design.replication().topology(),
                design.replication().failover()));
        assertThat(mermaid.frames()).containsExactlyElementsOf(NAMES.stream().map(HostileNames::shown).toList());
        assertThat(mermaid.nodeLabels()).hasSize(N);
        for (int i = 0; i < N; i++) {
            assertThat(mermaid.nodeLabels().get(i)).startsWith(HostileNames.shown(NAMES.get(i)) + " · ");
        }
        assertThat(mermaid.edges()).hasSize(N - 1);
    }

    @Test
    void mermaidErDiagramHasOneEntityPerNameAndOnlyOurRelationships() throws Exception {
        MermaidStructure er = MermaidStructure.erDiagram(ErDiagram.mermaid(HostileNames.schema(), ErOptions.all()));
        assertThat(er.nodeLabels()).hasSize(2 * N);
        assertThat(er.nodeLabels().subList(0, N)).containsExactlyElementsOf(NAMES.stream().map(HostileNames::shown).toList());
        assertThat(er.edges()).hasSize(N - 1);
        assertThat(er.edgeLabels()).containsOnly("ref");

        MermaidStructure columns = MermaidStructure.erDiagram(ErDiagram.mermaid(HostileNames.columns(), ErOptions.all()));
        assertThat(columns.nodeLabels()).containsExactly("plain");
        assertThat(columns.edges()).isEmpty();
    }

    @Test
    void noLabelCanFeedGraphvizJavasOwnPatterns() throws Exception {
        // graphviz-java scans the whole DOT text for fontname=, image=, dpi= and <img; only our own
        // fontname may match, and the label text never contains '=' or '<'.
        for (String dot : List.of(ErDiagram.dot(HostileNames.schema(), ErOptions.all()), ErDiagram.dot(HostileNames.columns(), ErOptions.all()),
                DataFlowDiagram.dot(HostileNames.flow()), DataFlowDiagram.dot(HostileNames.sharing()),
                TopologyDiagram.dot(HostileNames.topology(), HostileNames.failover()))) {
            assertThat(Pattern.compile("fontname\"?\\s*=").matcher(dot).results().count()).isEqualTo(3);
            assertThat(dot).doesNotContainPattern("(?i)image\"?\\s*=").doesNotContainPattern("(?i)dpi\"?\\s*=")
                    .doesNotContainIgnoringCase("<img").doesNotContain("color=red");
        }
    }

    @Test
    void theJ2v8EngineDrawsTheSameBoxesAndEdges() throws Exception {
        DiagramRenderer j2v8 = new DiagramRenderer(RenderEngine.J2V8, Duration.ofSeconds(120));
        String er = ErDiagram.dot(HostileNames.schema(), ErOptions.all());
        SvgStructure svg = SvgStructure.parse(j2v8.render(er, RenderFormat.SVG).text());
        assertThat(svg.nodeTexts()).hasSize(2 * N);
        assertThat(svg.edgeCount()).isEqualTo(N - 1);
        for (String name : NAMES) {
            assertThat(svg.count(HostileNames.shown(name))).as("table title %s", abbreviate(name)).isEqualTo(1);
        }
        Design design = HostileNames.topologyDesign();
        SvgStructure topology = SvgStructure.parse(j2v8.render(TopologyDiagram.dot(design.replication().topology(),
                design.replication().failover()), RenderFormat.SVG).text());
        assertThat(topology.nodeTexts()).hasSize(N);
        assertThat(topology.edgeCount()).isEqualTo(N - 1);
    }

    private static void assertNoInjectedAttributes(DotStructure parsed) {
        for (Map.Entry<String, Map<String, String>> node : parsed.nodes().entrySet()) {
            assertThat(node.getKey()).matches("[tvmn]\\d+");
            assertThat(OUR_NODE_ATTRIBUTES).as("attributes of %s", node.getKey()).containsAll(node.getValue().keySet());
            assertThat(node.getValue().values()).doesNotContain("red");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
