package dev.quorum.sql;

import dev.quorum.sql.SqlLexer.Token;
import java.util.ArrayList;
import java.util.List;

/**
 * The key parts and the predicate of a CREATE INDEX statement, read from its tokens after JSqlParser has
 * accepted the statement. JSqlParser reduces an expression key such as {@code lower(email)} to its function
 * name and does not keep a partial index's {@code WHERE}, so both are taken from the original text.
 */
record IndexColumns(List<SqlName> columns, String where) {

    static IndexColumns read(String sql, List<Token> t, int indexKeyword) {
        int on = DdlNormaliser.indexOfWord(t, "ON", Math.max(indexKeyword, 0), t.size());
        if (on < 0) {
            return new IndexColumns(List.of(), "");
        }
        int open = -1;
        for (int k = on + 1; k < t.size(); k++) {
            if (t.get(k).isSymbol('(') && t.get(k).depth() == 0) {
                open = k;
                break;
            }
        }
        if (open < 0) {
            return new IndexColumns(List.of(), "");
        }
        int close = SqlLexer.matching(t, open);
        List<SqlName> cols = new ArrayList<>();
        int start = open + 1;
        for (int k = open + 1; k <= close; k++) {
            if (k == close || t.get(k).isSymbol(',') && t.get(k).depth() == 1) {
                if (k > start) {
                    cols.add(element(sql, t.subList(start, k)));
                }
                start = k + 1;
            }
        }
        String where = "";
        int w = DdlNormaliser.indexOfWord(t, "WHERE", close + 1, t.size());
        if (w >= 0 && w + 1 < t.size()) {
            where = ColumnText.collapse(sql.substring(t.get(w + 1).start(), t.get(t.size() - 1).end()));
        }
        return new IndexColumns(cols, where);
    }

    /** A plain column (ordering, collation and operator class dropped) or an expression kept as its text. */
    private static SqlName element(String sql, List<Token> e) {
        Token first = e.get(0);
        boolean call = e.size() > 1 && e.get(1).isSymbol('(');
        boolean qualified = e.size() > 1 && e.get(1).isSymbol('.');
        if (first.isName() && !call && !qualified) {
            return SqlName.of(first.text());
        }
        if (first.isName() && call && e.size() >= 4 && e.get(2).kind() == SqlLexer.Kind.NUMBER
                && e.get(3).isSymbol(')')) {
            return SqlName.of(first.text()); // MySQL prefix index: name(10)
        }
        int end = e.size() - 1;
        if (first.isSymbol('(')) {
            end = indexIn(e, SqlLexer.matching(e, 0));
        } else if (first.isName() && call) {
            end = indexIn(e, SqlLexer.matching(e, 1));
        }
        return new SqlName(ColumnText.collapse(sql.substring(first.start(), e.get(end).end())), false);
    }

    private static int indexIn(List<Token> e, int k) {
        return Math.min(Math.max(k, 0), e.size() - 1);
    }
}
