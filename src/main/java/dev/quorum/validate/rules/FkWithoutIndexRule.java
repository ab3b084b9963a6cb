package dev.quorum.validate.rules;

import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reports foreign keys whose columns do not lead any index, primary key or unique constraint. */
public final class FkWithoutIndexRule extends AbstractRule {

    public FkWithoutIndexRule() {
        super("schema.fk-without-index", Severity.WARNING, RuleCategory.SCHEMA,
                "A foreign key's columns are not the leading columns of any index.",
                "Joins from the parent and every DELETE or key UPDATE on the parent must find the child rows; "
                        + "without an index on the foreign key columns each one scans the whole child table and locks "
                        + "more than it needs. PostgreSQL and SQL Server do not create these indexes automatically. "
                        + "SchemaCrawler lint linter.LinterForeignKeyWithNoIndexes.",
                "order_id BIGINT NOT NULL REFERENCES orders(order_id)  -- and no index on order_items(order_id)",
                "CREATE INDEX idx_order_items_order_id ON order_items(order_id);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            // Partial indexes do not serve a lookup by key alone, so they do not count.
            List<List<String>> keys = SchemaFacts.keyLists(t, false);
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable() == null) {
                    continue;
                }
                if (fk.columns().isEmpty()) {
                    continue;
                }
                Set<String> wanted = new HashSet<>(SchemaFacts.keys(fk.columns()));
                if (!covered(keys, wanted)) {
                    String cols = SchemaFacts.names(fk.columns());
                    sink.report(SchemaFacts.at(t, fk),
                            "foreign key " + t.name().name() + "(" + cols + ") -> " + fk.referencedTable().name()
                                    + " has no index starting with " + (fk.columns().size() == 1 ? "that column" : "those columns")
                                    + "; joins from " + fk.referencedTable().name() + " and deletes there scan "
                                    + t.name().name(),
                            SchemaFacts.createIndex(context.design().schema().dialect(), t, fk.columns()));
                }
            }
        }
    }

    /** True when some key structure's first n columns are exactly the foreign key's n columns, in any order. */
    private static boolean covered(List<List<String>> keys, Set<String> wanted) {
        for (List<String> k : keys) {
            if (k.size() >= wanted.size() && new HashSet<>(k.subList(0, wanted.size())).equals(wanted)) {
                return true;
            }
        }
        return false;
    }
}
