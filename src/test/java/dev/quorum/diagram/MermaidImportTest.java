package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.model.Datacenter;
import dev.quorum.model.Duration;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.NodeRole;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the template's Mermaid blocks into the model, and clear errors for what is not understood. */
class MermaidImportTest {

    /** The synchronization example of the template, as printed there. */
    static final String TEMPLATE_SYNC = """
            graph TB
            CompA["Component A"]
            CompB["Component B"]
            DB[(Database)]
            Cache[Cache]
            CompA -->|Write| DB
            DB -->|Update| Cache
            Cache -->|Read| CompB
            CompB -->|Read| DB
            """;

    /** The replication topology example of the template, as printed there. */
    static final String TEMPLATE_TOPOLOGY = """
            graph TB
            subgraph Primary["Primary Datacenter"]
            M[Master]
            C1[Cache]
            end
            subgraph Secondary["Secondary Datacenter"]
            S[Slave]
            C2[Cache]
            end
            M -->|Replicate| S
            M --> C1
            S --> C2
            """;

    @Test
    void theTemplatesSynchronizationExampleBecomesTheFlowDiagram() throws Exception {
        MermaidImport.Result<FlowDiagram> r = MermaidImport.flow(TEMPLATE_SYNC);
        assertThat(r.value()).isEqualTo(new FlowDiagram(
                List.of(new FlowNode("CompA", "Component A", FlowNodeKind.COMPONENT),
                        new FlowNode("CompB", "Component B", FlowNodeKind.COMPONENT),
                        new FlowNode("DB", "Database", FlowNodeKind.DATABASE),
                        new FlowNode("Cache", "Cache", FlowNodeKind.CACHE)),
                List.of(new FlowEdge("CompA", "DB", "Write"), new FlowEdge("DB", "Cache", "Update"),
                        new FlowEdge("Cache", "CompB", "Read"), new FlowEdge("CompB", "DB", "Read"))));
        assertThat(r.notes()).isEmpty();
    }

    @Test
    void theTemplatesTopologyExampleBecomesDatacentersNodesAndLinks() throws Exception {
        MermaidImport.Result<Topology> r = MermaidImport.topology(TEMPLATE_TOPOLOGY);
        assertThat(r.value()).isEqualTo(new Topology(
                List.of(new Datacenter("Primary", "Primary Datacenter"), new Datacenter("Secondary", "Secondary Datacenter")),
                List.of(new TopologyNode("M", "Master", NodeRole.PRIMARY, "Primary"),
                        new TopologyNode("C1", "Cache", NodeRole.CACHE, "Primary"),
                        new TopologyNode("S", "Slave", NodeRole.REPLICA, "Secondary"),
                        new TopologyNode("C2", "Cache", NodeRole.CACHE, "Secondary")),
                List.of(new ReplicationLink("M", "S", null, Duration.UNSPECIFIED),
                        new ReplicationLink("M", "C1", null, Duration.UNSPECIFIED),
                        new ReplicationLink("S", "C2", null, Duration.UNSPECIFIED))));
        assertThat(r.notes()).containsExactly("line 10: the link label 'Replicate' is neither a mode (sync, semi-sync, async) nor a lag;"
                + " the link is kept without it");
    }

