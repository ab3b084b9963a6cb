package dev.quorum.diagram;

import dev.quorum.diagram.FlowchartScene.Arrow;
import dev.quorum.diagram.FlowchartScene.Box;
import dev.quorum.diagram.FlowchartScene.Style;
import dev.quorum.model.Design;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.SyncStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the data-flow diagram from the Data Sharing section and the storage choices:
 * <ul>
 * <li>the synchronization diagram's boxes and labelled arrows, as drawn;</li>
 * <li>each storage system as a store shaped by its storage type, merged into a drawn box that names the
 *     same product (so "PostgreSQL 16" joins "PostgreSQL 16 primary"), listing the data it holds;</li>
 * <li>each shared data element on the edges between its components and its store (on a drawn arrow when
 *     there is one, else on a new undirected green edge);</li>
 * <li>each synchronization strategy as a note with its frequency and conflict resolution, tied by dotted
 *     edges to the components it involves.</li>
 * </ul>
 */
final class DataFlowSceneBuilder {

    /** Words that say nothing about which product a storage system is. */
    private static final Set<String> GENERIC = Set.of("the", "a", "an", "of", "in", "on", "at", "to", "for", "per", "and", "or",
            "with", "each", "one", "same", "separate", "instance", "instances", "database", "databases", "db", "server",
            "servers", "cluster", "store", "storage", "embedded", "file", "files", "managed", "service", "services", "apache",
            "amazon", "aws", "gcp", "google", "azure", "cloud", "single", "node", "nodes", "primary", "replica", "replicas",
            "x", "s", "local");

    private final Design design;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();

    /** A box while the scene is being built; lines grow as stores and data are attached. */
    private static final class Node {
        final String id;
        final String ref;
        final String name;
        final FlowNodeKind kind;
        BoxShape shape;
        final List<String> details = new ArrayList<>();
        final Set<String> holds = new LinkedHashSet<>();
        boolean store;

        Node(String id, String ref, String name, FlowNodeKind kind, BoxShape shape) {
            this.id = id;
            this.ref = ref;
            this.name = name;
            this.kind = kind;
            this.shape = shape;
        }
    }

    /** An arrow while the scene is being built; shared data can be added to a drawn arrow's label. */
    private static final class Edge {
        final String from;
        final String to;
        final List<String> label = new ArrayList<>();
        final Style style;

        Edge(String from, String to, String label, Style style) {
            this.from = from;
            this.to = to;
            if (!label.isBlank()) {
                this.label.add(label);
            }
            this.style = style;
        }
    }

    DataFlowSceneBuilder(Design design) {
        this.design = design;
    }

