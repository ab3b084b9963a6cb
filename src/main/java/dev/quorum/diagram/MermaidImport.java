package dev.quorum.diagram;

import dev.quorum.diagram.MermaidGraph.Edge;
import dev.quorum.diagram.MermaidGraph.Node;
import dev.quorum.diagram.MermaidGraph.Shape;
import dev.quorum.diagram.MermaidGraph.Subgraph;
import dev.quorum.model.Choice;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps a Mermaid flowchart, such as the template's {@code graph TB} examples, onto the model: the
 * synchronization diagram ({@link FlowDiagram}) or the replication topology ({@link Topology}). The node
 * shape decides the kind or role ({@code [(...)]} is a database, {@code [[...]]} a cache); a plain box is
 * read by its words ("Master" is a primary, "Cache" a cache). What the model cannot hold is reported as a
 * note, never dropped silently.
 */
public final class MermaidImport {

    /** The imported structure and one-line notes about what was adapted. */
    public record Result<T>(T value, List<String> notes) {
        public Result {
            notes = List.copyOf(notes);
        }
    }

    private static final Pattern ROLE_SUFFIX = Pattern.compile("^(.*?)\\s*\\((primary|replica|standby|cache|witness|application|other)\\)$");
    private static final Pattern MODE = Pattern.compile("\\b(semi[- ]?sync(?:hronous)?|async(?:hronous)?|sync(?:hronous)?)\\b",
            Pattern.CASE_INSENSITIVE);

    private MermaidImport() {
    }

    /** Reads a synchronization diagram; subgraphs are flattened, because the diagram has no groups. */
    public static Result<FlowDiagram> flow(String mermaid) throws MermaidSyntaxException {
        MermaidGraph g = MermaidReader.read(mermaid);
        List<String> notes = new ArrayList<>();
        if (!g.subgraphs().isEmpty()) {
            notes.add(g.subgraphs().size() + (g.subgraphs().size() == 1 ? " subgraph was" : " subgraphs were")
                    + " flattened: the synchronization diagram has no groups");
        }
        List<FlowNode> nodes = g.nodes().stream().map(n -> new FlowNode(n.id(), n.label(), kind(n))).toList();
        List<FlowEdge> edges = g.edges().stream().map(e -> new FlowEdge(e.from(), e.to(), e.label())).toList();
        return new Result<>(new FlowDiagram(nodes, edges), notes);
    }

    /** Reads a replication topology: subgraphs are datacenters, edges are replication links. */
    public static Result<Topology> topology(String mermaid) throws MermaidSyntaxException {
        MermaidGraph g = MermaidReader.read(mermaid);
        List<String> notes = new ArrayList<>();
        for (Subgraph s : g.subgraphs()) {
            if (!s.parent().isEmpty()) {
                throw new MermaidSyntaxException(s.line(), "subgraph '" + DiagramText.clean(s.id(), 40)
                        + "' is inside another; a datacenter cannot contain a datacenter");
            }
        }
        List<Datacenter> datacenters = g.subgraphs().stream().map(s -> new Datacenter(s.id(), s.label())).toList();
        List<TopologyNode> nodes = new ArrayList<>();
        for (Node n : g.nodes()) {
            String name = n.label();
            NodeRole role = null;
            Matcher suffix = ROLE_SUFFIX.matcher(name);
            if (suffix.matches()) {
                name = suffix.group(1);
                role = Choice.byId(NodeRole.class, suffix.group(2)).orElse(null);
            }
            if (role == null) {
                role = roleFromWords(name).orElse(roleFromShape(n.shape()));
            }
            if (role == null) {
                notes.add("line " + n.line() + ": the role of '" + DiagramText.clean(name, 40)
                        + "' is not clear from its name or shape; set it in the form");
            }
            nodes.add(new TopologyNode(n.id(), name, role, n.subgraph()));
        }
        List<ReplicationLink> links = new ArrayList<>();
        for (Edge e : g.edges()) {
            links.add(link(e, notes));
        }
        return new Result<>(new Topology(datacenters, nodes, links), notes);
    }

