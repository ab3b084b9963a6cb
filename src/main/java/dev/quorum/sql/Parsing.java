package dev.quorum.sql;

import dev.quorum.model.SqlDialect;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/** The one place that calls JSqlParser: dialect features, a time limit, and readable error messages. */
final class Parsing {

    /**
     * JSqlParser enforces its time limit by running the parse on an executor. A shared pool of daemon
     * threads avoids creating a thread per statement (the library's default) and never keeps the JVM alive.
     */
    private static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(new DaemonThreads());

    private static final Pattern POSITION = Pattern.compile("at line (\\d+), column (\\d+)");

    private Parsing() {
    }

    /** Parses one statement; square-bracket quotes are on for SQL Server, backslash escapes for MySQL. */
    static Statement parse(String sql, SqlDialect dialect, long timeoutMillis) throws JSQLParserException {
        boolean brackets = dialect == SqlDialect.SQL_SERVER;
        try {
            return parseWith(sql, dialect, brackets, timeoutMillis);
        } catch (JSQLParserException first) {
            if (dialect == null && sql.indexOf('[') >= 0) {
                try {
                    return parseWith(sql, null, true, timeoutMillis);
                } catch (JSQLParserException ignored) {
                    throw first;
                }
            }
            throw first;
        }
    }

    private static Statement parseWith(String sql, SqlDialect dialect, boolean brackets, long timeoutMillis)
            throws JSQLParserException {
        try {
            Statement st = CCJSqlParserUtil.parse(sql, EXECUTOR, p -> p.withSquareBracketQuotation(brackets)
                    .withBackslashEscapeCharacter(dialect == SqlDialect.MYSQL)
                    .withTimeOut(timeoutMillis));
            if (st == null) {
                throw new JSQLParserException("empty statement");
            }
            return st;
        } catch (RuntimeException | StackOverflowError e) {
            // The grammar occasionally fails with an unchecked exception on odd input; that is a rejection too.
            throw new JSQLParserException(String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * The first line of JSqlParser's message, without exception class names, with its position moved by
     * {@code lineOffset} so that it points into the whole script rather than the single statement.
     */
    static String describe(Throwable e, int lineOffset) {
        Throwable t = e;
        String msg = null;
        while (t != null && msg == null) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                msg = m;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        if (msg == null) {
            return e.getClass().getSimpleName();
        }
        String first = msg.strip().lines().findFirst().orElse("").strip();
        first = first.replaceFirst("^(?:[a-z]+\\.)+[A-Za-z]*(?:Exception|Error):\\s*", "");
        Matcher m = POSITION.matcher(msg);
        if (m.find() && !POSITION.matcher(first).find()) {
            int line = Integer.parseInt(m.group(1)) + lineOffset;
            first = first.replaceFirst("\\.$", "") + " at line " + line + ", column " + m.group(2);
        }
        if (first.startsWith("Time out occurred")) {
            first = "the SQL parser gave up (time limit)";
        }
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }

    private static final class DaemonThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "quorum-sql-parser-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }
}
