package dev.quorum.validate.rules;

import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;

/** Reports tables in which every column is nullable. */
public final class AllNullableTableRule extends AbstractRule {

    public AllNullableTableRule() {
        super("schema.all-nullable-table", Severity.WARNING, RuleCategory.SCHEMA,
                "Every column of a table is nullable.",
                "A table where every value may be missing has no identity and no guaranteed content: an empty "
                        + "row is valid, and code must null-check every read. It usually means NOT NULL was forgotten, "
                        + "along with the primary key. SchemaCrawler lint linter.LinterTableAllNullableColumns.",
                "CREATE TABLE notes (author VARCHAR(100), body TEXT);",
                "CREATE TABLE notes (note_id BIGINT PRIMARY KEY, author VARCHAR(100) NOT NULL, body TEXT);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            if (t.columns().isEmpty()) {
                continue;
            }
            boolean allNullable = true;
            for (Column c : t.columns()) {
                if (!SchemaFacts.nullable(t, c)) {
                    allNullable = false;
                    break;
                }
            }
            if (allNullable) {
                sink.report(SchemaFacts.at(t),
                        "all " + t.columns().size() + " column" + (t.columns().size() == 1 ? "" : "s") + " of table "
                                + t.name().name() + " are nullable, so a row of NULLs is valid",
                        "Add NOT NULL to the columns every row must have, and a primary key.");
            }
        }
    }
}
