package dev.quorum.validate.rules;

import dev.quorum.sql.Column;
import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.Optional;

/** Reports foreign key columns whose type family differs from the referenced column's. */
public final class FkTypeMismatchRule extends AbstractRule {

    public FkTypeMismatchRule() {
        super("schema.fk-type-mismatch", Severity.ERROR, RuleCategory.SCHEMA,
                "A foreign key column's type differs from the column it references.",
                "An INT pointing at a BIGINT key works until the parent's ids pass 2,147,483,647, then inserts "
                        + "fail; mismatched types also force casts that stop the planner using the index. MySQL "
                        + "rejects such keys outright. SchemaCrawler lint linter.LinterForeignKeyMismatch. Spellings "
                        + "of one type (SERIAL and INTEGER, BIGSERIAL and BIGINT, INT4, CHARACTER VARYING and "
                        + "VARCHAR) count as equal; lengths are not compared.",
                "restaurant_id INT REFERENCES restaurants(restaurant_id)  -- restaurants.restaurant_id is BIGSERIAL",
                "restaurant_id BIGINT REFERENCES restaurants(restaurant_id)");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable() == null) {
                    continue;
                }
                Optional<Table> target = context.schema().table(fk.referencedTable().name());
                if (target.isEmpty()) {
                    continue;
                }
                List<SqlName> targetColumns = fk.referencedColumns().isEmpty()
                        ? target.get().primaryKey().map(pk -> pk.columns()).orElse(List.of())
                        : fk.referencedColumns();
                if (targetColumns.size() != fk.columns().size()) {
                    continue;
                }
                for (int i = 0; i < fk.columns().size(); i++) {
                    Optional<Column> from = t.column(SchemaFacts.key(fk.columns().get(i)));
                    Optional<Column> to = target.get().column(SchemaFacts.key(targetColumns.get(i)));
                    if (from.isEmpty() || to.isEmpty()) {
                        continue;
                    }
                    String a = SchemaFacts.family(from.get());
                    String b = SchemaFacts.family(to.get());
                    if (a.isEmpty() || b.isEmpty() || a.equals(b)) {
                        continue;
                    }
                    String wanted = targetType(to.get(), b);
                    sink.report(SchemaFacts.at(t, from.get()),
                            t.name().name() + "." + from.get().name().name() + " is " + from.get().type() + " (" + a
                                    + ") but references " + target.get().name().name() + "." + to.get().name().name()
                                    + ", which is " + to.get().type() + " (" + b + ")",
                            SchemaFacts.alterType(context.design().schema().dialect(), t, from.get(), wanted));
                }
            }
        }
    }

    /** The type a referencing column should have: the family, not the auto-increment pseudo-type. */
    private static String targetType(Column to, String family) {
        return switch (family) {
            case "INTEGER", "BIGINT", "SMALLINT" -> family;
            default -> to.type().isBlank() ? family : to.type();
        };
    }
}
