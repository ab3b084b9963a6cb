package dev.quorum.diagram;

/**
 * Quoting for Mermaid. Labels go inside double quotes with every character that could end the quote or
 * start markup written as a Mermaid entity code ({@code #quot;}, {@code #35;}, ...), which Mermaid turns
 * back into the character when it draws. Words that Mermaid's erDiagram grammar reads bare (attribute
 * types and names) are reduced to the characters that grammar has always accepted.
 */
public final class MermaidText {

    private MermaidText() {
    }

    /** The text, cleaned to one line of at most {@code limit} code points, as a quoted Mermaid string. */
    public static String quoted(String userText, int limit) {
        return "\"" + escape(DiagramText.clean(userText, limit)) + "\"";
    }

    /** The entity-escaped body of a quoted Mermaid string. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
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
                case '%' -> b.append("#37;");
                case '\\' -> b.append("#92;");
                case '\n', '\r' -> b.append(' ');
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A bare word for an erDiagram attribute type or name: letters, digits, {@code _ - ( ) [ ]}, starting
     * with a letter or underscore (the grammar of Mermaid 9 to 11); any other character becomes {@code _}.
     */
    public static String word(String text) {
        String clean = DiagramText.name(text);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '(' || c == ')'
                    || c == '[' || c == ']');
            b.append(ok ? c : '_');
        }
        if (b.length() == 0 || !(Character.isLetter(b.charAt(0)) || b.charAt(0) == '_')) {
            b.insert(0, '_');
        }
        return b.toString();
    }

    /**
     * An erDiagram comment or relationship label: the grammar ends it at the next double quote and has no
     * escape, so double quotes become single quotes and the rest is entity-escaped.
     */
    public static String comment(String userText, int limit) {
        return "\"" + escape(DiagramText.clean(userText, limit).replace('"', '\'')) + "\"";
    }
}
