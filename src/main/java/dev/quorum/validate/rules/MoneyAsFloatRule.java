package dev.quorum.validate.rules;

import dev.quorum.model.SqlDialect;
import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.Set;

/** Reports monetary columns stored as binary floating point. */
public final class MoneyAsFloatRule extends AbstractRule {

    /** Words that mark a column as an amount of money. */
    private static final Set<String> MONEY = Set.of("price", "prices", "amount", "amounts", "total", "subtotal", "balance",
            "cost", "costs", "fee", "fees", "tax", "vat", "salary", "wage", "wages", "revenue", "payment", "charge",
            "refund", "discount", "money", "credit", "debit", "fare", "commission", "payout", "cents", "tip", "budget",
            "income", "invoice", "paid", "spend", "spent");
    /** Words that turn a money-looking name into a ratio or a physical total, which floats may hold. */
    private static final Set<String> NOT_MONEY = Set.of("rate", "ratio", "percent", "percentage", "pct", "factor",
            "weight", "distance", "km", "kg", "duration", "time", "seconds", "ms", "count", "score", "rating", "lat",
            "lng", "lon", "latitude", "longitude");

    public MoneyAsFloatRule() {
        super("schema.money-as-float", Severity.ERROR, RuleCategory.SCHEMA,
                "A money column is FLOAT, REAL or DOUBLE.",
                "Binary floating point cannot represent 0.10 exactly: sums drift by fractions of a cent, equality "
                        + "checks fail and reconciliation with the payment provider never balances. Money belongs in "
                        + "NUMERIC/DECIMAL or in integer minor units (amount_cents BIGINT). Columns are recognised by "
                        + "words such as price, amount, total, balance, cost, fee, tax and salary in their names.",
                "price REAL NOT NULL, total_amount FLOAT NOT NULL",
                "price NUMERIC(12,2) NOT NULL, total_amount_cents BIGINT NOT NULL");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            for (Column c : t.columns()) {
                if (!SchemaFacts.isFloat(c)) {
                    continue;
                }
                List<String> words = SchemaFacts.words(c.name().name());
                if (words.stream().noneMatch(MONEY::contains) || words.stream().anyMatch(NOT_MONEY::contains)) {
                    continue;
                }
                boolean cents = words.contains("cents");
                String type = cents ? "BIGINT" : "NUMERIC(12,2)";
                sink.report(SchemaFacts.at(t, c),
                        t.name().name() + "." + c.name().name() + " holds money as " + c.type()
                                + ", a binary floating-point type that cannot represent amounts like 0.10 exactly",
                        SchemaFacts.alterType(context.design().schema().dialect(), t, c,
                                context.design().schema().dialect() == SqlDialect.MYSQL && !cents
                                        ? "DECIMAL(12,2)" : type)
                                + (cents ? "" : "  -- or store integer minor units in " + c.name().name() + "_cents BIGINT"));
            }
        }
    }
}
