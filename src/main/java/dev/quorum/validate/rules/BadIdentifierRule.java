package dev.quorum.validate.rules;

import dev.quorum.sql.Column;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reports table and column names that need quoting or depend on case folding. */
public final class BadIdentifierRule extends AbstractRule {

    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_]*");

    public BadIdentifierRule() {
        super("schema.bad-identifier", Severity.INFO, RuleCategory.SCHEMA,
                "A table or column name is not a plain lower-case identifier.",
                "Names with spaces, punctuation, non-ASCII letters or mixed case must be quoted in every statement "
                        + "once they are quoted at creation, and unquoted mixed case folds differently per dialect "
                        + "(PostgreSQL lowers it, MySQL table names follow the file system's case). SchemaCrawler lints "
                        + "linter.LinterTableWithQuotedNames and linter.LinterSpacesInNames. Quoting a name that is "
                        + "already plain (MySQL dumps backquote everything) changes nothing and is not reported; "
                        + "reserved words are left to schema.reserved-word-name. One finding per table lists every name.",
                "CREATE TABLE \"Order Items\" (\"OrderId\" INT);",
                "CREATE TABLE order_items (order_id INT);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            List<String> bad = new ArrayList<>();
            if (isBad(t.name())) {
                bad.add(describe("table", t.name()));
            }
            for (Column c : t.columns()) {
                if (isBad(c.name())) {
                    bad.add(describe("column", c.name()));
                }
            }
            if (bad.isEmpty()) {
                continue;
            }
            sink.report(SchemaFacts.at(t),
                    "table " + t.name().name() + " has " + bad.size() + " name" + (bad.size() == 1 ? "" : "s")
                            + " that are not plain lower-case identifiers: " + String.join("; ", bad),
                    "Rename to lower_snake_case ([a-z_][a-z0-9_]*), for example " + example(t) + ".");
        }
    }

    private static boolean isBad(SqlName n) {
        String name = n.name();
        return !name.isEmpty() && !PLAIN.matcher(name).matches() && !ReservedWordNameRule.isReserved(name);
    }

    private static String describe(String kind, SqlName n) {
        String why = n.name().chars().anyMatch(ch -> ch == ' ') ? "contains spaces"
                : n.name().chars().anyMatch(ch -> ch > 127) ? "contains non-ASCII characters"
                : n.name().chars().anyMatch(Character::isUpperCase) ? (n.quoted() ? "quoted mixed case" : "mixed case")
                : "needs quoting";
        return kind + " " + (n.quoted() ? "\"" + n.name() + "\"" : n.name()) + " (" + why + ")";
    }

    private static String example(Table t) {
        SqlName n = isBad(t.name()) ? t.name() : t.columns().stream().map(Column::name).filter(BadIdentifierRule::isBad)
                .findFirst().orElse(t.name());
        return n.name() + " -> " + snake(n.name());
    }

    private static String snake(String name) {
        return String.join("_", SchemaFacts.words(name));
    }
}
