package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.Datacenter;
import dev.quorum.model.Duration;
import dev.quorum.model.Failover;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.NodeRole;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The topology generators on their whole output, and the rules that find the failover path. */
class TopologyDiagramTest {

    @Test
    void dotDrawsDatacentersRolesLinkModesAndTheFailoverPathInRed() {
        assertThat(TopologyDiagram.dot(SmallDesigns.topology(), SmallDesigns.failover())).isEqualTo("""
                digraph G {
                  graph [fontname="DejaVu Sans", fontsize=11, pad=0.3, rankdir=TB, nodesep=0.4, ranksep=0.6, labelloc=b, \
                labeljust=l, compound=true, label="Replication topology. Links: bold sync, solid semi-sync, dashed async, dotted \
                mode not set. Failover\\l(automatic, detection 30 s, promotion 10 s): red marks the path to Read replica, DR \
                standby.\\l"]
                  node [fontname="DejaVu Sans", fontsize=10]
                  edge [fontname="DejaVu Sans", fontsize=9]
                  subgraph cluster_0 {
                    graph [label="Frankfurt", style=rounded, color="#7f8c8d", labelloc=t, labeljust=l]
                    n0 [shape=cylinder, style="filled,bold", fillcolor="#d6eaf8", label="PostgreSQL primary\\nprimary"]
                    n1 [shape=cylinder, style=filled, fillcolor="#ebf5fb", label="Read replica\\nreplica", color="#c0392b", \
                penwidth=2.5]
                  }
                  subgraph cluster_1 {
                    graph [label="Dublin", style=rounded, color="#7f8c8d", labelloc=t, labeljust=l]
                    n2 [shape=cylinder, style="dashed,filled", fillcolor="#f2f4f4", label="DR standby\\nstandby", \
                color="#c0392b", penwidth=2.5]
                  }
                  n0 -> n1 [label="async, lag &lt; 100 ms\\nfailover path", style=dashed, color="#c0392b", fontcolor="#c0392b", \
                penwidth=3]
                  n0 -> n2 [label="sync, lag 0\\nfailover path", penwidth=3, color="#c0392b", fontcolor="#c0392b"]
                }
                """);
    }

    @Test
    void mermaidHighlightsTheSamePathWithLinkStyleAndAClass() {
        assertThat(TopologyDiagram.mermaid(SmallDesigns.topology(), SmallDesigns.failover())).isEqualTo("""
                flowchart TB
                    subgraph cluster_0["Frankfurt"]
                        n0[("PostgreSQL primary · primary")]
                        n1[("Read replica · replica")]
                    end
                    subgraph cluster_1["Dublin"]
                        n2[("DR standby · standby")]
                    end
                    n0 -.->|"async, lag #lt; 100 ms · failover path"| n1
                    n0 ==>|"sync, lag 0 · failover path"| n2
                    classDef failover stroke:#c0392b,stroke-width:3px
                    class n1,n2 failover
                    linkStyle 0,1 stroke:#c0392b,stroke-width:3px
                """);
    }

    @Test
    void aProcessThatNamesNoTargetDrawsNoPathAndSaysSo() {
        Topology t = new Topology(List.of(), List.of(new TopologyNode("a", "A", NodeRole.PRIMARY, ""),
                new TopologyNode("b", "Backups", NodeRole.REPLICA, "")),
                List.of(new ReplicationLink("a", "b", ReplicationMode.ASYNC, Duration.of("1 day"))));
        String dot = TopologyDiagram.dot(t, new Failover(FailoverMode.MANUAL, Duration.UNSPECIFIED, Duration.UNSPECIFIED,
                "There is no standby; restore from backup."));
        assertThat(dot).doesNotContain("#c0392b").contains("no failover path is drawn");
    }

    @Test
    void aTargetNoLinkReachesGetsAPromotionArrowAndAChainIsFollowed() {
        Topology t = new Topology(List.of(), List.of(new TopologyNode("p", "P", NodeRole.PRIMARY, ""),
                new TopologyNode("r1", "R1", NodeRole.REPLICA, ""), new TopologyNode("r2", "R2", NodeRole.REPLICA, ""),
                new TopologyNode("s", "S", NodeRole.STANDBY, "")),
                List.of(new ReplicationLink("p", "r1", ReplicationMode.ASYNC, Duration.UNSPECIFIED),
                        new ReplicationLink("r1", "r2", null, Duration.UNSPECIFIED)));
        String dot = TopologyDiagram.dot(t, new Failover(FailoverMode.AUTOMATIC, null, null, "promote r2"));
        DotStructure parsed = DotStructure.parse(dot);
        assertThat(parsed.edges()).containsExactlyInAnyOrder("n0 -> n1", "n1 -> n2", "n0 -> n3");
        assertThat(dot).contains("n0 -> n1 [label=\"async\\nfailover path\"", "n1 -> n2 [label=\"failover path\"",
                "n0 -> n3 [label=\"promoted on failover\", style=dashed, color=\"#c0392b\"");
    }

    @Test
    void mentionsMatchWholeIdsOnly() {
        assertThat(TopologySceneBuilder.mentions(" promotes pg-fra-replica now ", "pg-fra")).isFalse();
        assertThat(TopologySceneBuilder.mentions(" promotes pg-fra-replica now ", "pg-fra-replica")).isTrue();
        assertThat(TopologySceneBuilder.mentions(" moves the pg-fra. dns ", "pg-fra")).isTrue();
        assertThat(TopologySceneBuilder.mentions(" (pg-b or pg-c) ", "pg-c")).isTrue();
        assertThat(TopologySceneBuilder.mentions(" x ", "")).isFalse();
    }

    @Test
    void nodesOutsideDatacentersAndUndeclaredEndsStillDraw() {
        Topology t = new Topology(List.of(new Datacenter("dc", "Site")), List.of(new TopologyNode("a", "", null, "elsewhere")),
                List.of(new ReplicationLink("a", "ghost", null, Duration.of("5 s"))));
        DotStructure parsed = DotStructure.parse(TopologyDiagram.dot(t, Failover.EMPTY));
        assertThat(parsed.clusters()).containsExactly("cluster_0", "cluster_1");
        assertThat(parsed.nodes()).hasSize(2);
        assertThat(TopologyDiagram.dot(t, Failover.EMPTY)).contains("label=\"a\\nrole not set\"", "label=\"ghost\\n(not declared)\"",
                "label=\"lag 5 s\", style=dotted");
        assertThat(TopologyDiagram.hasContent(Topology.EMPTY)).isFalse();
    }
}