    private static ReplicationLink link(Edge e, List<String> notes) {
        String label = e.label().strip();
        if (label.isEmpty()) {
            return new ReplicationLink(e.from(), e.to(), null, Duration.UNSPECIFIED);
        }
        ReplicationMode mode = null;
        String rest = label;
        Matcher m = MODE.matcher(label);
        if (m.find()) {
            String word = m.group(1).toLowerCase(Locale.ROOT);
            mode = word.startsWith("semi") ? ReplicationMode.SEMI_SYNC : word.startsWith("async") ? ReplicationMode.ASYNC
                    : ReplicationMode.SYNC;
            rest = (label.substring(0, m.start()) + " " + label.substring(m.end())).strip();
        }
        rest = rest.replaceFirst("(?i)^[,;:\\s]*(lag\\b)?[,;:=\\s]*", "").strip();
        Duration lag = Duration.UNSPECIFIED;
        if (!rest.isEmpty()) {
            Duration candidate = Duration.of(rest);
            if (candidate.value().isPresent()) {
                lag = candidate;
            } else {
                notes.add("line " + e.line() + ": the link label '" + DiagramText.clean(label, 60) + "' is "
                        + (mode == null ? "neither a mode (sync, semi-sync, async) nor a lag" : "a mode with unreadable text '"
                        + DiagramText.clean(rest, 40) + "'") + "; the link is kept without it");
            }
        }
        return new ReplicationLink(e.from(), e.to(), mode, lag);
    }

    private static FlowNodeKind kind(Node n) {
        return switch (n.shape()) {
            case CYLINDER -> FlowNodeKind.DATABASE;
            case SUBROUTINE -> FlowNodeKind.CACHE;
            case PARALLELOGRAM -> FlowNodeKind.QUEUE;
            case TRAPEZOID -> FlowNodeKind.FILE_STORE;
            case HEXAGON -> FlowNodeKind.EXTERNAL;
            case STADIUM -> FlowNodeKind.CLIENT;
            default -> kindFromWords(n.label()).orElse(FlowNodeKind.COMPONENT);
        };
    }

    private static Optional<FlowNodeKind> kindFromWords(String label) {
        Set<String> w = words(label);
        if (hasAny(w, "cache", "redis", "memcached", "memcache")) {
            return Optional.of(FlowNodeKind.CACHE);
        }
        if (hasAny(w, "queue", "kafka", "topic", "stream", "sqs", "rabbitmq", "pubsub", "kinesis")) {
            return Optional.of(FlowNodeKind.QUEUE);
        }
        if (hasAny(w, "db", "database", "postgres", "postgresql", "mysql", "mongodb", "sql", "dynamodb", "cassandra")) {
            return Optional.of(FlowNodeKind.DATABASE);
        }
        if (hasAny(w, "s3", "bucket", "blob", "files")) {
            return Optional.of(FlowNodeKind.FILE_STORE);
        }
        return Optional.empty();
    }

    private static Optional<NodeRole> roleFromWords(String label) {
        Set<String> w = words(label);
        if (hasAny(w, "master", "primary", "leader", "writer")) {
            return Optional.of(NodeRole.PRIMARY);
        }
        if (hasAny(w, "standby", "dr")) {
            return Optional.of(NodeRole.STANDBY);
        }
        if (hasAny(w, "slave", "replica", "follower", "secondary", "reader")) {
            return Optional.of(NodeRole.REPLICA);
        }
        if (hasAny(w, "cache", "redis", "memcached")) {
            return Optional.of(NodeRole.CACHE);
        }
        if (hasAny(w, "witness", "arbiter")) {
            return Optional.of(NodeRole.WITNESS);
        }
        if (hasAny(w, "app", "application", "service", "api", "web")) {
            return Optional.of(NodeRole.APPLICATION);
        }
        return Optional.empty();
    }

    private static NodeRole roleFromShape(Shape shape) {
        return switch (shape) {
            case SUBROUTINE -> NodeRole.CACHE;
            case CIRCLE, DOUBLE_CIRCLE -> NodeRole.WITNESS;
            default -> null;
        };
    }

    private static Set<String> words(String text) {
        return Set.copyOf(Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(s -> !s.isEmpty()).toList());
    }

    private static boolean hasAny(Set<String> words, String... wanted) {
        return Arrays.stream(wanted).anyMatch(words::contains);
    }
}
