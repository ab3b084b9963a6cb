package dev.quorum.sql;

import dev.quorum.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.statement.create.table.ColDataType;

/**
 * Column facts from JSqlParser's column definition: the type, the base type, the default and the inline
 * constraints. JSqlParser re-spaces what it prints ({@code numeric (4, 2)}, {@code NextVal( ...)}), so
 * where the original text of a type or default can be found and says the same thing, that text is used.
 */
final class ColumnText {

    /** Words that end a column's type in its definition. */
    private static final Set<String> TYPE_END = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE", "REFERENCES",
            "CHECK", "CONSTRAINT", "COLLATE", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "COMMENT", "ON",
            "AS", "CHARSET", "ENCODE", "SPARSE", "ROWGUIDCOL", "FILESTREAM", "KEY", "MASKED", "INVISIBLE", "VISIBLE");

    /** Words that end a default expression (the first word after DEFAULT never does: {@code DEFAULT NULL}). */
    private static final Set<String> DEFAULT_END = Set.of("NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK",
            "CONSTRAINT", "COLLATE", "GENERATED", "ON", "COMMENT", "AUTO_INCREMENT", "AUTOINCREMENT", "IDENTITY", "KEY");

    private ColumnText() {
    }

    /** What the inline column specification says. */
    record Specs(boolean notNull, String defaultText, boolean primaryKey, String primaryKeyName, boolean unique,
            String uniqueName, String referenceName, String referencedTable, List<String> referencedColumns) {
    }

    /** The type as JSqlParser read it, spaced the way it is usually written: {@code numeric(4,2)}, {@code text[]}. */
    static String typeText(ColDataType dt, List<String> specs) {
        if (dt == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(dt.getDataType() == null ? "" : dt.getDataType());
        List<String> args = dt.getArgumentsStringList();
        if (args != null && !args.isEmpty()) {
            sb.append('(').append(String.join(",", args)).append(')');
        }
        if (dt.getArrayData() != null) {
            for (Integer n : dt.getArrayData()) {
                sb.append('[').append(n == null ? "" : n).append(']');
            }
        }
        for (String s : specs) {
            if (s.matches("\\[\\d*]")) {
                sb.append(s);
            } else {
                break;
            }
        }
        return unbracket(tidy(sb.toString()));
    }

    /** SQL Server may quote type names: {@code [nvarchar](max)} is {@code nvarchar(max)}; array brackets stay. */
    static String unbracket(String type) {
        return type.replaceAll("\\[([A-Za-z_][\\w ]*)]", "$1");
    }

    /** Upper-case, without arguments or array brackets: {@code CHARACTER VARYING}, {@code TIMESTAMP WITH TIME ZONE}. */
    static String baseType(String type) {
        String s = type;
        String prev;
        do {
            prev = s;
            s = s.replaceAll("\\([^()]*\\)", " ");
        } while (!s.equals(prev));
        s = s.replaceAll("\\[\\d*]", " ");
        return s.replaceAll("\\s+", " ").strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The type text as written in the statement, when it matches JSqlParser's reading apart from spacing
     * and case; otherwise JSqlParser's reading.
     */
    static String rawType(String sql, List<Token> piece, String parsed) {
        int depth = piece.get(0).depth();
        int from = 1;
        int to = from;
        while (to < piece.size()) {
            Token tok = piece.get(to);
            if (tok.depth() == depth && tok.kind() == SqlLexer.Kind.WORD) {
                String u = tok.text().toUpperCase(Locale.ROOT);
                boolean charset = u.equals("CHARACTER") && to + 1 < piece.size() && piece.get(to + 1).is("SET");
                if (TYPE_END.contains(u) || charset) {
                    break;
                }
            }
            to++;
        }
        if (to <= from) {
            return parsed;
        }
        String raw = unbracket(collapse(sql.substring(piece.get(from).start(), piece.get(to - 1).end())));
        return squash(raw).equals(squash(parsed)) ? raw : parsed;
    }

    /** The default text as written, when it matches JSqlParser's reading apart from spacing and case. */
    static String rawDefault(String sql, List<Token> piece, String parsed) {
        int depth = piece.get(0).depth();
        for (int k = 1; k < piece.size(); k++) {
            Token tok = piece.get(k);
            if (tok.depth() != depth || !tok.is("DEFAULT") || piece.get(k - 1).is("BY")) {
                continue;
            }
            int from = k + 1;
            int to = from;
            while (to < piece.size()) {
                Token t = piece.get(to);
                if (to > from && t.depth() == depth && t.kind() == SqlLexer.Kind.WORD
                        && DEFAULT_END.contains(t.text().toUpperCase(Locale.ROOT))) {
                    break;
                }
                to++;
            }
            if (to > from) {
                String raw = collapse(sql.substring(piece.get(from).start(), piece.get(to - 1).end()));
                if (squash(raw).equals(squash(parsed))) {
                    return raw;
                }
            }
            break;
        }
        return parsed;
    }

    /** Reads JSqlParser's column specification words: NOT NULL, DEFAULT, PRIMARY KEY, UNIQUE, REFERENCES. */
    static Specs specs(List<String> specs) {
        boolean notNull = false;
        boolean pk = false;
        boolean unique = false;
        String pkName = "";
        String uniqueName = "";
        String refName = "";
        String refTable = "";
        List<String> refCols = new ArrayList<>();
        List<String> def = new ArrayList<>();
        String pendingName = "";
        int n = specs.size();
        int i = 0;
        while (i < n) {
            String u = specs.get(i).toUpperCase(Locale.ROOT);
            String next = i + 1 < n ? specs.get(i + 1).toUpperCase(Locale.ROOT) : "";
            switch (u) {
                case "NOT" -> {
                    if (next.equals("NULL")) {
                        notNull = true;
                        i++;
                    }
                    i++;
                }
                case "DEFAULT" -> {
                    int j = i + 1;
                    while (j < n && (j == i + 1 || !DEFAULT_END.contains(specs.get(j).toUpperCase(Locale.ROOT)))) {
                        def.add(specs.get(j));
                        j++;
                    }
                    i = j;
                }
                case "CONSTRAINT" -> {
                    pendingName = i + 1 < n ? specs.get(i + 1) : "";
                    i += 2;
                }
                case "PRIMARY" -> {
                    if (next.equals("KEY")) {
                        pk = true;
                        pkName = pendingName;
                        pendingName = "";
                        i++;
                    }
                    i++;
                }
                case "KEY" -> {
                    pk = true; // MySQL: a column attribute KEY alone means PRIMARY KEY
                    pkName = pendingName;
                    pendingName = "";
                    i++;
                }
                case "UNIQUE" -> {
                    unique = true;
                    uniqueName = pendingName;
                    pendingName = "";
                    i += next.equals("KEY") ? 2 : 1;
                }
                case "REFERENCES" -> {
                    refTable = i + 1 < n ? specs.get(i + 1) : "";
                    refName = pendingName;
                    pendingName = "";
                    i += 2;
                    if (i < n && specs.get(i).strip().startsWith("(")) {
                        refCols.addAll(splitList(specs.get(i)));
                        i++;
                    }
                }
                case "CHECK" -> i += 2;
                case "GENERATED" -> {
                    // GENERATED {ALWAYS | BY DEFAULT} AS {IDENTITY [(...)] | (expr) [STORED | VIRTUAL]}
                    i++;
                    while (i < n && Set.of("ALWAYS", "BY", "DEFAULT").contains(specs.get(i).toUpperCase(Locale.ROOT))) {
                        i++;
                    }
                    if (i < n && specs.get(i).equalsIgnoreCase("AS")) {
                        i++;
                    }
                    if (i < n && specs.get(i).equalsIgnoreCase("IDENTITY")) {
                        i++;
                    }
                    if (i < n && specs.get(i).strip().startsWith("(")) {
                        i++;
                    }
                }
                default -> i++;
            }
        }
        String defaultText = def.isEmpty() ? "" : tidy(String.join(" ", def)).replaceFirst("^NextVal\\(", "nextval(");
        return new Specs(notNull, defaultText, pk, name(pkName), unique, name(uniqueName), name(refName), refTable,
                refCols);
    }

    private static String name(String raw) {
        return raw == null || raw.isBlank() ? "" : SqlName.of(raw).name();
    }

    /** The names in a parenthesised, comma-separated list: {@code (a, "b")} gives {@code a} and {@code "b"}. */
    static List<String> splitList(String parenthesised) {
        String inner = parenthesised.strip();
        if (inner.startsWith("(") && inner.endsWith(")")) {
            inner = inner.substring(1, inner.length() - 1);
        }
        List<String> out = new ArrayList<>();
        for (Token t : new SqlLexer(inner, null).tokens()) {
            if (t.isName()) {
                out.add(t.text());
            }
        }
        return out;
    }

    /** JSqlParser's spacing removed: {@code numeric (4, 2)} becomes {@code numeric(4,2)}, {@code now ()} {@code now()}. */
    static String tidy(String s) {
        return collapse(s)
                .replaceAll("(?<=[\\w\"`\\]])\\s+\\(", "(")
                .replaceAll("\\(\\s+", "(")
                .replaceAll("\\s+\\)", ")")
                .replaceAll("\\s*::\\s*", "::")
                .replaceAll(",\\s+(?=[^()]*\\))", ",")
                .replaceAll("\\s+\\[", "[");
    }

    static String collapse(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }

    /** Text compared without case and spacing, to tell whether two spellings say the same. */
    static String squash(String s) {
        return s.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}