    FlowchartScene build() {
        for (FlowNode n : design.sharing().diagram().nodes()) {
            if (!nodes.containsKey("ref:" + n.id())) {
                add("ref:" + n.id(), n.label().isBlank() ? n.id() : n.label(), n.kind(), shapeOf(n.kind()));
            }
        }
        for (FlowEdge e : design.sharing().diagram().edges()) {
            Node from = byRef(e.from());
            Node to = byRef(e.to());
            edges.add(new Edge(from.id, to.id, e.label(), Style.FLOW));
        }
        Map<String, Node> storeOfData = new LinkedHashMap<>();
        for (StorageChoice c : design.persistence().storageChoices()) {
            String system = c.system().isBlank() ? (c.type() == null ? "Unnamed store" : c.type().label()) : c.system();
            Node store = matchStore(system, c.data());
            if (store == null) {
                store = nodes.get("store:" + systemKey(system));
            }
            if (store == null) {
                store = add("store:" + systemKey(system), shortSystem(system), null, storeShape(c.type()));
                if (c.type() != null) {
                    store.details.add(c.type().label());
                }
            } else if (!store.store && c.type() != null && (store.kind == null || store.kind == FlowNodeKind.DATABASE)) {
                // A generic database box takes the storage type's shape; a drawn cache, queue or file store keeps its own.
                store.shape = storeShape(c.type());
            }
            store.store = true;
            if (!c.data().isBlank()) {
                store.holds.add(c.data());
                storeOfData.putIfAbsent(norm(c.data()), store);
            }
        }
        for (SharedData s : design.sharing().sharedData()) {
            Node store = storeOfData.get(norm(s.data()));
            if (store == null) {
                store = add("data:" + norm(s.data()), s.data(), null, BoxShape.SHARED_DATA);
                store.details.add("shared data");
            }
            for (String component : s.components()) {
                Node c = component(component);
                if (c == store) {
                    continue;
                }
                Edge drawn = between(c, store, Style.FLOW);
                Edge shared = between(c, store, Style.SHARED);
                if (drawn != null) {
                    drawn.label.add("shared: " + s.data());
                } else if (shared != null) {
                    shared.label.add("shared: " + s.data());
                } else {
                    edges.add(new Edge(c.id, store.id, "shared: " + s.data(), Style.SHARED));
                }
            }
        }
        int strategyIndex = 0;
        for (SyncStrategy s : design.sharing().strategies()) {
            Node note = add("strategy:" + strategyIndex++, s.name().isBlank() ? "Synchronization strategy" : s.name(), null,
                    BoxShape.STRATEGY);
            if (!s.frequency().isBlank()) {
                note.details.add("frequency: " + s.frequency().text().strip());
            }
            if (!s.conflictResolution().isBlank()) {
                note.details.add("conflicts: " + s.conflictResolution());
            }
            for (String component : s.components()) {
                edges.add(new Edge(note.id, component(component).id, "", Style.STRATEGY));
            }
        }
        return scene();
    }

    private FlowchartScene scene() {
        List<Box> boxes = new ArrayList<>();
        for (Node n : nodes.values()) {
            List<String> lines = new ArrayList<>();
            lines.add(DiagramText.name(n.name));
            lines.addAll(n.details);
            if (!n.holds.isEmpty()) {
                lines.add("holds: " + String.join(", ", n.holds));
            }
            boxes.add(new Box(n.id, lines, n.shape, "", false));
        }
        if (boxes.isEmpty()) {
            boxes.add(new Box("n0", List.of("Nothing to draw", "the design has no synchronization diagram, shared data,"
                    + " strategies or storage choices"), BoxShape.PLAIN, "", false));
        }
        List<Arrow> arrows = edges.stream().map(e -> new Arrow(e.from, e.to, e.label, e.style, false)).toList();
        String caption = "Data flow. Stores are shaped by storage type. Arrows: the synchronization diagram;"
                + " green lines: shared data; dotted lines: synchronization strategies.";
        return new FlowchartScene(List.of(), boxes, arrows, caption);
    }

    private Node add(String key, String name, FlowNodeKind kind, BoxShape shape) {
        Node n = new Node("n" + nodes.size(), key, name, kind, shape);
        nodes.put(key, n);
        return n;
    }

    private Node byRef(String ref) {
        Node n = nodes.get("ref:" + ref);
        // An arrow to an undeclared box still draws, as a plain box named by the reference.
        return n != null ? n : add("ref:" + ref, ref, null, BoxShape.PLAIN);
    }

    /** The box for a component named in shared data or a strategy: a drawn box with that name, else a new one. */
    private Node component(String name) {
        String key = norm(name);
        for (Node n : nodes.values()) {
            if (n.ref.startsWith("ref:") && (norm(n.ref.substring(4)).equals(key) || norm(n.name).equals(key))) {
                return n;
            }
        }
        if (key.length() >= 3) {
            for (Node n : nodes.values()) {
                if (n.ref.startsWith("ref:") && (" " + norm(n.name) + " ").contains(" " + key + " ")) {
                    return n;
                }
            }
        }
        Node existing = nodes.get("component:" + key);
        return existing != null ? existing : add("component:" + key, name, FlowNodeKind.COMPONENT, BoxShape.COMPONENT);
    }