    @Test
    void everyShapeLinkFormAndLabelFormIsRead() throws Exception {
        MermaidGraph g = MermaidReader.read("""
                flowchart LR
                  %% a comment
                  a[(db)] --> b[[cache]] ==> c[/queue/] -.-> d[/files\\]
                  e{{ext}} --- f([client]) ; g((circle)) -- text label --> h(round)
                  i>flag] -->|"quoted #quot;label#quot;"| j{rhombus}
                  k[\\alt\\] -.->|plain| l[\\inv/] == thick ==> m(((double)))
                  n["a label with ] and [ inside"] --> o
                  p-q --> r_s
                """);
        assertThat(g.direction()).isEqualTo("LR");
        assertThat(g.nodes()).extracting(MermaidGraph.Node::id, MermaidGraph.Node::label, MermaidGraph.Node::shape).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a", "db", MermaidGraph.Shape.CYLINDER),
                org.assertj.core.groups.Tuple.tuple("b", "cache", MermaidGraph.Shape.SUBROUTINE),
                org.assertj.core.groups.Tuple.tuple("c", "queue", MermaidGraph.Shape.PARALLELOGRAM),
                org.assertj.core.groups.Tuple.tuple("d", "files", MermaidGraph.Shape.TRAPEZOID),
                org.assertj.core.groups.Tuple.tuple("e", "ext", MermaidGraph.Shape.HEXAGON),
                org.assertj.core.groups.Tuple.tuple("f", "client", MermaidGraph.Shape.STADIUM),
                org.assertj.core.groups.Tuple.tuple("g", "circle", MermaidGraph.Shape.CIRCLE),
                org.assertj.core.groups.Tuple.tuple("h", "round", MermaidGraph.Shape.ROUND),
                org.assertj.core.groups.Tuple.tuple("i", "flag", MermaidGraph.Shape.ASYMMETRIC),
                org.assertj.core.groups.Tuple.tuple("j", "rhombus", MermaidGraph.Shape.RHOMBUS),
                org.assertj.core.groups.Tuple.tuple("k", "alt", MermaidGraph.Shape.PARALLELOGRAM_ALT),
                org.assertj.core.groups.Tuple.tuple("l", "inv", MermaidGraph.Shape.TRAPEZOID_ALT),
                org.assertj.core.groups.Tuple.tuple("m", "double", MermaidGraph.Shape.DOUBLE_CIRCLE),
                org.assertj.core.groups.Tuple.tuple("n", "a label with ] and [ inside", MermaidGraph.Shape.RECT),
                org.assertj.core.groups.Tuple.tuple("o", "o", MermaidGraph.Shape.BARE),
                org.assertj.core.groups.Tuple.tuple("p-q", "p-q", MermaidGraph.Shape.BARE),
                org.assertj.core.groups.Tuple.tuple("r_s", "r_s", MermaidGraph.Shape.BARE));
        assertThat(g.edges()).extracting(e -> e.from() + ">" + e.to() + ":" + e.label()).containsExactly(
                "a>b:", "b>c:", "c>d:", "e>f:", "g>h:text label", "i>j:quoted \"label\"", "k>l:plain", "l>m:thick", "n>o:", "p-q>r_s:");
    }

    @Test
    void linkLabelsGiveModeAndLag() throws Exception {
        Topology t = MermaidImport.topology("""
                graph LR
                a[Primary] -->|async, 200 ms| b[Replica]
                a ==>|sync| c[(Standby)]
                a -->|semi-sync lag < 1 s| d[Replica 2]
                a -->|"lag: 5 s"| e[Reader]
                """).value();
        assertThat(t.links()).containsExactly(new ReplicationLink("a", "b", ReplicationMode.ASYNC, Duration.of("200 ms")),
                new ReplicationLink("a", "c", ReplicationMode.SYNC, Duration.UNSPECIFIED),
                new ReplicationLink("a", "d", ReplicationMode.SEMI_SYNC, Duration.of("< 1 s")),
                new ReplicationLink("a", "e", null, Duration.of("5 s")));
        assertThat(t.nodes()).extracting(TopologyNode::role).containsExactly(NodeRole.PRIMARY, NodeRole.REPLICA, NodeRole.STANDBY,
                NodeRole.REPLICA, NodeRole.REPLICA);
    }

    @Test
    void theMarkdownExportsTopologyReadsBackToTheSameTopology() throws Exception {
        Topology original = SmallDesigns.topology();
        String exported = dev.quorum.io.MermaidWriter.topology(original);
        Topology back = MermaidImport.topology(exported).value();
        assertThat(back.nodes()).extracting(TopologyNode::name, TopologyNode::role).containsExactlyElementsOf(
                original.nodes().stream().map(n -> org.assertj.core.groups.Tuple.tuple(n.name(), n.role())).toList());
        assertThat(back.datacenters()).extracting(Datacenter::name).containsExactly("Frankfurt", "Dublin");
        assertThat(back.links()).extracting(ReplicationLink::mode, ReplicationLink::lag).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ReplicationMode.ASYNC, Duration.of("< 100 ms")),
                org.assertj.core.groups.Tuple.tuple(ReplicationMode.SYNC, Duration.of("0")));
    }

    @Test
    void whatIsNotUnderstoodIsAnErrorWithItsLine() {
        assertError("flowchart TB\nA --> B\nclassDef red fill:#f00", "line 3: 'classdef' is not supported: Quorum reads nodes, labelled edges and subgraphs");
        assertError("graph TB\nA --> B\nclick A \"https://evil\"", "line 3: 'click' is not supported: Quorum reads nodes, labelled edges and subgraphs");
        assertError("graph TB\nA & B --> C", "line 2: '&' (several nodes at once) is not supported; write one edge per line");
        assertError("graph TB\nA@{ shape: cyl }", "line 2: the '@{ shape: ... }' syntax is not supported; use bracket shapes such as [(...)]");
        assertError("graph TB\nsubgraph X\nA", "line 3: subgraph 'X' has no 'end'");
        assertError("graph TB\nend", "line 2: 'end' without a subgraph");
        assertError("sequenceDiagram\nA->>B: hi", "line 1: expected 'graph TB' or 'flowchart LR' (a flowchart header), found 'sequenceDiagram'");
        assertError("graph TB\nA[unclosed", "line 2: node 'A': the label has no closing ']'");
        assertError("graph TB\nA -> B", "line 2: expected a link such as '-->' or '-->|label|', found '-> B'");
        assertError("", "line 1: no flowchart: expected a 'graph TB' or 'flowchart LR' header");
        assertError("graph TB\nsubgraph S\nA\nend\nA --> S", "line 5: links to a subgraph ('S') are not supported; link the nodes inside it");
        assertThatThrownBy(() -> MermaidImport.topology("graph TB\nsubgraph A\nsubgraph B\nx\nend\nend"))
                .isInstanceOf(MermaidSyntaxException.class)
                .hasMessage("line 3: subgraph 'B' is inside another; a datacenter cannot contain a datacenter");
    }

    @Test
    void aFlowDiagramFlattensSubgraphsAndSaysSo() throws Exception {
        MermaidImport.Result<FlowDiagram> r = MermaidImport.flow("graph LR\nsubgraph S[\"Site\"]\na[App]\nend\na --> b[(DB)]");
        assertThat(r.value().nodes()).extracting(FlowNode::id).containsExactly("a", "b");
        assertThat(r.notes()).containsExactly("1 subgraph was flattened: the synchronization diagram has no groups");
    }

    @Test
    void entityCodesAreDecodedAndHtmlBreaksBecomeSpaces() {
        assertThat(MermaidReader.decode("a#quot;b#35;c#lt;d#gt;#amp;#128293;x<br/>y#unknown;")).isEqualTo("a\"b#c<d>&🔥x y#unknown;");
    }

    private static void assertError(String text, String message) {
        assertThatThrownBy(() -> MermaidReader.read(text)).isInstanceOf(MermaidSyntaxException.class).hasMessage(message);
    }
}
