package dev.quorum.sql;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Documented rewrites applied to a DDL statement only after JSqlParser has rejected it (or accepted it
 * without understanding it), before one retry. Each rewrite removes syntax that carries nothing the
 * schema model holds: storage and partitioning options, access methods, operator classes, SQL Server
 * clustering and filegroups, pg_dump's {@code ONLY}. They work on tokens, so strings and comments are safe.
 */
final class DdlNormaliser {

    /** Placeholder for MySQL's unnamed {@code KEY (col)}, which JSqlParser rejects; removed again when read. */
    static final String UNNAMED = "quorum_unnamed_";

    private static final Set<String> CLUSTERING = Set.of("CLUSTERED", "NONCLUSTERED");

    private DdlNormaliser() {
    }

    /**
     * CREATE TABLE: turns {@code PARTITION OF parent ... FOR VALUES ...} into a bare {@code CREATE TABLE name}; drops table
     * options after the column list ({@code PARTITION BY}, {@code WITH (...)}, {@code ENGINE=...},
     * {@code DEFAULT CHARSET=...}, {@code TABLESPACE}, {@code INHERITS}, {@code ON [PRIMARY]}); inside the
     * list drops {@code CLUSTERED}, constraint {@code WITH (...)} and {@code ON [filegroup]}, {@code COLLATE},
     * {@code NOT VALID}, {@code USING INDEX TABLESPACE}, {@code USING BTREE} and {@code EXCLUDE} constraints,
     * and names MySQL's unnamed keys. Returns null when nothing applies.
     */
    static String createTable(String sql, SqlDialect dialect) {
        List<Token> t = new SqlLexer(sql, dialect).tokens();
        int kw = indexOfWord(t, "TABLE", 0, 12);
        if (kw < 0) {
            return null;
        }
        int nameStart = skipIfNotExists(t, kw + 1);
        int nameEnd = endOfName(t, nameStart);
        if (nameEnd < 0 || nameEnd >= t.size()) {
            return null;
        }
        if (t.get(nameEnd).is("PARTITION") && nameEnd + 1 < t.size() && t.get(nameEnd + 1).is("OF")) {
            // The columns come from the parent; constraints in the partition's own list are read separately.
            return sql.substring(0, t.get(nameEnd).start()).stripTrailing();
        }
        if (!t.get(nameEnd).isSymbol('(')) {
            return null;
        }
        int open = nameEnd;
        int close = SqlLexer.matching(t, open);
        Edits edits = new Edits(sql);
        if (close + 1 < t.size()) {
            edits.remove(t.get(close).end(), sql.length());
        }
        int bodyDepth = t.get(open).depth() + 1;
        int unnamed = 0;
        int pieceStart = open + 1;
        for (int k = open + 1; k < close; k++) {
            Token tok = t.get(k);
            boolean atPieceStart = k == pieceStart;
            if (tok.isSymbol(',') && tok.depth() == bodyDepth) {
                pieceStart = k + 1;
                continue;
            }
            if (atPieceStart && tok.depth() == bodyDepth) {
                int first = k;
                if (tok.is("CONSTRAINT") && k + 2 < close) {
                    first = k + 2;
                }
                if (t.get(first).is("EXCLUDE")) {
                    // The whole piece goes, with the comma that separates it from its neighbour.
                    int end = pieceEnd(t, k, close, bodyDepth);
                    boolean first0 = k == open + 1;
                    int from = first0 ? tok.start() : t.get(k - 1).start();
                    int to = first0 && end < close ? t.get(end).end() : t.get(end - 1).end();
                    edits.remove(from, to);
                    k = end - 1;
                    continue;
                }
                int keyWord = first;
                if (t.get(first).is("UNIQUE") || t.get(first).is("FULLTEXT") || t.get(first).is("SPATIAL")) {
                    keyWord = first + 1;
                }
                if (keyWord + 1 < close && (t.get(keyWord).is("KEY") || t.get(keyWord).is("INDEX"))
                        && t.get(keyWord + 1).isSymbol('(')) {
                    edits.insert(t.get(keyWord).end(), " " + UNNAMED + (++unnamed));
                }
            }
            k = commonInsideRemovals(t, k, close, edits);
        }
        return edits.apply();
    }

