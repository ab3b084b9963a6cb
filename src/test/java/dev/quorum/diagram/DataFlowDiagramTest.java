package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSharing;
import dev.quorum.model.Design;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The data-flow generators on their whole output, and how stores, shared data and strategies join the drawn diagram. */
class DataFlowDiagramTest {

    @Test
    void dotDrawsTheDiagramStoresByTypeSharedDataOnEdgesAndStrategiesAsNotes() {
        assertThat(DataFlowDiagram.dot(SmallDesigns.dataFlow())).isEqualTo("""
                digraph G {
                  graph [fontname="DejaVu Sans", fontsize=11, pad=0.3, rankdir=TB, nodesep=0.4, ranksep=0.6, labelloc=b, \
                labeljust=l, compound=true, label="Data flow. Stores are shaped by storage type. Arrows: the synchronization \
                diagram; green lines: shared data;\\ldotted lines: synchronization strategies.\\l"]
                  node [fontname="DejaVu Sans", fontsize=10]
                  edge [fontname="DejaVu Sans", fontsize=9]
                  n0 [shape=box, style="rounded,filled", fillcolor="#eaf2f8", label="web-app"]
                  n1 [shape=cylinder, style=filled, fillcolor="#e8f6f3", label="PostgreSQL 16 primary\\nholds: orders"]
                  n2 [shape=component, style=filled, fillcolor="#fdedec", label="Redis 7\\nholds: sessions"]
                  n3 [shape=note, style=filled, fillcolor="#fef9e7", label="MongoDB 7\\nDocument database (NoSQL)\\nholds: \
                profiles"]
                  n4 [shape=box, style="rounded,filled", fillcolor="#eaf2f8", label="billing"]
                  n5 [shape=box, style="rounded,dashed,filled", fillcolor="#fcf3cf", label="Cache-aside\\nfrequency: every 5 \
                min\\nconflicts: Invalidation wins"]
                  n0 -> n1 [label="Write orders\\nshared: orders", color="#34495e"]
                  n1 -> n2 [label="Invalidate", color="#34495e"]
                  n4 -> n1 [label="shared: orders", dir=none, color="#1e8449", fontcolor="#1e8449", penwidth=1.3]
                  n5 -> n0 [dir=none, style=dotted, color="#9a7d0a", penwidth=1.3]
                }
                """);
    }

    @Test
    void mermaidDrawsTheSameBoxesAndEdges() {
        assertThat(DataFlowDiagram.mermaid(SmallDesigns.dataFlow())).isEqualTo("""
                flowchart TB
                    n0["web-app"]
                    n1[("PostgreSQL 16 primary · holds: orders")]
                    n2[["Redis 7 · holds: sessions"]]
                    n3>"MongoDB 7 · Document database (NoSQL) · holds: profiles"]
                    n4["billing"]
                    n5("Cache-aside · frequency: every 5 min · conflicts: Invalidation wins")
                    n0 -->|"Write orders · shared: orders"| n1
                    n1 -->|"Invalidate"| n2
                    n4 ---|"shared: orders"| n1
                    n5 -.- n0
                """);
    }

    @Test
    void everyStorageTypeHasItsOwnShape() {
        List<StorageChoice> choices = java.util.Arrays.stream(StorageType.values())
                .map(t -> new StorageChoice("data " + t.id(), t, "System " + t.id(), "", "")).toList();
        Design d = new Design("x", "", new DataPersistence(List.of(), choices), null, null, null, null, null, null, null, null);
        DotStructure parsed = DotStructure.parse(DataFlowDiagram.dot(d));
        assertThat(parsed.nodes().values().stream().map(a -> a.get("shape")).distinct().count()).isEqualTo(StorageType.values().length);
    }

    @Test
    void anEdgeToAnUndeclaredNodeStillDrawsAndAnEmptyDesignSaysSo() {
        Design d = new Design("x", "", null, null, null, null, new DataSharing(List.of(), List.of(),
                new FlowDiagram(List.of(new FlowNode("a", "A", null)), List.of(new FlowEdge("a", "ghost", "")))), null, null, null, null);
        DotStructure parsed = DotStructure.parse(DataFlowDiagram.dot(d));
        assertThat(parsed.nodes()).hasSize(2);
        assertThat(parsed.edges()).containsExactly("n0 -> n1");
        assertThat(DataFlowDiagram.hasContent(d)).isTrue();

        Design empty = Design.empty("nothing");
        assertThat(DataFlowDiagram.hasContent(empty)).isFalse();
        assertThat(DataFlowDiagram.dot(empty)).contains("label=\"Nothing to draw\\nthe design has no synchronization\\n");
    }

    @Test
    void productWordsIgnoreVersionsPathsAndGenericWords() {
        assertThat(DataFlowSceneBuilder.productWords("Apache Kafka 3.7 (48 partitions)")).containsExactly("kafka");
        assertThat(DataFlowSceneBuilder.productWords("H2 2.x embedded (MVStore file)")).containsExactly("h2");
        assertThat(DataFlowSceneBuilder.productWords("JSON file ~/.quorum/preferences.json, written atomically")).containsExactly("json");
        assertThat(DataFlowSceneBuilder.productWords("PostgreSQL 16")).containsExactly("postgresql");
    }
}
