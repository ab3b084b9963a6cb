package dev.quorum.validate.rules;

import dev.quorum.model.Query;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Reports frequent queries whose predicates, joins or sort have no index to start from. */
public final class HotQueryWithoutIndexRule extends AbstractRule {

    public HotQueryWithoutIndexRule() {
        super("query.hot-query-without-index", Severity.WARNING, RuleCategory.QUERY,
                "A frequent query filters, joins or sorts on columns that no index starts with.",
                "A query at or above thresholds().frequentQueriesPerSecond() (default 10/s) that cannot start from "
                        + "an index scans the table on every call; CPU and I/O grow with the table until the "
                        + "database 'crawls'. Scenario guide: Budget Crisis (indexing before hardware). A table is "
                        + "served when an index, primary key or unique constraint leads with one of its equality, "
                        + "range or join columns, or, when it has none, with its first ORDER BY column. The suggested "
                        + "index puts equality columns first, then the sort, then one range column.",
                "WHERE o.status = 'READY' ORDER BY o.created_at  -- at 20/s, no index on orders(status ...)",
                "CREATE INDEX idx_orders_status_created_at ON orders(status, created_at);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            QueryAnalysis a = context.query(i);
            if (a.parseError().isPresent() || a.kind() == QueryAnalysis.Kind.INSERT || !QueryFacts.frequent(context, q)) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String name : a.tables()) {
                Optional<Table> found = context.schema().table(QueryFacts.bare(name));
                if (found.isEmpty() || !seen.add(found.get().name().key())) {
                    continue;
                }
                Table t = found.get();
                List<String> eq = existing(t, QueryFacts.columnsOf(a.equalityPredicates(), t));
                List<String> range = existing(t, QueryFacts.columnsOf(a.rangePredicates(), t));
                List<String> join = existing(t, QueryFacts.columnsOf(a.joinColumns(), t));
                List<String> order = existing(t, QueryFacts.columnsOf(a.orderByColumns(), t));
                Set<String> leading = SchemaFacts.leadingColumns(t);
                List<String> access = new ArrayList<>(eq);
                access.addAll(range);
                access.addAll(join);
                boolean served;
                if (!access.isEmpty()) {
                    served = access.stream().anyMatch(leading::contains);
                } else if (!order.isEmpty()) {
                    served = leading.contains(order.get(0));
                } else {
                    continue;
                }
                if (served) {
                    continue;
                }
                List<String> suggested = suggestion(eq, order, range, join);
                List<SqlName> columns = new ArrayList<>();
                for (String c : suggested) {
                    columns.add(SchemaFacts.declared(t, c));
                }
                sink.report(QueryFacts.at(q, i, "sql"),
                        QueryFacts.label(q, i) + " runs at " + QueryFacts.human(QueryFacts.rate(q).getAsDouble())
                                + " (hot from " + QueryFacts.human(context.thresholds().frequentQueriesPerSecond()) + ") and "
                                + describe(eq, range, join, order) + " on " + t.name().name()
                                + ", but no index, primary key or unique constraint of " + t.name().name()
                                + " starts with " + (access.isEmpty() ? order.get(0) : String.join(" or ", new LinkedHashSet<>(access)))
                                + ", so every call scans the table",
                        SchemaFacts.createIndex(context.design().schema().dialect(), t, columns));
            }
        }
    }

    private static List<String> existing(Table t, List<String> columns) {
        List<String> out = new ArrayList<>();
        for (String c : columns) {
            if (t.column(c).isPresent()) {
                out.add(c);
            }
        }
        return out;
    }

    /** Equality columns, then the sort, then one range column: the order a B-tree can use them in. */
    private static List<String> suggestion(List<String> eq, List<String> order, List<String> range, List<String> join) {
        Set<String> cols = new LinkedHashSet<>(eq);
        cols.addAll(order);
        if (!range.isEmpty()) {
            cols.add(range.get(0));
        }
        if (cols.isEmpty() && !join.isEmpty()) {
            cols.add(join.get(0));
        }
        return new ArrayList<>(cols);
    }

    private static String describe(List<String> eq, List<String> range, List<String> join, List<String> order) {
        List<String> parts = new ArrayList<>();
        List<String> filters = new ArrayList<>(eq);
        for (String r : range) {
            if (!filters.contains(r)) {
                filters.add(r);
            }
        }
        if (!filters.isEmpty()) {
            parts.add("filters on " + String.join(", ", filters));
        }
        if (!join.isEmpty()) {
            parts.add("joins on " + String.join(", ", join));
        }
        if (!order.isEmpty()) {
            parts.add("sorts on " + String.join(", ", order));
        }
        return String.join(" and ", parts);
    }
}