    /**
     * CREATE INDEX: drops {@code CONCURRENTLY}, {@code IF NOT EXISTS}, {@code CLUSTERED}, {@code ONLY},
     * {@code USING method}, operator classes ({@code ..._ops}), {@code NULLS FIRST/LAST} and {@code COLLATE} in
     * the column list, and
     * everything after the column list ({@code INCLUDE}, {@code WITH (...)}, {@code WHERE ...},
     * {@code TABLESPACE}, {@code ON [filegroup]}). The predicate of a partial index is read from the
     * original text, not from the parse.
     */
    static String createIndex(String sql, SqlDialect dialect) {
        List<Token> t = new SqlLexer(sql, dialect).tokens();
        int kw = indexOfWord(t, "INDEX", 0, 6);
        int on = indexOfWord(t, "ON", Math.max(kw, 0), t.size());
        if (kw < 0 || on < 0) {
            return null;
        }
        Edits edits = new Edits(sql);
        for (int k = 1; k < on; k++) {
            Token tok = t.get(k);
            if (tok.depth() == 0 && (tok.is("CONCURRENTLY") || CLUSTERING.contains(upper(tok.text())))) {
                edits.remove(tok.start(), tok.end());
            } else if (tok.is("IF") && k + 2 < on && t.get(k + 1).is("NOT") && t.get(k + 2).is("EXISTS")) {
                edits.remove(tok.start(), t.get(k + 2).end());
                k += 2;
            } else if (tok.is("USING") && k + 1 < on) {
                edits.remove(tok.start(), t.get(k + 1).end());
                k++;
            }
        }
        int k = on + 1;
        if (k < t.size() && t.get(k).is("ONLY")) {
            edits.remove(t.get(k).start(), t.get(k).end());
            k++;
        }
        int nameEnd = endOfName(t, k);
        if (nameEnd < 0) {
            return edits.apply();
        }
        k = nameEnd;
        if (k + 1 < t.size() && t.get(k).is("USING") && t.get(k + 1).kind() == SqlLexer.Kind.WORD) {
            edits.remove(t.get(k).start(), t.get(k + 1).end());
            k += 2;
        }
        if (k < t.size() && t.get(k).isSymbol('(')) {
            int close = SqlLexer.matching(t, k);
            for (int j = k + 1; j < close; j++) {
                Token tok = t.get(j);
                if (tok.kind() == SqlLexer.Kind.WORD && tok.text().toLowerCase(Locale.ROOT).endsWith("_ops")) {
                    int from = j;
                    while (from - 2 > k && t.get(from - 1).isSymbol('.') && t.get(from - 2).isName()) {
                        from -= 2;
                    }
                    edits.remove(t.get(from).start(), tok.end());
                } else if (tok.is("NULLS") && j + 1 < close && (t.get(j + 1).is("FIRST") || t.get(j + 1).is("LAST"))) {
                    edits.remove(tok.start(), t.get(j + 1).end());
                    j++;
                } else if (tok.is("COLLATE") && j + 1 < close) {
                    int end = endOfName(t, j + 1);
                    end = end < 0 ? j + 2 : end;
                    edits.remove(tok.start(), t.get(end - 1).end());
                    j = end - 1;
                }
            }
            if (close + 1 < t.size()) {
                edits.remove(t.get(close).end(), sql.length());
            }
        }
        return edits.apply();
    }

