package dev.quorum.diagram;

import dev.quorum.diagram.FlowchartScene.Arrow;
import dev.quorum.diagram.FlowchartScene.Box;
import dev.quorum.diagram.FlowchartScene.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link FlowchartScene} as a Mermaid {@code flowchart}: frames as subgraphs with synthetic ids,
 * boxes with quoted, entity-escaped labels, and the failover path through {@code linkStyle} and a
 * {@code classDef}. Multi-line labels are joined with " · " because line breaks in Mermaid labels need
 * HTML.
 */
final class FlowchartMermaidWriter {

    private FlowchartMermaidWriter() {
    }

    static String write(FlowchartScene scene, boolean leftToRight) {
        StringBuilder out = new StringBuilder("flowchart ").append(leftToRight ? "LR" : "TB").append('\n');
        for (Frame f : scene.frames()) {
            out.append("    subgraph ").append(f.id()).append('[').append(MermaidText.quoted(f.label(), DiagramText.NAME_LIMIT))
                    .append("]\n");
            scene.boxes().stream().filter(b -> b.frame().equals(f.id())).forEach(b -> box(out, b, "        "));
            out.append("    end\n");
        }
        scene.boxes().stream().filter(b -> b.frame().isEmpty()).forEach(b -> box(out, b, "    "));
        List<Integer> highlighted = new ArrayList<>();
        for (int i = 0; i < scene.arrows().size(); i++) {
            Arrow a = scene.arrows().get(i);
            String link = switch (a.style()) {
                case FLOW, SEMI_SYNC, UNSPECIFIED -> "-->";
                case SHARED -> "---";
                case STRATEGY -> "-.-";
                case SYNC -> "==>";
                case ASYNC, PROMOTION -> "-.->";
            };
            out.append("    ").append(a.from()).append(' ').append(link);
            if (!a.label().isEmpty()) {
                out.append('|').append(MermaidText.quoted(joined(a.label()), DiagramText.NOTE_LIMIT * 2)).append('|');
            }
            out.append(' ').append(a.to()).append('\n');
            if (a.highlighted()) {
                highlighted.add(i);
            }
        }
        List<String> emphasised = scene.boxes().stream().filter(Box::highlighted).map(Box::id).toList();
        if (!emphasised.isEmpty()) {
            out.append("    classDef failover stroke:").append(FlowchartDotWriter.HIGHLIGHT).append(",stroke-width:3px\n");
            out.append("    class ").append(String.join(",", emphasised)).append(" failover\n");
        }
        if (!highlighted.isEmpty()) {
            out.append("    linkStyle ").append(String.join(",", highlighted.stream().map(String::valueOf).toList()))
                    .append(" stroke:").append(FlowchartDotWriter.HIGHLIGHT).append(",stroke-width:3px\n");
        }
        return out.toString();
    }

    private static void box(StringBuilder out, Box b, String indent) {
        out.append(indent).append(b.id()).append(b.shape().mermaidOpen)
                .append(MermaidText.quoted(joined(b.lines()), DiagramText.NOTE_LIMIT * 2)).append(b.shape().mermaidClose).append('\n');
    }

    private static String joined(List<String> lines) {
        List<String> clean = lines.stream().map(l -> DiagramText.clean(l, DiagramText.NOTE_LIMIT)).filter(l -> !l.isEmpty()).toList();
        return String.join(" · ", clean);
    }
}
