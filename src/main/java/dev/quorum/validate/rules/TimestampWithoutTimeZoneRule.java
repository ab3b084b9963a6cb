package dev.quorum.validate.rules;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reports TIMESTAMP columns without a time zone in dialects that offer TIMESTAMP WITH TIME ZONE. */
public final class TimestampWithoutTimeZoneRule extends AbstractRule {

    public TimestampWithoutTimeZoneRule() {
        super("schema.timestamp-without-time-zone", Severity.INFO, RuleCategory.SCHEMA,
                "A PostgreSQL or ANSI TIMESTAMP column has no time zone.",
                "TIMESTAMP WITHOUT TIME ZONE stores a wall-clock reading: servers or sessions in different zones, "
                        + "and every daylight-saving change, make the same value mean different instants. TIMESTAMPTZ "
                        + "stores the instant. Checked only for PostgreSQL and ANSI schemas: MySQL's TIMESTAMP is "
                        + "already stored in UTC and its DATETIME has no zoned counterpart, and SQL Server's and H2's "
                        + "conventions differ, so the advice would not apply as written. INFO, since a UTC-only "
                        + "convention can make plain TIMESTAMP safe.",
                "created_at TIMESTAMP NOT NULL DEFAULT now()",
                "created_at TIMESTAMPTZ NOT NULL DEFAULT now()");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        SqlDialect dialect = context.design().schema().dialect();
        if (dialect != SqlDialect.POSTGRESQL && dialect != SqlDialect.ANSI) {
            return;
        }
        for (Table t : context.schema().tables()) {
            List<Column> plain = new ArrayList<>();
            for (Column c : t.columns()) {
                String written = c.type().toUpperCase(Locale.ROOT);
                boolean zoned = written.contains("WITH TIME ZONE") && !written.contains("WITHOUT TIME ZONE")
                        || written.startsWith("TIMESTAMPTZ");
                if (SchemaFacts.baseType(c).startsWith("TIMESTAMP") && !zoned
                        && !SchemaFacts.baseType(c).equals("TIMESTAMPTZ")) {
                    plain.add(c);
                }
            }
            if (plain.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (Column c : plain) {
                names.add(c.name().name());
            }
            String newType = dialect == SqlDialect.POSTGRESQL ? "TIMESTAMPTZ" : "TIMESTAMP WITH TIME ZONE";
            sink.report(SchemaFacts.at(t, plain.get(0)),
                    "table " + t.name().name() + " stores " + String.join(", ", names) + " as TIMESTAMP without time zone",
                    SchemaFacts.alterType(dialect, t, plain.get(0), newType)
                            + (plain.size() > 1 ? "  -- and the same for " + String.join(", ", names.subList(1, names.size())) : ""));
        }
    }
}