    /**
     * ALTER TABLE: drops {@code ONLY}, {@code IF EXISTS}, SQL Server's {@code WITH CHECK}/{@code WITH NOCHECK}
     * and {@code CLUSTERED}, {@code NOT VALID}, {@code USING INDEX TABLESPACE x}, constraint {@code WITH (...)}
     * and {@code ON [filegroup]}, and the schema qualifier of a constraint name (H2's script export); turns
     * SQL Server's {@code ADD CONSTRAINT name DEFAULT expr FOR column} into {@code ALTER COLUMN ... SET DEFAULT}.
     */
    static String alterTable(String sql, SqlDialect dialect) {
        List<Token> t = new SqlLexer(sql, dialect).tokens();
        int kw = indexOfWord(t, "TABLE", 0, 3);
        if (kw < 0) {
            return null;
        }
        Edits edits = new Edits(sql);
        int k = kw + 1;
        if (k < t.size() && t.get(k).is("IF") && k + 1 < t.size() && t.get(k + 1).is("EXISTS")) {
            edits.remove(t.get(k).start(), t.get(k + 1).end());
            k += 2;
        }
        if (k < t.size() && t.get(k).is("ONLY")) {
            edits.remove(t.get(k).start(), t.get(k).end());
            k++;
        }
        int nameEnd = endOfName(t, k);
        String defaultFor = nameEnd > 0 ? defaultConstraint(sql, t, nameEnd) : null;
        if (defaultFor != null) {
            return sql.substring(0, t.get(nameEnd - 1).end()) + defaultFor;
        }
        for (int j = k; j < t.size(); j++) {
            Token tok = t.get(j);
            if (tok.is("WITH") && j + 1 < t.size() && (t.get(j + 1).is("CHECK") || t.get(j + 1).is("NOCHECK"))
                    && tok.depth() == 0) {
                edits.remove(tok.start(), t.get(j + 1).end());
                j++;
            } else if (tok.is("CONSTRAINT") && j + 3 < t.size() && t.get(j + 1).isName() && t.get(j + 2).isSymbol('.')
                    && t.get(j + 3).isName()) {
                edits.remove(t.get(j + 1).start(), t.get(j + 2).end());
                j += 2;
            } else {
                j = commonInsideRemovals(t, j, t.size(), edits);
            }
        }
        return edits.apply();
    }

    /**
     * SQL Server's {@code ADD [CONSTRAINT name] DEFAULT expr FOR column}, which JSqlParser rejects, said the
     * standard way: {@code ALTER COLUMN column SET DEFAULT expr}. Null when the statement is not of that form.
     */
    private static String defaultConstraint(String sql, List<Token> t, int afterName) {
        int k = afterName;
        if (k + 1 < t.size() && t.get(k).is("WITH") && (t.get(k + 1).is("CHECK") || t.get(k + 1).is("NOCHECK"))) {
            k += 2;
        }
        if (k >= t.size() || !t.get(k).is("ADD")) {
            return null;
        }
        k++;
        if (k + 1 < t.size() && t.get(k).is("CONSTRAINT")) {
            k += 2;
        }
        if (k >= t.size() || !t.get(k).is("DEFAULT")) {
            return null;
        }
        int forWord = indexOfWord(t, "FOR", k + 1, t.size());
        if (forWord < 0 || forWord == k + 1 || forWord + 1 >= t.size() || !t.get(forWord + 1).isName()) {
            return null;
        }
        String expr = sql.substring(t.get(k + 1).start(), t.get(forWord - 1).end());
        return " ALTER COLUMN " + t.get(forWord + 1).text() + " SET DEFAULT " + expr;
    }

    /** CREATE VIEW: the definition is not needed to know a view by name, so the body becomes {@code SELECT 1}. */
    static String createView(String sql, SqlDialect dialect) {
        List<Token> t = new SqlLexer(sql, dialect).tokens();
        int kw = indexOfWord(t, "VIEW", 0, 20);
        if (kw < 0) {
            return null;
        }
        int nameStart = skipIfNotExists(t, kw + 1);
        int nameEnd = endOfName(t, nameStart);
        if (nameEnd < 0) {
            return null;
        }
        boolean materialized = false;
        for (int k = 0; k < kw; k++) {
            materialized |= t.get(k).is("MATERIALIZED");
        }
        return "CREATE " + (materialized ? "MATERIALIZED " : "") + "VIEW "
                + sql.substring(t.get(nameStart).start(), t.get(nameEnd - 1).end()) + " AS SELECT 1";
    }

