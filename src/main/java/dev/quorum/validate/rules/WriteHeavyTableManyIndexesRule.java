package dev.quorum.validate.rules;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.Query;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reports write-heavy tables that maintain more indexes than the threshold. */
public final class WriteHeavyTableManyIndexesRule extends AbstractRule {

    public WriteHeavyTableManyIndexesRule() {
        super("query.write-heavy-table-many-indexes", Severity.INFO, RuleCategory.QUERY,
                "A table written by write-heavy queries has more indexes than thresholds().maxIndexesOnWriteHeavyTable().",
                "Every INSERT writes every index, and every UPDATE of an indexed column rewrites its entries, so a "
                        + "write-heavy table pays for each index on each write (and loses PostgreSQL HOT updates). "
                        + "The count includes the primary key and unique constraints; a table is write-heavy when a "
                        + "query with access_pattern write-heavy, or an INSERT/UPDATE/DELETE at or above "
                        + "thresholds().frequentQueriesPerSecond(), writes it. INFO, since the indexes may all be needed.",
                "events: 7 indexes, inserted at 2,000/s",
                "events: primary key + 2 indexes that the read queries actually use");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Map<Table, List<String>> writers = new LinkedHashMap<>();
        Map<Table, Integer> firstQuery = new LinkedHashMap<>();
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            if (context.query(i).parseError().isPresent()) {
                continue;
            }
            boolean heavy = q.accessPattern() == AccessPattern.WRITE_HEAVY || QueryFacts.frequent(context, q);
            if (!heavy) {
                continue;
            }
            for (Table t : QueryFacts.writeTargets(context, i)) {
                writers.computeIfAbsent(t, k -> new ArrayList<>()).add(QueryFacts.label(q, i));
                firstQuery.putIfAbsent(t, i);
            }
        }
        int max = context.thresholds().maxIndexesOnWriteHeavyTable();
        for (Map.Entry<Table, List<String>> e : writers.entrySet()) {
            Table t = e.getKey();
            int count = SchemaFacts.keyLists(t, true).size();
            if (count <= max) {
                continue;
            }
            int i = firstQuery.get(t);
            sink.report(QueryFacts.at(queries.get(i), i, "access_pattern"),
                    "table " + t.name().name() + " is written by " + String.join(", ", e.getValue()) + " and maintains "
                            + count + " indexes (primary key and unique constraints included), more than " + max,
                    "Drop the indexes of " + t.name().name() + " that no read query needs (check pg_stat_user_indexes or "
                            + "sys.schema_unused_indexes), or merge overlapping ones into one composite index.");
        }
    }
}
