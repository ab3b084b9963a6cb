package dev.quorum.validate.rules;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.Column;
import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.Optional;

/** Reports tables without a primary key. */
public final class NoPrimaryKeyRule extends AbstractRule {

    public NoPrimaryKeyRule() {
        super("schema.no-primary-key", Severity.WARNING, RuleCategory.SCHEMA,
                "A table has no primary key.",
                "Without a primary key rows cannot be addressed one by one, duplicates creep in, and logical "
                        + "replication (PostgreSQL's UPDATE/DELETE on a published table, MySQL group replication) "
                        + "refuses or degrades. SchemaCrawler lint linter.LinterTableWithNoPrimaryKey. A partition "
                        + "is exempt when its parent declares the key, since the key is inherited.",
                "CREATE TABLE audit_log (event_time TIMESTAMPTZ NOT NULL, actor VARCHAR(100) NOT NULL);",
                "CREATE TABLE audit_log (audit_log_id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "event_time TIMESTAMPTZ NOT NULL, actor VARCHAR(100) NOT NULL);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        SchemaModel schema = context.schema();
        SqlDialect dialect = context.design().schema().dialect();
        for (Table t : schema.tables()) {
            if (t.primaryKey().isPresent()) {
                continue;
            }
            if (!t.partitionOf().isBlank()) {
                // The parent's key (or the parent's own finding) covers the partition; report only orphans.
                Optional<Table> parent = schema.table(t.partitionOf());
                if (parent.isPresent()) {
                    continue;
                }
            }
            String candidate = notNullUnique(t);
            String message = "table " + t.name().name() + " has no primary key"
                    + (candidate.isEmpty() ? "" : "; its UNIQUE (" + candidate + ") on NOT NULL columns could be promoted to one");
            String fix = candidate.isEmpty()
                    ? "ALTER TABLE " + SchemaFacts.ident(t.name(), dialect) + " ADD COLUMN " + idColumn(t, dialect) + ";"
                    : "ALTER TABLE " + SchemaFacts.ident(t.name(), dialect) + " ADD PRIMARY KEY (" + candidate + ");";
            sink.report(SchemaFacts.at(t), message, fix);
        }
    }

    private static String notNullUnique(Table t) {
        for (KeyConstraint u : t.uniqueConstraints()) {
            if (allNotNull(t, u)) {
                return SchemaFacts.names(u.columns());
            }
        }
        for (Index i : t.indexes()) {
            if (i.unique() && !i.partial() && allNotNull(t, new KeyConstraint(i.name(), i.columns(), i.line()))) {
                return SchemaFacts.names(i.columns());
            }
        }
        return "";
    }

    private static boolean allNotNull(Table t, KeyConstraint k) {
        if (k.columns().isEmpty()) {
            return false;
        }
        for (SqlName n : k.columns()) {
            Optional<Column> c = t.column(SchemaFacts.key(n));
            if (c.isEmpty() || c.get().nullable()) {
                return false;
            }
        }
        return true;
    }

    private static String idColumn(Table t, SqlDialect dialect) {
        String name = SchemaFacts.plain(t.name().name()) + "_id";
        if (dialect == SqlDialect.MYSQL) {
            return name + " BIGINT AUTO_INCREMENT PRIMARY KEY FIRST";
        }
        if (dialect == SqlDialect.SQL_SERVER) {
            return name + " BIGINT IDENTITY(1,1) PRIMARY KEY";
        }
        return name + " BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY";
    }
}