    /** Removals shared by CREATE TABLE bodies and ALTER TABLE; returns the last token index consumed. */
    private static int commonInsideRemovals(List<Token> t, int k, int limit, Edits edits) {
        Token tok = t.get(k);
        if (CLUSTERING.contains(upper(tok.text())) && tok.kind() == SqlLexer.Kind.WORD) {
            edits.remove(tok.start(), tok.end());
            return k;
        }
        boolean afterParen = k > 0 && t.get(k - 1).isSymbol(')');
        if (tok.is("WITH") && afterParen && k + 1 < limit && t.get(k + 1).isSymbol('(')) {
            int close = SqlLexer.matching(t, k + 1);
            edits.remove(tok.start(), t.get(close).end());
            return close;
        }
        if (tok.is("ON") && afterParen && k + 1 < limit && t.get(k + 1).isName()
                && (k + 2 >= limit || t.get(k + 2).isSymbol(',') || t.get(k + 2).isSymbol(')'))) {
            edits.remove(tok.start(), t.get(k + 1).end());
            return k + 1;
        }
        if (tok.is("COLLATE") && k + 1 < limit) {
            int end = endOfName(t, k + 1);
            end = end < 0 ? k + 2 : end;
            edits.remove(tok.start(), t.get(Math.min(end, t.size()) - 1).end());
            return end - 1;
        }
        if (tok.is("NOT") && k + 1 < limit && t.get(k + 1).is("VALID")) {
            edits.remove(tok.start(), t.get(k + 1).end());
            return k + 1;
        }
        if (tok.is("USING") && k + 3 < limit && t.get(k + 1).is("INDEX") && t.get(k + 2).is("TABLESPACE")) {
            edits.remove(tok.start(), t.get(k + 3).end());
            return k + 3;
        }
        if (tok.is("USING") && afterParen && k + 1 < limit && t.get(k + 1).kind() == SqlLexer.Kind.WORD) {
            edits.remove(tok.start(), t.get(k + 1).end());
            return k + 1;
        }
        return k;
    }

    private static int pieceEnd(List<Token> t, int from, int close, int depth) {
        for (int k = from; k < close; k++) {
            if (t.get(k).isSymbol(',') && t.get(k).depth() == depth) {
                return k;
            }
        }
        return close;
    }

    /** The index of the first top-level {@code word} in [from, to), or -1. */
    static int indexOfWord(List<Token> t, String word, int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, t.size()); k++) {
            if (t.get(k).depth() == 0 && t.get(k).is(word)) {
                return k;
            }
        }
        return -1;
    }

    static int skipIfNotExists(List<Token> t, int k) {
        if (k + 2 < t.size() && t.get(k).is("IF") && t.get(k + 1).is("NOT") && t.get(k + 2).is("EXISTS")) {
            return k + 3;
        }
        if (k + 1 < t.size() && t.get(k).is("IF") && t.get(k + 1).is("EXISTS")) {
            return k + 2;
        }
        return k;
    }

    /** The index just after a possibly qualified name starting at {@code k}, or -1 when no name starts there. */
    static int endOfName(List<Token> t, int k) {
        if (k >= t.size() || !t.get(k).isName()) {
            return -1;
        }
        int j = k;
        while (j + 2 < t.size() && t.get(j + 1).isSymbol('.') && t.get(j + 2).isName()) {
            j += 2;
        }
        return j + 1;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    /** Offset-based edits to a text, applied back to front so earlier offsets stay valid. */
    static final class Edits {
        private record Edit(int start, int end, String replacement) {
        }

        private final String text;
        private final List<Edit> edits = new ArrayList<>();

        Edits(String text) {
            this.text = text;
        }

        void remove(int start, int end) {
            edits.add(new Edit(start, end, " "));
        }

        void insert(int at, String s) {
            edits.add(new Edit(at, at, s));
        }

        /** The edited text, or null when there was nothing to edit. */
        String apply() {
            if (edits.isEmpty()) {
                return null;
            }
            List<Edit> sorted = new ArrayList<>(edits);
            sorted.sort(Comparator.comparingInt(Edit::start).thenComparingInt(Edit::end));
            StringBuilder out = new StringBuilder();
            int pos = 0;
            for (Edit e : sorted) {
                if (e.start() < pos) {
                    continue; // overlaps an earlier edit
                }
                out.append(text, pos, e.start()).append(e.replacement());
                pos = e.end();
            }
            out.append(text.substring(pos));
            return out.toString();
        }
    }
}
