package dev.quorum.validate.rules;

import dev.quorum.model.Query;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;

/** Reports query SQL that the analyser cannot parse. */
public final class UnparseableSqlRule extends AbstractRule {

    public UnparseableSqlRule() {
        super("query.unparseable-sql", Severity.WARNING, RuleCategory.QUERY,
                "A query's SQL cannot be parsed.",
                "SQL that does not parse cannot be traced to the schema, so the unknown-table, index and bounded-read "
                        + "checks skip it; often it is pseudo-code or a typo that would fail on the database too. A "
                        + "WARNING, not an ERROR, because the analyser does not know every vendor extension.",
                "SELECT FROM orders WHERE",
                "SELECT order_id, status FROM orders WHERE order_id = :order_id;");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            QueryAnalysis a = context.query(i);
            if (q.sql().isBlank() || a.parseError().isEmpty()) {
                continue;
            }
            sink.report(QueryFacts.at(q, i, "sql"),
                    "the SQL of " + QueryFacts.label(q, i) + " cannot be parsed: " + a.parseError().get(),
                    "Correct the SQL so it runs on the schema's dialect; use :name or $1 placeholders for parameters, "
                            + "not pseudo-code.");
        }
    }
}
