package dev.quorum.diagram;

import dev.quorum.diagram.MermaidGraph.Edge;
import dev.quorum.diagram.MermaidGraph.Node;
import dev.quorum.diagram.MermaidGraph.Shape;
import dev.quorum.diagram.MermaidGraph.Subgraph;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the part of Mermaid's flowchart language the template uses: a {@code graph} or {@code flowchart}
 * header with a direction, node declarations in any bracket shape with plain or quoted labels, edges
 * ({@code -->}, {@code ---}, {@code ==>}, {@code -.->} and their labelled forms, chained), subgraphs and
 * {@code %%} comments. Anything else (styling, clicks, {@code &} lists, the {@code @{}} shape syntax) is
 * an error naming the line, so nothing pasted is silently dropped.
 */
public final class MermaidReader {

    /** Larger blocks are refused; a hand-drawn diagram is a few kilobytes. */
    public static final int MAX_CHARS = 1_000_000;
    /** More nodes than this are refused. */
    public static final int MAX_NODES = 5_000;

    private static final Pattern HEADER = Pattern.compile("(graph|flowchart)(?:\\s+(TB|TD|BT|RL|LR))?\\s*;?\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> UNSUPPORTED = Set.of("classdef", "class", "style", "linkstyle", "click", "acctitle",
            "accdescr", "call", "href");
    private static final Pattern LINK = Pattern.compile(
            "<?(?:-{2,}[->ox]?|={2,}[=>ox]?|-\\.+-[>ox]?)");
    private static final Pattern TEXT_LINK = Pattern.compile(
            "<?(--|==|-\\.)\\s+(.+?)\\s+(-{2,}[->ox]|={2,}[=>ox]|\\.+-[>ox]?)");
    private static final Pattern ENTITY = Pattern.compile("#(\\w+);");

    private final List<Node> nodes = new ArrayList<>();
    private final Map<String, Integer> nodeIndex = new LinkedHashMap<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<Subgraph> subgraphs = new ArrayList<>();
    private final Deque<String> open = new ArrayDeque<>();
    private int lineNumber;

    private MermaidReader() {
    }

    /** Reads a flowchart; throws with the line of the first thing not understood. */
    public static MermaidGraph read(String text) throws MermaidSyntaxException {
        return new MermaidReader().parse(text == null ? "" : text);
    }

