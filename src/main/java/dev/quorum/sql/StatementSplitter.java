package dev.quorum.sql;

import dev.quorum.model.SqlDialect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a script into statements. Splitting is lexical only: it respects quotes, comments, dollar-quoted
 * bodies, MySQL's {@code DELIMITER} command, SQL Server's {@code GO} batch separator and psql's
 * backslash commands, so that a semicolon inside a function body never cuts a statement in two.
 */
final class StatementSplitter {

    /** One statement: its text without the terminator, its offset in the script and its 1-based start line. */
    record RawStatement(String text, int offset, int line) {
    }

    private static final Pattern DELIMITER = Pattern.compile("(?i)[ \\t]*DELIMITER[ \\t]+(\\S+)[ \\t]*\\r?");
    private static final Pattern GO = Pattern.compile("(?i)[ \\t]*GO(?:[ \\t]+\\d+)?[ \\t]*;?[ \\t]*\\r?");

    private StatementSplitter() {
    }

    static List<RawStatement> split(String script, SqlDialect dialect) {
        String s = script == null ? "" : script;
        SqlLexer lexer = new SqlLexer(s, dialect);
        LineIndex lines = new LineIndex(s);
        List<RawStatement> out = new ArrayList<>();
        String delimiter = ";";
        int n = s.length();
        int start = -1;
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (i == 0 || s.charAt(i - 1) == '\n') {
                int eol = s.indexOf('\n', i);
                String line = s.substring(i, eol < 0 ? n : eol);
                int next = eol < 0 ? n : eol + 1;
                Matcher d = DELIMITER.matcher(line);
                if (d.matches()) {
                    emit(out, s, start, i, lines);
                    start = -1;
                    delimiter = d.group(1);
                    lexer.disableDollarQuotes();
                    i = next;
                    continue;
                }
                if (GO.matcher(line).matches()) {
                    emit(out, s, start, i, lines);
                    start = -1;
                    i = next;
                    continue;
                }
                if (start < 0 && line.stripLeading().startsWith("\\")) {
                    int at = i + line.indexOf('\\');
                    out.add(new RawStatement(line.strip(), at, lines.lineOf(at)));
                    i = next;
                    continue;
                }
            }
            if (s.startsWith(delimiter, i)) {
                emit(out, s, start, i, lines);
                start = -1;
                i += delimiter.length();
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            int ce = lexer.commentEnd(i);
            if (ce >= 0) {
                i = ce;
                continue;
            }
            if (start < 0) {
                start = i;
            }
            int qe = lexer.quotedEnd(i);
            i = qe >= 0 ? qe : i + 1;
        }
        emit(out, s, start, n, lines);
        return out;
    }

    private static void emit(List<RawStatement> out, String s, int start, int end, LineIndex lines) {
        if (start < 0 || start >= end) {
            return;
        }
        String text = s.substring(start, end).stripTrailing();
        if (!text.isEmpty()) {
            out.add(new RawStatement(text, start, lines.lineOf(start)));
        }
    }

    /** A one-line summary of a statement: comments dropped, whitespace collapsed, at most about 60 characters. */
    static String summary(String text, SqlDialect dialect) {
        String flat = new SqlLexer(text, dialect).withoutComments().replaceAll("\\s+", " ").strip();
        return flat.length() <= 60 ? flat : flat.substring(0, 57).stripTrailing() + "...";
    }

    /** Maps offsets to 1-based line numbers by binary search, so splitting stays linear in the script size. */
    static final class LineIndex {
        private final int[] starts;

        LineIndex(String s) {
            int[] buf = new int[16];
            int count = 0;
            buf[count++] = 0;
            for (int k = 0; k < s.length(); k++) {
                if (s.charAt(k) == '\n') {
                    if (count == buf.length) {
                        buf = Arrays.copyOf(buf, count * 2);
                    }
                    buf[count++] = k + 1;
                }
            }
            starts = Arrays.copyOf(buf, count);
        }

        int lineOf(int offset) {
            int k = Arrays.binarySearch(starts, offset);
            return (k >= 0 ? k : -k - 2) + 1;
        }
    }
}
