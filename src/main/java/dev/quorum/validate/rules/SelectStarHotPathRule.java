package dev.quorum.validate.rules;

import dev.quorum.model.Query;
import dev.quorum.sql.Column;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports SELECT * in frequent queries. */
public final class SelectStarHotPathRule extends AbstractRule {

    public SelectStarHotPathRule() {
        super("query.select-star-hot-path", Severity.WARNING, RuleCategory.QUERY,
                "A frequent query uses SELECT *.",
                "SELECT * on a hot path reads and ships every column, large objects included, on every call, defeats "
                        + "covering (index-only) scans, and silently changes shape when a column is added. At or above "
                        + "thresholds().frequentQueriesPerSecond() (default 10/s) the waste is multiplied by the rate.",
                "SELECT * FROM menu_items WHERE restaurant_id = $1  -- 300/s",
                "SELECT menu_item_id, title, price FROM menu_items WHERE restaurant_id = $1");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            QueryAnalysis a = context.query(i);
            if (a.parseError().isPresent() || !a.selectStar() || !QueryFacts.frequent(context, q)) {
                continue;
            }
            String fix = "List only the columns the caller uses";
            if (a.tables().size() == 1) {
                Optional<Table> t = context.schema().table(QueryFacts.bare(a.tables().get(0)));
                if (t.isPresent() && !t.get().columns().isEmpty()) {
                    List<String> names = new ArrayList<>();
                    for (Column c : t.get().columns()) {
                        if (!SchemaFacts.isLob(c)) {
                            names.add(SchemaFacts.ident(c.name(), context.design().schema().dialect()));
                        }
                    }
                    fix += ", for example SELECT " + String.join(", ", names) + " FROM " + t.get().name().name()
                            + " ... (drop the ones it does not need)";
                }
            }
            sink.report(QueryFacts.at(q, i, "sql"),
                    QueryFacts.label(q, i) + " runs SELECT * at " + QueryFacts.human(QueryFacts.rate(q).getAsDouble())
                            + " (hot from " + QueryFacts.human(context.thresholds().frequentQueriesPerSecond())
                            + "), reading every column on every call",
                    fix + ".");
        }
    }
}
