package dev.quorum.validate.rules;

import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reports foreign keys that reference a table or column the schema does not define. */
public final class FkToMissingTableRule extends AbstractRule {

    public FkToMissingTableRule() {
        super("schema.fk-to-missing-table", Severity.ERROR, RuleCategory.SCHEMA,
                "A foreign key references a table or column the schema does not define.",
                "The CREATE TABLE fails on every database, so the schema as written cannot be deployed; usually a "
                        + "table was renamed or left out of the design. SchemaCrawler reports such keys as "
                        + "references to unknown (partial) tables.",
                "driver_id BIGINT REFERENCES drivers(driver_id)  -- no CREATE TABLE drivers",
                "CREATE TABLE drivers (driver_id BIGINT PRIMARY KEY, ...);  -- defined before deliveries");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable() == null) {
                    continue;
                }
                String ref = fk.referencedTable().name();
                Optional<Table> target = context.schema().table(ref);
                String cols = SchemaFacts.names(fk.columns());
                if (target.isEmpty()) {
                    sink.report(SchemaFacts.at(t, fk),
                            t.name().name() + "(" + cols + ") references table " + ref + ", which schema.sql does not define",
                            "Add CREATE TABLE " + ref + " (...) to the schema, or point the foreign key at the table that "
                                    + "holds these rows.");
                    continue;
                }
                List<String> missing = new ArrayList<>();
                for (SqlName c : fk.referencedColumns()) {
                    if (target.get().column(SchemaFacts.key(c)).isEmpty()) {
                        missing.add(c.name());
                    }
                }
                if (!missing.isEmpty()) {
                    sink.report(SchemaFacts.at(t, fk),
                            t.name().name() + "(" + cols + ") references " + ref + "(" + String.join(", ", missing)
                                    + "), but " + ref + " has no such column" + (missing.size() > 1 ? "s" : ""),
                            "Reference an existing key column of " + ref + " (" + keyHint(target.get()) + ").");
                } else if (fk.referencedColumns().isEmpty() && target.get().primaryKey().isEmpty()) {
                    sink.report(SchemaFacts.at(t, fk),
                            t.name().name() + "(" + cols + ") references " + ref + " without naming columns, but "
                                    + ref + " has no primary key to default to",
                            "Name the referenced columns, or give " + ref + " a primary key.");
                }
            }
        }
    }

    private static String keyHint(Table t) {
        return t.primaryKey().map(pk -> "primary key " + SchemaFacts.names(pk.columns())).orElse("it has no primary key");
    }
}
