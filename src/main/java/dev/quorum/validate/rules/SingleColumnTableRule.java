package dev.quorum.validate.rules;

import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;

/** Reports tables with a single column. */
public final class SingleColumnTableRule extends AbstractRule {

    public SingleColumnTableRule() {
        super("schema.single-column-table", Severity.INFO, RuleCategory.SCHEMA,
                "A table has only one column.",
                "A one-column table is often a list that later needs a reason, a creation time or an owner, "
                        + "or a lookup table that could be a CHECK constraint or an enum. It is legitimate for pure "
                        + "sets (a block list), hence INFO. SchemaCrawler lint linter.LinterTableWithSingleColumn.",
                "CREATE TABLE blocked_emails (email VARCHAR(255) PRIMARY KEY);",
                "CREATE TABLE blocked_emails (email VARCHAR(255) PRIMARY KEY, reason VARCHAR(200) NOT NULL, "
                        + "blocked_at TIMESTAMPTZ NOT NULL DEFAULT now());");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            if (t.columns().size() == 1) {
                sink.report(SchemaFacts.at(t),
                        "table " + t.name().name() + " has a single column, " + t.columns().get(0).name().name(),
                        "Add the columns that explain each row (who added it, when, why), or replace the table with a "
                                + "CHECK constraint or enum if it only lists allowed values.");
            }
        }
    }
}