    /**
     * A drawn box that names the same product as the storage system: store-like boxes first, then any; among
     * several, the one whose label also names the data.
     */
    private Node matchStore(String system, String data) {
        Set<String> words = productWords(system);
        if (words.isEmpty()) {
            return null;
        }
        String dataPhrase = " " + norm(data) + " ";
        for (boolean storesOnly : new boolean[] {true, false}) {
            List<Node> candidates = new ArrayList<>();
            for (Node n : nodes.values()) {
                if (!n.ref.startsWith("ref:") || storesOnly && !isStoreKind(n.kind)) {
                    continue;
                }
                Set<String> nodeWords = new LinkedHashSet<>(productWords(n.name));
                nodeWords.addAll(productWords(n.ref.substring(4)));
                if (nodeWords.stream().anyMatch(words::contains)) {
                    candidates.add(n);
                }
            }
            if (!candidates.isEmpty()) {
                return candidates.stream().filter(n -> !dataPhrase.isBlank()
                        && (" " + norm(n.name) + " ").contains(dataPhrase)).findFirst().orElse(candidates.get(0));
            }
        }
        return null;
    }

    private Edge between(Node a, Node b, Style style) {
        return edges.stream().filter(e -> e.style == style && (e.from.equals(a.id) && e.to.equals(b.id)
                || e.from.equals(b.id) && e.to.equals(a.id))).findFirst().orElse(null);
    }

    /** The distinctive words of a product name: before any parenthesis or comma, without paths and versions. */
    static Set<String> productWords(String text) {
        String head = text.split("[(,;]", 2)[0];
        Set<String> words = new LinkedHashSet<>();
        for (String token : head.strip().split("\\s+")) {
            if (token.contains("/") || token.contains("\\") || token.contains("~") || token.contains("*")) {
                continue;
            }
            for (String w : norm(token).split(" ")) {
                if (!w.isEmpty() && !GENERIC.contains(w) && w.chars().anyMatch(Character::isLetter)
                        && !w.matches("v?\\d+(\\.\\d+)*x?|\\d+x")) {
                    words.add(w);
                }
            }
        }
        return words;
    }

    private static String systemKey(String system) {
        String head = system.split("[(,;]", 2)[0];
        return norm(head);
    }

    private static String shortSystem(String system) {
        String head = system.split("[(,;]", 2)[0].strip();
        return head.isEmpty() ? system : head;
    }

    private static String norm(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty())
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static boolean isStoreKind(FlowNodeKind kind) {
        return kind == null || kind == FlowNodeKind.DATABASE || kind == FlowNodeKind.CACHE || kind == FlowNodeKind.QUEUE
                || kind == FlowNodeKind.FILE_STORE;
    }

    static BoxShape shapeOf(FlowNodeKind kind) {
        if (kind == null) {
            return BoxShape.PLAIN;
        }
        return switch (kind) {
            case COMPONENT -> BoxShape.COMPONENT;
            case DATABASE -> BoxShape.RELATIONAL;
            case CACHE -> BoxShape.CACHE;
            case QUEUE -> BoxShape.QUEUE;
            case FILE_STORE -> BoxShape.FILE;
            case EXTERNAL -> BoxShape.EXTERNAL;
            case CLIENT -> BoxShape.CLIENT;
        };
    }

    static BoxShape storeShape(StorageType type) {
        if (type == null) {
            return BoxShape.RELATIONAL;
        }
        return switch (type) {
            case RELATIONAL -> BoxShape.RELATIONAL;
            case DOCUMENT -> BoxShape.DOCUMENT;
            case KEY_VALUE -> BoxShape.KEY_VALUE;
            case GRAPH -> BoxShape.GRAPH;
            case TIME_SERIES -> BoxShape.TIME_SERIES;
            case SEARCH_INDEX -> BoxShape.SEARCH_INDEX;
            case CACHE -> BoxShape.CACHE;
            case FILE_STORAGE -> BoxShape.FILE;
        };
    }
}
