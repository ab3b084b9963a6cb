package dev.quorum.diagram;

import java.util.List;

/**
 * Quoting for DOT. Every piece of user text goes through {@link #escape}: backslash first, then the double
 * quote, so the string can neither end early nor swallow its closing quote; then the characters that
 * Graphviz or graphviz-java read as structure become HTML character references, which Graphviz decodes
 * in every label. {@code < > { } |} would otherwise be record-label syntax, and {@code =} and {@code <}
 * would let label text match graphviz-java's own regular expressions for {@code image=}, {@code fontname=},
 * {@code dpi=} and {@code <img}.
 */
public final class Dot {

    private Dot() {
    }

    /** A DOT quoted string that only this class can make, so no unescaped text can pose as one. */
    public static final class Quoted {
        private final String text;

        private Quoted(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The text, cleaned to one line of at most {@code limit} code points, as a quoted string. */
    public static Quoted text(String userText, int limit) {
        return new Quoted("\"" + escape(DiagramText.clean(userText, limit)) + "\"");
    }

    /** Lines (each cleaned) joined with left-justified breaks ({@code \l}). */
    public static Quoted leftLines(List<String> lines, int limit) {
        StringBuilder b = new StringBuilder("\"");
        for (String line : lines) {
            b.append(escape(DiagramText.clean(line, limit))).append("\\l");
        }
        return new Quoted(b.append('"').toString());
    }

    /** Lines (each cleaned) joined with centred breaks ({@code \n}). */
    public static Quoted centredLines(List<String> lines, int limit) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < lines.size(); i++) {
            if (i > 0) {
                b.append("\\n");
            }
            b.append(escape(DiagramText.clean(lines.get(i), limit)));
        }
        return new Quoted(b.append('"').toString());
    }

    /**
     * A record label: a title field, then one field per line with the synthetic port {@code c<i>}, each
     * left-justified. The fields are stacked vertically in a left-to-right graph.
     */
    public static Quoted record(String title, List<String> fields, int limit) {
        StringBuilder b = new StringBuilder("\"").append(escape(DiagramText.clean(title, limit)));
        for (int i = 0; i < fields.size(); i++) {
            b.append("|<c").append(i).append("> ").append(escape(DiagramText.clean(fields.get(i), limit))).append("\\l");
        }
        return new Quoted(b.append('"').toString());
    }

    /** The escaped body of a quoted string, without the quotes. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '"' -> b.append("\\\"");
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '=' -> b.append("&#61;");
                case '{' -> b.append("&#123;");
                case '}' -> b.append("&#125;");
                case '|' -> b.append("&#124;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
