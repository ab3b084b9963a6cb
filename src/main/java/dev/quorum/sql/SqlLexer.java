package dev.quorum.sql;

import dev.quorum.model.SqlDialect;
import java.util.ArrayList;
import java.util.List;

/**
 * Lexical scanning of SQL text: comments, quoted names, string literals and dollar-quoted bodies. It
 * never parses; JSqlParser does that. It exists because statement splitting, line numbers and the
 * "as written" text of types and defaults need positions that JSqlParser does not report.
 */
final class SqlLexer {

    /** What a token is, as far as splitting and normalising need to know. */
    enum Kind { WORD, QUOTED, STRING, NUMBER, SYMBOL }

    /** One token with its offsets in the scanned text and the parenthesis depth it sits at. */
    record Token(Kind kind, String text, int start, int end, int depth) {

        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }

        boolean isSymbol(char c) {
            return kind == Kind.SYMBOL && text.length() == 1 && text.charAt(0) == c;
        }

        boolean isName() {
            return kind == Kind.WORD || kind == Kind.QUOTED;
        }
    }

    private final String s;
    private final SqlDialect dialect;
    private boolean dollarQuotes = true;

    SqlLexer(String text, SqlDialect dialect) {
        this.s = text;
        this.dialect = dialect;
    }

    /** MySQL's DELIMITER scripts never use dollar quoting, and `$$` is then a delimiter. */
    void disableDollarQuotes() {
        dollarQuotes = false;
    }

    String text() {
        return s;
    }

    private boolean backslashEscapes() {
        // PostgreSQL, H2 and SQL Server treat a backslash in a string as an ordinary character.
        return dialect == SqlDialect.MYSQL || dialect == null;
    }

    private boolean bracketQuotes() {
        return dialect == SqlDialect.SQL_SERVER || dialect == null;
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c > 0x7f && !Character.isWhitespace(c);
    }

    static boolean isIdentPart(char c) {
        return isIdentStart(c) || Character.isDigit(c) || c == '$';
    }

    /** The end (exclusive) of a comment starting at {@code i}, or -1 when none starts there. */
    int commentEnd(int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-' || c == '#' && dialect == SqlDialect.MYSQL) {
            int e = s.indexOf('\n', i);
            return e < 0 ? n : e;
        }
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
            boolean nests = dialect == SqlDialect.POSTGRESQL;
            int depth = 1;
            int j = i + 2;
            while (j < n) {
                if (s.charAt(j) == '*' && j + 1 < n && s.charAt(j + 1) == '/') {
                    depth--;
                    j += 2;
                    if (depth == 0 || !nests) {
                        return j;
                    }
                } else if (nests && s.charAt(j) == '/' && j + 1 < n && s.charAt(j + 1) == '*') {
                    depth++;
                    j += 2;
                } else {
                    j++;
                }
            }
            return n;
        }
        return -1;
    }

    /**
     * The end (exclusive) of a quoted identifier, string literal or dollar-quoted body starting at
     * {@code i}, or -1 when none starts there. An unterminated one runs to the end of the text.
     */
    int quotedEnd(int i) {
        int n = s.length();
        char c = s.charAt(i);
        switch (c) {
            case '\'': {
                boolean escapes = backslashEscapes() || i > 0 && (s.charAt(i - 1) == 'E' || s.charAt(i - 1) == 'e')
                        && (i < 2 || !isIdentPart(s.charAt(i - 2)));
                return closing(i + 1, '\'', escapes);
            }
            case '"':
                return closing(i + 1, '"', false);
            case '`':
                return closing(i + 1, '`', false);
            case '[':
                return bracketQuotes() ? closing(i + 1, ']', false) : -1;
            case '$':
                return dollarQuotes ? dollarEnd(i) : -1;
            default:
                return -1;
        }
    }

    private int closing(int from, char quote, boolean backslash) {
        int n = s.length();
        int j = from;
        while (j < n) {
            char ch = s.charAt(j);
            if (backslash && ch == '\\') {
                j += 2;
            } else if (ch == quote) {
                if (j + 1 < n && s.charAt(j + 1) == quote) {
                    j += 2;
                } else {
                    return j + 1;
                }
            } else {
                j++;
            }
        }
        return n;
    }

    private int dollarEnd(int i) {
        if (i > 0 && isIdentPart(s.charAt(i - 1))) {
            return -1;
        }
        int n = s.length();
        int j = i + 1;
        if (j < n && isIdentStart(s.charAt(j)) && s.charAt(j) != '$') {
            j++;
            while (j < n && isIdentPart(s.charAt(j)) && s.charAt(j) != '$') {
                j++;
            }
        }
        if (j >= n || s.charAt(j) != '$') {
            return -1; // $1 parameters and identifiers containing $ are not quotes
        }
        String tag = s.substring(i, j + 1);
        int close = s.indexOf(tag, j + 1);
        return close < 0 ? n : close + tag.length();
    }

    /** The text with every comment replaced by spaces, line breaks kept, so offsets and lines still match. */
    String withoutComments() {
        StringBuilder out = new StringBuilder(s);
        int n = s.length();
        int i = 0;
        while (i < n) {
            int ce = commentEnd(i);
            if (ce >= 0) {
                for (int k = i; k < ce; k++) {
                    if (out.charAt(k) != '\n' && out.charAt(k) != '\r') {
                        out.setCharAt(k, ' ');
                    }
                }
                i = ce;
                continue;
            }
            int qe = quotedEnd(i);
            i = qe >= 0 ? qe : i + 1;
        }
        return out.toString();
    }

    /** All tokens of the text, comments and whitespace left out. */
    List<Token> tokens() {
        List<Token> out = new ArrayList<>();
        int n = s.length();
        int depth = 0;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int ce = commentEnd(i);
            if (ce >= 0) {
                i = ce;
                continue;
            }
            int qe = quotedEnd(i);
            if (qe >= 0) {
                Kind k = c == '"' || c == '`' || c == '[' ? Kind.QUOTED : Kind.STRING;
                out.add(new Token(k, s.substring(i, qe), i, qe, depth));
                i = qe;
                continue;
            }
            if (isIdentStart(c)) {
                int j = i + 1;
                while (j < n && isIdentPart(s.charAt(j))) {
                    j++;
                }
                out.add(new Token(Kind.WORD, s.substring(i, j), i, j, depth));
                i = j;
            } else if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '.')) {
                    j++;
                }
                out.add(new Token(Kind.NUMBER, s.substring(i, j), i, j, depth));
                i = j;
            } else if (c == '(') {
                out.add(new Token(Kind.SYMBOL, "(", i, i + 1, depth));
                depth++;
                i++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
                out.add(new Token(Kind.SYMBOL, ")", i, i + 1, depth));
                i++;
            } else {
                out.add(new Token(Kind.SYMBOL, String.valueOf(c), i, i + 1, depth));
                i++;
            }
        }
        return out;
    }

    /** The index of the token closing the parenthesis opened at {@code open}, or the last index when unbalanced. */
    static int matching(List<Token> toks, int open) {
        int depth = toks.get(open).depth();
        for (int k = open + 1; k < toks.size(); k++) {
            if (toks.get(k).isSymbol(')') && toks.get(k).depth() == depth) {
                return k;
            }
        }
        return toks.size() - 1;
    }
}
