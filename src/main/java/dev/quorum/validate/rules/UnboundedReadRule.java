package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Query;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reports SELECTs with neither LIMIT nor an equality predicate on a large table. */
public final class UnboundedReadRule extends AbstractRule {

    /** When a size estimate gives no row count, more than this many bytes makes a table large. */
    static final double LARGE_BYTES = 1e9;

    public UnboundedReadRule() {
        super("query.unbounded-read", Severity.WARNING, RuleCategory.QUERY,
                "A SELECT on a large table has no LIMIT and no equality predicate.",
                "A read with no bound returns the whole table: it grows with the data, holds a snapshot and a "
                        + "connection open, and one export can starve the hot path. A table is large when its data "
                        + "element's size estimate implies more than thresholds().largeTableRows() rows (default "
                        + "100,000; the count factor of '1 KB per row x 10M rows'), or, without a row count, more than "
                        + "1 GB. The data element is the one named like the table, or whose storage system names it. "
                        + "Any equality predicate counts as bounding.",
                "SELECT * FROM orders ORDER BY created_at;  -- 50M rows, hourly",
                "SELECT ... FROM orders WHERE created_at > :last_seen ORDER BY created_at LIMIT 1000;");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            QueryAnalysis a = context.query(i);
            if (a.parseError().isPresent() || a.kind() != QueryAnalysis.Kind.SELECT || a.hasLimit()
                    || !a.equalityPredicates().isEmpty()) {
                continue;
            }
            for (String table : a.tables()) {
                Optional<DataElement> e = QueryFacts.elementFor(context, table);
                if (e.isEmpty()) {
                    continue;
                }
                String size = size(context, e.get());
                if (size == null) {
                    continue;
                }
                String bare = QueryFacts.bare(table);
                sink.report(QueryFacts.at(q, i, "sql"),
                        QueryFacts.label(q, i) + " reads " + bare + " (" + size + ", data element '" + e.get().name().strip()
                                + "') with no LIMIT and no equality predicate"
                                + (a.whereColumns().isEmpty() ? " or WHERE clause" : "")
                                + (q.frequency().isBlank() ? "" : ", " + q.frequency().text().strip()),
                        "Page through " + bare + " with a keyset (WHERE <sort key> > :last_seen ORDER BY <sort key> "
                                + "LIMIT 1000), or run bulk exports from a replica or warehouse with COPY/streaming "
                                + "instead of one result set.");
                break;
            }
        }
    }

    /** A description of the table's size when it is large, or null. */
    private static String size(DesignContext context, DataElement e) {
        OptionalDouble rows = QueryFacts.rows(e);
        if (rows.isPresent()) {
            double r = rows.getAsDouble();
            return r > context.thresholds().largeTableRows()
                    ? "about " + human(r) + " rows, over the " + human(context.thresholds().largeTableRows()) + "-row threshold"
                    : null;
        }
        OptionalDouble bytes = e.sizeEstimate().bytes();
        if (bytes.isPresent() && bytes.getAsDouble() > LARGE_BYTES) {
            return "about " + DataSize.human(bytes.getAsDouble()) + ", over 1 GB";
        }
        return null;
    }

    private static String human(double n) {
        if (n >= 1e9) {
            return trim(n / 1e9) + "B";
        }
        if (n >= 1e6) {
            return trim(n / 1e6) + "M";
        }
        if (n >= 1e3) {
            return trim(n / 1e3) + "K";
        }
        return trim(n);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
