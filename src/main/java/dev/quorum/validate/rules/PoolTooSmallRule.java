package dev.quorum.validate.rules;

import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports a stated connection pool smaller than the concurrency Little's law predicts. */
public final class PoolTooSmallRule extends AbstractRule {

    /** The time one query holds a connection when the design does not say: a simple indexed query. */
    static final double DEFAULT_QUERY_SECONDS = 0.010;

    private static final String NUM = "(\\d{1,3}(?:,\\d{3})+|\\d+)";
    private static final Pattern POOL = Pattern.compile(
            "\\bpool\\s+(?:of|size(?:\\s+of)?|size\\s*(?:=|:|is)|holds|has|with|limited to|capped at)\\s*(?:about\\s+|~\\s*)?"
                    + NUM + "\\b"
                    + "|\\b(?:default_pool_size|pool_size|max_pool_size|maximumpoolsize|maximum-pool-size|maxpoolsize"
                    + "|max_connections|pool\\.max|maxtotal|max_active)\\s*(?:=|:|is|of|to)?\\s*" + NUM + "\\b"
                    + "|\\b" + NUM + "[- ]connections?[- ]pool\\b|\\bpool\\s*\\(\\s*" + NUM + "\\s*\\)|\\bpool\\s+" + NUM + "\\b",
            Pattern.CASE_INSENSITIVE);
    private static final String TIME = "(\\d+(?:\\.\\d+)?)\\s*(ms|msec|milliseconds?|s|secs?|seconds?)\\b";
    private static final Pattern PER_QUERY = Pattern.compile(
            TIME + "\\s+(?:per|each|a|for each)\\s+(?:query|queries|statement|transaction)"
                    + "|\\b(?:quer(?:y|ies)|statements?|transactions?)\\s+(?:take|takes|run|runs|last|lasts)\\s+"
                    + "(?:about\\s+|around\\s+|~\\s*|under\\s+|<\\s*)?" + TIME
                    + "|\\bquer(?:y|ies)\\s*/\\s*s\\s*[x×*]\\s*" + TIME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern PER_REQUEST = Pattern.compile(
            TIME + "\\s+(?:of\\s+(?:queries|database time|db time)|per request)"
                    + "|\\beach request\\s+(?:runs|spends|takes|holds a connection for)\\s+(?:about\\s+|around\\s+|~\\s*)?" + TIME
                    + "|\\brequests?\\s*/\\s*s\\s*[x×*]\\s*" + TIME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REQUEST_RATE = Pattern.compile(
            NUM + "\\s*(k)?\\s*(?:requests|reqs|req)\\s*(?:/|per)\\s*(?:s|sec|second)\\b", Pattern.CASE_INSENSITIVE);

    public PoolTooSmallRule() {
        super("lesson.pool-too-small", Severity.WARNING, RuleCategory.LESSON,
                "A stated connection pool is smaller than the connections the load keeps busy (Little's law).",
                "Scenario guide: 10-Second Lag. When the pool is exhausted, requests queue for a connection: latency "
                        + "climbs to seconds while CPU and RAM look healthy. By Little's law the connections busy on "
                        + "average are arrival rate x time held: the sum of the query rates x the query time (from text "
                        + "such as '100 ms per query', else 10 ms), or, when the design gives a time per request and a "
                        + "request rate, requests/s x that time. The largest pool size stated (pool of N, pool_size = N, "
                        + "maximumPoolSize, max_connections) is compared as the total.",
                "PgBouncer default_pool_size = 5; 200 requests/s x 100 ms of queries each",
                "PgBouncer default_pool_size = 40 (200 requests/s x 100 ms = 20 busy, 2x headroom)");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design d = context.design();
        int pool = -1;
        LessonTexts.Field poolField = null;
        String poolText = null;
        double queryTime = -1;
        String queryTimeText = null;
        double requestTime = -1;
        String requestTimeText = null;
        double requestRate = -1;
        String requestRateText = null;
        for (LessonTexts.Field f : LessonTexts.fields(context)) {
            String text = f.text();
            if (LessonTexts.mayFind(POOL, text)) {
                Matcher m = POOL.matcher(text);
                while (m.find()) {
                    int n = (int) Math.min(Integer.MAX_VALUE, number(firstGroup(m)));
                    if (n > pool) {
                        pool = n;
                        poolField = f;
                        poolText = LessonTexts.excerpt(text, m.start(), m.end());
                    }
                }
            }
            if (queryTime < 0 && LessonTexts.mayFind(PER_QUERY, text)) {
                Matcher q = PER_QUERY.matcher(text);
                if (q.find()) {
                    queryTime = seconds(q);
                    queryTimeText = q.group().strip();
                }
            }
            if (requestTime < 0 && LessonTexts.mayFind(PER_REQUEST, text)) {
                Matcher r = PER_REQUEST.matcher(text);
                if (r.find()) {
                    requestTime = seconds(r);
                    requestTimeText = r.group().strip();
                }
            }
            if (requestRate < 0 && LessonTexts.mayFind(REQUEST_RATE, text)) {
                Matcher r = REQUEST_RATE.matcher(text);
                if (r.find()) {
                    requestRate = number(r.group(1)) * (r.group(2) == null ? 1 : 1000);
                    requestRateText = r.group().strip();
                }
            }
        }
        if (pool <= 0) {
            return;
        }
        double demand;
        String arithmetic;
        if (requestTime > 0 && requestRate > 0) {
            demand = requestRate * requestTime;
            arithmetic = requestRateText + " x " + millis(requestTime) + " (\"" + requestTimeText + "\")";
        } else {
            double rates = 0;
            int counted = 0;
            for (Query q : d.queries()) {
                OptionalDouble r = QueryFacts.rate(q);
                if (r.isPresent() && Double.isFinite(r.getAsDouble())) {
                    rates += r.getAsDouble();
                    counted++;
                }
            }
            if (counted == 0 || rates <= 0) {
                return;
            }
            double t = queryTime > 0 ? queryTime : requestTime > 0 ? requestTime : DEFAULT_QUERY_SECONDS;
            String source = queryTime > 0 ? "\"" + queryTimeText + "\"" : requestTime > 0 ? "\"" + requestTimeText + "\""
                    : "default 10 ms per query";
            demand = rates * t;
            arithmetic = QueryFacts.human(rates) + " (sum of " + counted + " query rates) x " + millis(t) + " (" + source + ")";
        }
        if (pool >= demand) {
            return;
        }
        sink.report(poolField.location(),
                "the connection pool of " + pool + " (" + poolText + ") is smaller than the " + format(demand)
                        + " connections Little's law keeps busy: " + arithmetic + " = " + format(demand),
                "Size the pool to at least " + (int) Math.ceil(demand) + " connections with headroom for bursts (about "
                        + (int) Math.ceil(demand * 2) + "), within the database's max_connections, or cut the time each "
                        + "query holds a connection.");
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        return "0";
    }

    /** The seconds of the first TIME pair matched (number group then unit group). */
    private static double seconds(Matcher m) {
        for (int g = 1; g < m.groupCount(); g++) {
            if (m.group(g) != null && m.group(g + 1) != null) {
                double v = Double.parseDouble(m.group(g));
                String unit = m.group(g + 1).toLowerCase(Locale.ROOT);
                return unit.startsWith("m") ? v / 1000 : v;
            }
        }
        return -1;
    }

    private static double number(String s) {
        try {
            return Double.parseDouble(s.replace(",", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String millis(double seconds) {
        return format(seconds * 1000) + " ms";
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, v < 10 ? "%.2f" : "%,.1f", v);
    }
}
