package dev.quorum.validate.rules;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.Locale;
import java.util.Set;

/** Reports tables and columns named with an SQL reserved word. */
public final class ReservedWordNameRule extends AbstractRule {

    /**
     * SQL:2016 reserved words that at least one of PostgreSQL, MySQL 8, SQL Server or H2 also reserves, so
     * an unquoted use fails there; plus KEY, INDEX and LIMIT, which are not standard but reserved by MySQL
     * (and LIMIT by PostgreSQL). Words only the standard reserves (DATE, VALUE, YEAR, LANGUAGE, POSITION)
     * are left out: every engine Quorum targets accepts them unquoted, and they are common column names.
     */
    static final Set<String> RESERVED = Set.of(
            "all", "alter", "and", "any", "array", "as", "asc", "asymmetric", "authorization", "begin", "between",
            "bigint", "binary", "both", "by", "call", "case", "cast", "char", "character", "check", "close", "collate",
            "column", "commit", "condition", "constraint", "continue", "convert", "create", "cross", "cube", "current",
            "current_date", "current_time", "current_timestamp", "current_user", "cursor", "deallocate", "dec",
            "decimal", "declare", "default", "delete", "desc", "describe", "distinct", "double", "drop", "each", "else",
            "end", "escape", "except", "execute", "exists", "external", "false", "fetch", "float", "for", "foreign",
            "from", "full", "function", "get", "grant", "group", "grouping", "groups", "having", "in", "index", "inner",
            "inout", "insert", "int", "integer", "intersect", "interval", "into", "is", "join", "key", "lateral",
            "leading", "left", "like", "limit", "localtime", "localtimestamp", "merge", "natural", "not", "null", "of",
            "offset", "on", "only", "open", "or", "order", "out", "outer", "over", "primary", "procedure", "range",
            "rank", "reads", "real", "recursive", "references", "release", "return", "returning", "revoke", "right",
            "rollback", "row", "rows", "select", "session_user", "set", "signal", "smallint", "some", "sql", "symmetric",
            "system_user", "table", "then", "to", "trailing", "trigger", "true", "union", "unique", "update", "user",
            "using", "values", "varchar", "varying", "when", "where", "window", "with");

    public ReservedWordNameRule() {
        super("schema.reserved-word-name", Severity.WARNING, RuleCategory.SCHEMA,
                "A table or column is named with an SQL reserved word.",
                "A reserved word must be quoted in every statement that names it, in every tool and ORM; one "
                        + "forgotten quote is a syntax error, and quoting rules differ between dialects (\"order\" "
                        + "versus `order`). SchemaCrawler lint linter.LinterTableWithQuotedNames flags the quoting; "
                        + "the word list is the SQL:2016 reserved words that PostgreSQL, MySQL, SQL Server or H2 "
                        + "also reserve, plus KEY, INDEX and LIMIT.",
                "CREATE TABLE menu_items (..., \"order\" INT NOT NULL);",
                "CREATE TABLE menu_items (..., display_order INT NOT NULL);");
    }

    static boolean isReserved(String name) {
        return RESERVED.contains(name.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        SqlDialect dialect = context.design().schema().dialect();
        for (Table t : context.schema().tables()) {
            if (isReserved(t.name().name())) {
                sink.report(SchemaFacts.at(t),
                        "table " + t.name().name() + " is named with the reserved word " + t.name().name().toUpperCase(Locale.ROOT)
                                + ", so every query must quote it",
                        rename(dialect, t, null));
            }
            for (Column c : t.columns()) {
                if (isReserved(c.name().name())) {
                    sink.report(SchemaFacts.at(t, c),
                            "column " + t.name().name() + "." + c.name().name() + " is named with the reserved word "
                                    + c.name().name().toUpperCase(Locale.ROOT) + ", so every query must quote it",
                            rename(dialect, t, c));
                }
            }
        }
    }

    private static String rename(SqlDialect dialect, Table t, Column c) {
        String table = SchemaFacts.ident(t.name(), dialect);
        if (c == null) {
            String to = SchemaFacts.plain(t.name().name()) + "s";
            return dialect == SqlDialect.SQL_SERVER ? "EXEC sp_rename '" + t.name().name() + "', '" + to + "';"
                    : "ALTER TABLE " + table + " RENAME TO " + to + ";  -- or another name that is not reserved";
        }
        String to = suggestion(t, c);
        if (dialect == SqlDialect.SQL_SERVER) {
            return "EXEC sp_rename '" + t.name().name() + "." + c.name().name() + "', '" + to + "', 'COLUMN';";
        }
        return "ALTER TABLE " + table + " RENAME COLUMN " + SchemaFacts.ident(c.name(), dialect) + " TO " + to + ";";
    }

    private static String suggestion(Table t, Column c) {
        String word = SchemaFacts.plain(c.name().name());
        return switch (word) {
            case "order", "rank", "position" -> "display_" + word;
            case "user" -> "user_id";
            case "key" -> "key_name";
            case "group" -> "group_name";
            case "desc" -> "description";
            default -> SchemaFacts.plain(t.name().name()) + "_" + word;
        };
    }
}