    private MermaidGraph parse(String text) throws MermaidSyntaxException {
        if (text.length() > MAX_CHARS) {
            throw new MermaidSyntaxException(1, "the block is larger than " + MAX_CHARS / 1000 + " KB");
        }
        String[] lines = text.split("\\R", -1);
        String direction = null;
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("%%") || direction == null && line.startsWith("```")) {
                continue;
            }
            if (direction == null) {
                Matcher h = HEADER.matcher(line);
                if (!h.matches()) {
                    throw new MermaidSyntaxException(lineNumber, "expected 'graph TB' or 'flowchart LR' (a flowchart header), found '"
                            + shorten(line) + "'");
                }
                direction = h.group(2) == null ? "TB" : h.group(2).toUpperCase(Locale.ROOT);
                continue;
            }
            if (line.startsWith("```")) {
                continue;
            }
            for (String statement : statements(line)) {
                statement(statement.strip());
            }
        }
        if (direction == null) {
            throw new MermaidSyntaxException(Math.max(1, lineNumber), "no flowchart: expected a 'graph TB' or 'flowchart LR' header");
        }
        if (!open.isEmpty()) {
            throw new MermaidSyntaxException(lineNumber, "subgraph '" + shorten(open.peek()) + "' has no 'end'");
        }
        return new MermaidGraph(direction, nodes, edges, subgraphs);
    }

    /** Splits a line at semicolons that are outside quotes and brackets. */
    private List<String> statements(String line) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '(' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == ')' || c == '}') && depth > 0) {
                depth--;
            } else if (!quoted && depth == 0 && c == ';') {
                parts.add(line.substring(start, i));
                start = i + 1;
            } else if (!quoted && depth == 0 && c == '%' && i + 1 < line.length() && line.charAt(i + 1) == '%') {
                parts.add(line.substring(start, i));
                return parts.stream().filter(p -> !p.isBlank()).toList();
            }
        }
        parts.add(line.substring(start));
        return parts.stream().filter(p -> !p.isBlank()).toList();
    }

    private void statement(String s) throws MermaidSyntaxException {
        String keyword = s.split("[\\s\\[(\"]", 2)[0].toLowerCase(Locale.ROOT);
        if (keyword.equals("subgraph")) {
            subgraph(s.substring(8).strip());
            return;
        }
        if (keyword.equals("end")) {
            if (open.isEmpty()) {
                throw new MermaidSyntaxException(lineNumber, "'end' without a subgraph");
            }
            open.pop();
            return;
        }
        if (keyword.equals("direction")) {
            return;
        }
        if (UNSUPPORTED.contains(keyword) || keyword.startsWith("acc")) {
            throw new MermaidSyntaxException(lineNumber, "'" + keyword + "' is not supported: Quorum reads nodes, labelled edges"
                    + " and subgraphs");
        }
        Cursor c = new Cursor(s);
        String from = node(c);
        c.spaces();
        while (!c.atEnd()) {
            String label = link(c);
            c.spaces();
            String to = node(c);
            edges.add(new Edge(from, to, label, lineNumber));
            from = to;
            c.spaces();
        }
    }

    private void subgraph(String rest) throws MermaidSyntaxException {
        if (rest.isEmpty()) {
            throw new MermaidSyntaxException(lineNumber, "a subgraph needs a name");
        }
        String id;
        String label;
        if (rest.startsWith("\"")) {
            Cursor c = new Cursor(rest);
            label = c.quoted();
            id = slug(label);
        } else {
            Cursor c = new Cursor(rest);
            id = c.id();
            c.spaces();
            if (c.atEnd()) {
                label = id;
            } else if (c.peek() == '[') {
                c.next();
                c.spaces();
                label = c.peek() == '"' ? c.quoted() : c.until("]");
                c.spaces();
                c.expect("]");
                c.spaces();
                if (!c.atEnd()) {
                    throw new MermaidSyntaxException(lineNumber, "unexpected '" + shorten(c.rest()) + "' after the subgraph title");
                }
            } else {
                label = rest;
                id = slug(rest);
            }
        }
        String subgraphId = id;
        if (subgraphs.stream().anyMatch(g -> g.id().equals(subgraphId))) {
            throw new MermaidSyntaxException(lineNumber, "subgraph '" + shorten(id) + "' is declared twice");
        }
        if (nodeIndex.containsKey(id)) {
            throw new MermaidSyntaxException(lineNumber, "'" + shorten(id) + "' is already a node; a subgraph needs its own id");
        }
        subgraphs.add(new Subgraph(id, decode(label), open.isEmpty() ? "" : open.peek(), lineNumber));
        open.push(id);
    }

    /** A node reference or declaration; returns its id. */
    private String node(Cursor c) throws MermaidSyntaxException {
        if (c.atEnd()) {
            throw new MermaidSyntaxException(lineNumber, "expected a node after the link");
        }
        String id = c.id();
        if (c.startsWith("@{")) {
            throw new MermaidSyntaxException(lineNumber, "the '@{ shape: ... }' syntax is not supported; use bracket shapes such as [(...)]");
        }
        Shape shape = Shape.BARE;
        String label = null;
        String[][] shapes = {
            {"(((", ")))", "DOUBLE_CIRCLE"}, {"([", "])", "STADIUM"}, {"((", "))", "CIRCLE"}, {"[(", ")]", "CYLINDER"},
            {"[[", "]]", "SUBROUTINE"}, {"[/", "/]", "PARALLELOGRAM"}, {"[/", "\\]", "TRAPEZOID"},
            {"[\\", "\\]", "PARALLELOGRAM_ALT"}, {"[\\", "/]", "TRAPEZOID_ALT"}, {"{{", "}}", "HEXAGON"},
            {"(", ")", "ROUND"}, {"[", "]", "RECT"}, {"{", "}", "RHOMBUS"}, {">", "]", "ASYMMETRIC"}};
        for (int i = 0; i < shapes.length && label == null; i++) {
            String openBracket = shapes[i][0];
            if (!c.startsWith(openBracket)) {
                continue;
            }
            // Shapes that share an opening bracket are told apart by their closing one.
            List<String[]> same = new ArrayList<>();
            for (String[] sh : shapes) {
                if (sh[0].equals(openBracket)) {
                    same.add(sh);
                }
            }
            c.skip(openBracket.length());
            if (c.peek() == '"') {
                String text = c.quoted();
                for (String[] sh : same) {
                    if (c.startsWith(sh[1])) {
                        c.skip(sh[1].length());
                        label = text;
                        shape = Shape.valueOf(sh[2]);
                        break;
                    }
                }
                if (label == null) {
                    throw new MermaidSyntaxException(lineNumber, "node '" + shorten(id) + "': expected '" + same.get(0)[1]
                            + "' after the quoted label");
                }
            } else {
                int best = -1;
                String[] chosen = null;
                for (String[] sh : same) {
                    int at = c.indexOf(sh[1]);
                    if (at >= 0 && (best < 0 || at < best)) {
                        best = at;
                        chosen = sh;
                    }
                }
                if (chosen == null) {
                    throw new MermaidSyntaxException(lineNumber, "node '" + shorten(id) + "': the label has no closing '"
                            + same.get(0)[1] + "'");
                }
                label = c.take(best).strip();
                c.skip(chosen[1].length());
                shape = Shape.valueOf(chosen[2]);
                if (label.contains("\"")) {
                    throw new MermaidSyntaxException(lineNumber, "node '" + shorten(id) + "': put a label with quotes in double quotes");
                }
            }
        }
        declare(id, label == null ? null : decode(label), shape);
        return id;
    }

    /** A link and its label; returns the label, empty when none. */
    private String link(Cursor c) throws MermaidSyntaxException {
        if (c.peek() == '&') {
            throw new MermaidSyntaxException(lineNumber, "'&' (several nodes at once) is not supported; write one edge per line");
        }
        Matcher text = TEXT_LINK.matcher(c.rest());
        if (text.lookingAt() && !text.group(2).startsWith("|") && !text.group(2).contains("-->")) {
            c.skip(text.end());
            return decode(unquote(text.group(2).strip()));
        }
        Matcher m = LINK.matcher(c.rest());
        if (!m.lookingAt()) {
            throw new MermaidSyntaxException(lineNumber, "expected a link such as '-->' or '-->|label|', found '"
                    + shorten(c.rest()) + "'");
        }
        c.skip(m.end());
        c.spaces();
        if (c.peek() == '|') {
            c.next();
            c.spaces();
            String label = c.peek() == '"' ? c.quoted() : c.until("|");
            c.spaces();
            c.expect("|");
            return decode(label.strip());
        }
        return "";
    }

    private void declare(String id, String label, Shape shape) throws MermaidSyntaxException {
        if (subgraphs.stream().anyMatch(g -> g.id().equals(id))) {
            throw new MermaidSyntaxException(lineNumber, "links to a subgraph ('" + shorten(id) + "') are not supported;"
                    + " link the nodes inside it");
        }
        String subgraph = open.isEmpty() ? "" : open.peek();
        Integer at = nodeIndex.get(id);
        if (at == null) {
            if (nodes.size() >= MAX_NODES) {
                throw new MermaidSyntaxException(lineNumber, "more than " + MAX_NODES + " nodes");
            }
            nodeIndex.put(id, nodes.size());
            nodes.add(new Node(id, label == null ? id : label, shape, subgraph, lineNumber));
            return;
        }
        Node old = nodes.get(at);
        // A later mention may add the label and shape, or place the node in a subgraph, as Mermaid does.
        nodes.set(at, new Node(id, label == null ? old.label() : label, label == null ? old.shape() : shape,
                old.subgraph().isEmpty() ? subgraph : old.subgraph(), old.line()));
    }

    private String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Turns Mermaid entity codes ({@code #quot;}, {@code #35;}) back into characters. */
    static String decode(String text) {
        Matcher m = ENTITY.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String code = m.group(1);
            String replacement = switch (code) {
                case "quot" -> "\"";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "nbsp" -> " ";
                default -> {
                    if (code.matches("\\d{1,7}")) {
                        int cp = Integer.parseInt(code);
                        yield Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : m.group();
                    }
                    yield m.group();
                }
            };
            m.appendReplacement(b, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(b);
        return b.toString().replaceAll("(?i)<br\\s*/?>", " ");
    }

    private static String slug(String label) {
        String s = label.replaceAll("[^\\p{L}\\p{N}_]+", "_").replaceAll("^_+|_+$", "");
        return s.isEmpty() ? "subgraph" : s;
    }

    private static String shorten(String s) {
        String one = DiagramText.clean(s, 40);
        return one;
    }

    /** A position in one statement. */
    private final class Cursor {
        private final String s;
        private int at;

        Cursor(String s) {
            this.s = s;
        }

        boolean atEnd() {
            return at >= s.length();
        }

        char peek() {
            return atEnd() ? '\0' : s.charAt(at);
        }

        void next() {
            at++;
        }

        void skip(int n) {
            at += n;
        }

        boolean startsWith(String prefix) {
            return s.startsWith(prefix, at);
        }

        int indexOf(String needle) {
            int i = s.indexOf(needle, at);
            return i < 0 ? -1 : i - at;
        }

        String take(int n) {
            String t = s.substring(at, at + n);
            at += n;
            return t;
        }

        String rest() {
            return s.substring(Math.min(at, s.length()));
        }

        void spaces() {
            while (!atEnd() && Character.isWhitespace(peek())) {
                at++;
            }
        }

        void expect(String token) throws MermaidSyntaxException {
            if (!startsWith(token)) {
                throw new MermaidSyntaxException(lineNumber, "expected '" + token + "', found '" + shorten(rest()) + "'");
            }
            at += token.length();
        }

        String until(String token) throws MermaidSyntaxException {
            int i = s.indexOf(token, at);
            if (i < 0) {
                throw new MermaidSyntaxException(lineNumber, "missing '" + token + "'");
            }
            String t = s.substring(at, i);
            at = i;
            return t;
        }

        String quoted() throws MermaidSyntaxException {
            expect("\"");
            int end = s.indexOf('"', at);
            if (end < 0) {
                throw new MermaidSyntaxException(lineNumber, "a quoted label has no closing '\"'");
            }
            String t = s.substring(at, end);
            at = end + 1;
            return t;
        }

        /** A node id: letters, digits and underscores, with single hyphens inside ("pg-primary"). */
        String id() throws MermaidSyntaxException {
            int start = at;
            while (!atEnd()) {
                char ch = peek();
                if (Character.isLetterOrDigit(ch) || ch == '_') {
                    at++;
                } else if (ch == '-' && at > start && at + 1 < s.length()
                        && (Character.isLetterOrDigit(s.charAt(at + 1)) || s.charAt(at + 1) == '_')) {
                    at++;
                } else {
                    break;
                }
            }
            if (at == start) {
                throw new MermaidSyntaxException(lineNumber, "expected a node id, found '" + shorten(rest()) + "'");
            }
            return s.substring(start, at);
        }
    }
}
