package dev.quorum.diagram;

import dev.quorum.diagram.DotWriter.Attrs;
import dev.quorum.diagram.FlowchartScene.Arrow;
import dev.quorum.diagram.FlowchartScene.Box;
import dev.quorum.diagram.FlowchartScene.Frame;
import java.util.List;

/** Writes a {@link FlowchartScene} as DOT; the failover path is red and heavy. */
final class FlowchartDotWriter {

    static final String HIGHLIGHT = "#c0392b";
    /** Box and arrow text wraps at about this many characters. */
    private static final int WRAP = 40;

    private FlowchartDotWriter() {
    }

    static String write(FlowchartScene scene, boolean leftToRight) {
        Attrs graph = new Attrs().set("rankdir", leftToRight ? "LR" : "TB").set("nodesep", "0.4").set("ranksep", "0.6")
                .set("labelloc", "b").set("labeljust", "l").set("compound", "true").quoted("label", Dot.leftLines(DiagramText.wrap(List.of(scene.caption()), 1000, 110), 1000));
        DotWriter dot = new DotWriter(graph);
        for (Frame f : scene.frames()) {
            dot.beginCluster(f.id(), new Attrs().text("label", f.label(), DiagramText.NAME_LIMIT).set("style", "rounded")
                    .set("color", "#7f8c8d").set("labelloc", "t").set("labeljust", "l"));
            scene.boxes().stream().filter(b -> b.frame().equals(f.id())).forEach(b -> box(dot, b));
            dot.endCluster();
        }
        scene.boxes().stream().filter(b -> b.frame().isEmpty()).forEach(b -> box(dot, b));
        for (Arrow a : scene.arrows()) {
            Attrs attrs = new Attrs();
            if (!a.label().isEmpty()) {
                attrs.quoted("label", Dot.centredLines(DiagramText.wrap(a.label(), DiagramText.NOTE_LIMIT, WRAP), DiagramText.NOTE_LIMIT));
            }
            switch (a.style()) {
                case FLOW -> attrs.set("color", "#34495e");
                case SHARED -> attrs.set("dir", "none").set("color", "#1e8449").set("fontcolor", "#1e8449").set("penwidth", "1.3");
                case STRATEGY -> attrs.set("dir", "none").set("style", "dotted").set("color", "#9a7d0a").set("penwidth", "1.3");
                case SYNC -> attrs.set("penwidth", "2.2").set("color", "#1f618d");
                case SEMI_SYNC -> attrs.set("penwidth", "1.4").set("color", "#1f618d");
                case ASYNC -> attrs.set("style", "dashed").set("color", "#1f618d");
                case UNSPECIFIED -> attrs.set("style", "dotted").set("color", "#566573");
                case PROMOTION -> attrs.set("style", "dashed");
                default -> throw new IllegalStateException(a.style().toString());
            }
            if (a.highlighted()) {
                attrs.set("color", HIGHLIGHT).set("fontcolor", HIGHLIGHT).set("penwidth", "3");
            }
            dot.edge(a.from(), a.to(), attrs);
        }
        return dot.text();
    }

    private static void box(DotWriter dot, Box b) {
        Attrs a = new Attrs().set("shape", b.shape().dotShape).set("style", b.shape().dotStyle).set("fillcolor", b.shape().fill)
                .quoted("label", Dot.centredLines(DiagramText.wrap(b.lines(), DiagramText.NOTE_LIMIT, WRAP), DiagramText.NOTE_LIMIT));
        if (b.highlighted()) {
            a.set("color", HIGHLIGHT).set("penwidth", "2.5");
        }
        dot.node(b.id(), a);
    }
}
