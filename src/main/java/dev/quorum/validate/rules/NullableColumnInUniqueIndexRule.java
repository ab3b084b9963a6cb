package dev.quorum.validate.rules;

import dev.quorum.sql.Column;
import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reports nullable columns inside unique indexes and unique constraints. */
public final class NullableColumnInUniqueIndexRule extends AbstractRule {

    public NullableColumnInUniqueIndexRule() {
        super("schema.nullable-column-in-unique-index", Severity.INFO, RuleCategory.SCHEMA,
                "A unique index or constraint contains a nullable column.",
                "NULLs are never equal, so most databases accept any number of rows that differ only by a NULL "
                        + "in a unique key: the constraint silently stops enforcing uniqueness for them (SQL Server "
                        + "does the opposite and allows only one NULL). SchemaCrawler lint "
                        + "linter.LinterNullColumnsInIndex. A column the partial index excludes with IS NOT NULL is fine.",
                "provider_charge_id VARCHAR(100) UNIQUE  -- nullable",
                "provider_charge_id VARCHAR(100) NOT NULL UNIQUE");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            for (KeyConstraint u : t.uniqueConstraints()) {
                report(sink, t, "unique constraint" + named(u.name()), u.columns(), "",
                        SchemaFacts.at(t).atLine(u.line() > 0 ? u.line() : t.line()));
            }
            for (Index i : t.indexes()) {
                if (i.unique()) {
                    report(sink, t, "unique index" + named(i.name()), i.columns(), i.where(), SchemaFacts.at(t, i));
                }
            }
        }
    }

    private static void report(FindingSink sink, Table t, String what, List<SqlName> columns,
            String where, Location at) {
        List<Column> nullable = new ArrayList<>();
        String predicate = where.toLowerCase(Locale.ROOT);
        for (SqlName n : columns) {
            Optional<Column> c = t.column(SchemaFacts.key(n));
            if (c.isPresent() && SchemaFacts.nullable(t, c.get())
                    && !predicate.contains(c.get().name().key() + " is not null")) {
                nullable.add(c.get());
            }
        }
        if (nullable.isEmpty()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (Column c : nullable) {
            names.add(c.name().name());
        }
        String list = String.join(", ", names);
        sink.report(at,
                what + " on " + t.name().name() + "(" + SchemaFacts.names(columns) + ") includes nullable column"
                        + (names.size() > 1 ? "s " : " ") + list + ", so rows with NULL there are never treated as duplicates",
                "Declare " + list + " NOT NULL, or make the index partial with WHERE " + names.get(0)
                        + " IS NOT NULL if NULL means 'not set yet'.");
    }

    private static String named(String name) {
        return name.isBlank() ? "" : " " + name;
    }
}
