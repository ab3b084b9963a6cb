package dev.quorum.diagram;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds DOT text from synthetic ids and attributes. Attribute values come in two kinds: fixed values the
 * generators choose ({@link Attrs#set}), which must be plain tokens, and user text ({@link Attrs#text}),
 * which is always quoted by {@link Dot}. Nothing else reaches the output, so user text cannot add nodes,
 * edges or attributes.
 */
final class DotWriter {

    /** The font every diagram names, so svgSalamander and font metrics agree across engines. */
    static final String FONT = "DejaVu Sans";

    private static final Pattern ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_.,:#%+\\- ]*");

    private final StringBuilder out = new StringBuilder();
    private int depth = 1;

    /** Starts a directed graph with the shared font and the given graph attributes. */
    DotWriter(Attrs graph) {
        out.append("digraph G {\n");
        Attrs g = new Attrs().text("fontname", FONT, 40).set("fontsize", "11").set("pad", "0.3");
        g.values.putAll(graph.values);
        line("graph " + g);
        line("node " + new Attrs().text("fontname", FONT, 40).set("fontsize", "10"));
        line("edge " + new Attrs().text("fontname", FONT, 40).set("fontsize", "9"));
    }

    /** A node with a synthetic id. */
    DotWriter node(String id, Attrs attrs) {
        line(checkId(id) + " " + attrs);
        return this;
    }

    /** An edge between synthetic ids, optionally at record ports (also synthetic). */
    DotWriter edge(String from, String to, Attrs attrs) {
        line(checkEndpoint(from) + " -> " + checkEndpoint(to) + " " + attrs);
        return this;
    }

    /** Opens a cluster subgraph; its id must start with "cluster" for Graphviz to draw a frame. */
    DotWriter beginCluster(String id, Attrs attrs) {
        if (!id.startsWith("cluster")) {
            throw new IllegalArgumentException("cluster ids start with 'cluster': " + id);
        }
        line("subgraph " + checkId(id) + " {");
        depth++;
        line("graph " + attrs);
        return this;
    }

    /** Closes the innermost cluster. */
    DotWriter endCluster() {
        depth--;
        line("}");
        return this;
    }

    /** The finished DOT text. */
    String text() {
        if (depth != 1) {
            throw new IllegalStateException("unclosed cluster");
        }
        return out + "}\n";
    }

    private void line(String s) {
        out.append("  ".repeat(depth)).append(s).append('\n');
    }

    private static String checkId(String id) {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("not a synthetic id: " + id);
        }
        return id;
    }

    private static String checkEndpoint(String endpoint) {
        int colon = endpoint.indexOf(':');
        if (colon < 0) {
            return checkId(endpoint);
        }
        return checkId(endpoint.substring(0, colon)) + ":" + checkId(endpoint.substring(colon + 1));
    }

    /** An attribute list in insertion order. */
    static final class Attrs {
        private final Map<String, String> values = new LinkedHashMap<>();

        /** A fixed value chosen by a generator, such as a shape or colour; never user text. */
        Attrs set(String name, String token) {
            if (!TOKEN.matcher(token).matches()) {
                throw new IllegalArgumentException("not a plain attribute token: " + token);
            }
            values.put(checkId(name), token.contains(" ") || token.contains(",") || token.contains("#")
                    || token.contains(":") || token.contains("%") || token.contains("+") || token.isEmpty()
                    ? "\"" + token + "\"" : token);
            return this;
        }

        /** User text, cleaned to one line of at most {@code limit} code points and quoted. */
        Attrs text(String name, String userText, int limit) {
            return quoted(name, Dot.text(userText, limit));
        }

        /** A string quoted by {@link Dot}, such as a multi-line or record label. */
        Attrs quoted(String name, Dot.Quoted value) {
            values.put(checkId(name), value.toString());
            return this;
        }

        boolean isEmpty() {
            return values.isEmpty();
        }

        @Override
        public String toString() {
            StringBuilder b = new StringBuilder("[");
            values.forEach((k, v) -> b.append(b.length() > 1 ? ", " : "").append(k).append('=').append(v));
            return b.append(']').toString();
        }
    }
}
