package dev.quorum.io;

import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.NodeRole;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import dev.quorum.model.Datacenter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the synchronization diagram and the replication topology as Mermaid flowcharts. Node ids are
 * synthetic ({@code n0}, {@code n1}, ...) and every label is quoted and entity-escaped, so no name a user
 * types can change the diagram's structure.
 */
public final class MermaidWriter {

    private MermaidWriter() {
    }

    /** The synchronization diagram as a {@code flowchart TB}. */
    public static String flow(FlowDiagram diagram) {
        StringBuilder out = new StringBuilder("flowchart TB\n");
        Map<String, String> ids = new LinkedHashMap<>();
        for (FlowNode node : diagram.nodes()) {
            String id = ids.computeIfAbsent(node.id(), k -> "n" + ids.size());
            String label = node.label().isBlank() ? node.id() : node.label();
            out.append("    ").append(id).append(shape(node.kind(), label)).append('\n');
        }
        for (FlowEdge edge : diagram.edges()) {
            String from = ensure(ids, edge.from(), out);
            String to = ensure(ids, edge.to(), out);
            out.append("    ").append(from).append(" -->");
            if (!edge.label().isBlank()) {
                out.append("|\"").append(label(edge.label())).append("\"|");
            }
            out.append(' ').append(to).append('\n');
        }
        return out.toString();
    }

    /** The replication topology as a {@code flowchart TB} with one subgraph per datacenter. */
    public static String topology(Topology topology) {
        StringBuilder out = new StringBuilder("flowchart TB\n");
        Map<String, String> ids = new LinkedHashMap<>();
        for (TopologyNode node : topology.nodes()) {
            ids.computeIfAbsent(node.id(), k -> "n" + ids.size());
        }
        int dcIndex = 0;
        for (Datacenter dc : topology.datacenters()) {
            out.append("    subgraph dc").append(dcIndex++).append("[\"").append(label(dc.name().isBlank() ? dc.id() : dc.name()))
                    .append("\"]\n");
            for (TopologyNode node : topology.nodes()) {
                if (node.datacenter().equals(dc.id())) {
                    out.append("        ").append(ids.get(node.id())).append(topologyShape(node)).append('\n');
                }
            }
            out.append("    end\n");
        }
        for (TopologyNode node : topology.nodes()) {
            boolean placed = topology.datacenters().stream().anyMatch(dc -> dc.id().equals(node.datacenter()));
            if (!placed) {
                out.append("    ").append(ids.get(node.id())).append(topologyShape(node)).append('\n');
            }
        }
        for (ReplicationLink link : topology.links()) {
            String from = ensure(ids, link.from(), out);
            String to = ensure(ids, link.to(), out);
            String text = linkLabel(link);
            out.append("    ").append(from).append(link.mode() == null ? " -->" : " ==>");
            if (!text.isEmpty()) {
                out.append("|\"").append(label(text)).append("\"|");
            }
            out.append(' ').append(to).append('\n');
        }
        return out.toString();
    }

    /** "async, 200 ms" for a link with a mode and a lag. */
    static String linkLabel(ReplicationLink link) {
        String mode = link.mode() == null ? "" : link.mode().id();
        String lag = link.lag().text().strip();
        if (mode.isEmpty()) {
            return lag;
        }
        return lag.isEmpty() ? mode : mode + ", " + lag;
    }

    private static String ensure(Map<String, String> ids, String nodeId, StringBuilder out) {
        String existing = ids.get(nodeId);
        if (existing != null) {
            return existing;
        }
        // An edge to an undeclared node still draws, as a plain box named by the reference.
        String id = "n" + ids.size();
        ids.put(nodeId, id);
        out.append("    ").append(id).append("[\"").append(label(nodeId)).append("\"]\n");
        return id;
    }

    private static String shape(FlowNodeKind kind, String text) {
        String l = label(text);
        if (kind == null) {
            return "[\"" + l + "\"]";
        }
        return switch (kind) {
            case COMPONENT -> "[\"" + l + "\"]";
            case DATABASE -> "[(\"" + l + "\")]";
            case CACHE -> "[[\"" + l + "\"]]";
            case QUEUE -> "[/\"" + l + "\"/]";
            case FILE_STORE -> "[/\"" + l + "\"\\]";
            case EXTERNAL -> "{{\"" + l + "\"}}";
            case CLIENT -> "([\"" + l + "\"])";
        };
    }

    private static String topologyShape(TopologyNode node) {
        String text = node.name().isBlank() ? node.id() : node.name();
        if (node.role() != null) {
            text += " (" + node.role().id() + ")";
        }
        String l = label(text);
        NodeRole role = node.role();
        if (role == null) {
            return "[\"" + l + "\"]";
        }
        return switch (role) {
            case PRIMARY, REPLICA, STANDBY -> "[(\"" + l + "\")]";
            case CACHE -> "[[\"" + l + "\"]]";
            case WITNESS -> "((\"" + l + "\"))";
            case APPLICATION, OTHER -> "[\"" + l + "\"]";
        };
    }

    /**
     * Escapes label text for a quoted Mermaid label: Mermaid reads {@code #name;} entity codes, so the
     * characters that could end the quote or start markup become codes, and line breaks become spaces.
     */
    static String label(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> b.append("#quot;");
                case '#' -> b.append("#35;");
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                case '&' -> b.append("#amp;");
                case '`' -> b.append("#96;");
                case '|' -> b.append("#124;");
                case '\n', '\r', '\t' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
