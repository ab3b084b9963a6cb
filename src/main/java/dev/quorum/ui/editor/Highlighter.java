package dev.quorum.ui.editor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one line of SQL or JSON into styled runs for the code editor. It works line by line, so an edit
 * re-highlights only the lines it touched; a block comment that spans lines is the one thing it shows
 * per line rather than as a whole, which is a fair price for never re-scanning a 2,000-line schema.
 */
public enum Highlighter {
    /** SQL: keywords, strings, numbers, comments and quoted identifiers. */
    SQL(Pattern.compile("(?<comment>--.*|/\\*.*?(?:\\*/|$))|(?<string>'(?:[^']|'')*'?)|(?<quoted>\"[^\"]*\"?|`[^`]*`?)"
            + "|(?<number>\\b\\d+(?:\\.\\d+)?\\b)|(?<word>[A-Za-z_][A-Za-z0-9_]*)|(?<paren>[()])|(?<punct>[;,])")),
    /** JSON: keys, strings, numbers, literals and brackets. */
    JSON(Pattern.compile("(?<key>\"(?:[^\"\\\\]|\\\\.)*\"(?=\\s*:))|(?<string>\"(?:[^\"\\\\]|\\\\.)*\"?)"
            + "|(?<number>-?\\b\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?\\b)|(?<literal>\\b(?:true|false|null)\\b)"
            + "|(?<paren>[\\[\\]{}])|(?<punct>[:,])"));

    private static final Set<String> SQL_KEYWORDS = Set.of(
            "ADD", "ALL", "ALTER", "AND", "AS", "ASC", "AUTO_INCREMENT", "BETWEEN", "BIGINT", "BIGSERIAL", "BOOLEAN",
            "BY", "CASCADE", "CASE", "CHAR", "CHECK", "COLUMN", "CONSTRAINT", "CREATE", "CROSS", "CURRENT_TIMESTAMP",
            "DATE", "DECIMAL", "DEFAULT", "DELETE", "DESC", "DISTINCT", "DOUBLE", "DROP", "ELSE", "END", "ENUM",
            "EXISTS", "FALSE", "FLOAT", "FOR", "FOREIGN", "FROM", "FULL", "GENERATED", "GROUP", "HAVING", "IDENTITY",
            "IF", "IN", "INDEX", "INNER", "INSERT", "INT", "INTEGER", "INTO", "IS", "JOIN", "JSON", "JSONB", "KEY",
            "LEFT", "LIKE", "LIMIT", "NOT", "NULL", "NUMERIC", "OFFSET", "ON", "OR", "ORDER", "OUTER", "PRIMARY",
            "REAL", "REFERENCES", "RETURNING", "RIGHT", "SELECT", "SERIAL", "SET", "SKIP", "SMALLINT", "TABLE",
            "TEXT", "THEN", "TIME", "TIMESTAMP", "TIMESTAMPTZ", "TRUE", "UNION", "UNIQUE", "UPDATE", "USING", "UUID",
            "VALUES", "VARCHAR", "VIEW", "WHEN", "WHERE", "WITH", "ZONE", "LOCKED", "NOWAIT", "COUNT", "SUM", "MAX",
            "MIN", "AVG", "COALESCE", "NOW", "INTERVAL", "TINYINT", "MEDIUMTEXT", "LONGTEXT", "BLOB", "BYTEA",
            "CLUSTERED", "NONCLUSTERED", "ENGINE", "CHARSET", "COLLATE", "ACTION", "RESTRICT", "NO", "MATCH",
            "DEFERRABLE", "INITIALLY", "DEFERRED", "TEMPORARY", "TEMP", "SEQUENCE", "TYPE", "SCHEMA", "EXTENSION",
            "PARTITION", "RANGE", "OVER", "ROWS", "BEGIN", "COMMIT", "TRANSACTION", "ISOLATION", "LEVEL", "READ",
            "COMMITTED", "SERIALIZABLE", "REPEATABLE", "LOCK", "SHARE", "MODE", "CONFLICT", "DO", "NOTHING", "UPSERT");

    /** One styled run: a style class (empty for plain text) and how many characters it covers. */
    public record Run(String style, int length) {
    }

    private final Pattern pattern;

    Highlighter(Pattern pattern) {
        this.pattern = pattern;
    }

    /** The runs of one line; their lengths add up to the line's length. */
    public List<Run> line(String text) {
        List<Run> runs = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        int last = 0;
        while (m.find()) {
            String style = style(m);
            if (style == null) {
                continue;
            }
            if (m.start() > last) {
                runs.add(new Run("", m.start() - last));
            }
            runs.add(new Run(style, m.end() - m.start()));
            last = m.end();
        }
        if (last < text.length() || runs.isEmpty()) {
            runs.add(new Run("", text.length() - last));
        }
        return runs;
    }

    private String style(Matcher m) {
        if (this == SQL) {
            if (m.group("comment") != null) {
                return "code-comment";
            }
            if (m.group("string") != null) {
                return "code-string";
            }
            if (m.group("quoted") != null) {
                return "code-identifier";
            }
            if (m.group("number") != null) {
                return "code-number";
            }
            if (m.group("word") != null) {
                return SQL_KEYWORDS.contains(m.group("word").toUpperCase(Locale.ROOT)) ? "code-keyword" : null;
            }
            return m.group("paren") != null ? "code-paren" : "code-punct";
        }
        if (m.group("key") != null) {
            return "code-key";
        }
        if (m.group("string") != null) {
            return "code-string";
        }
        if (m.group("number") != null) {
            return "code-number";
        }
        if (m.group("literal") != null) {
            return "code-keyword";
        }
        return m.group("paren") != null ? "code-paren" : "code-punct";
    }
}
