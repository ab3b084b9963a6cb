package dev.quorum.validate.rules;

import dev.quorum.model.Query;
import dev.quorum.sql.Column;
import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reports payment and order inserts into tables with no unique idempotency key. */
public final class PaymentWithoutIdempotencyKeyRule extends AbstractRule {

    /** The last word of a table name that makes it a money-creating table. */
    private static final Set<String> MONEY_TABLES = Set.of("payment", "payments", "charge", "charges", "order", "orders",
            "transaction", "transactions", "transfer", "transfers", "purchase", "purchases", "checkout", "checkouts",
            "payout", "payouts", "refund", "refunds");
    /** Words that name a deduplication key. */
    private static final Set<String> KEY_WORDS = Set.of("idempotency", "idempotent", "idempotence", "idem", "dedup",
            "dedupe", "deduplication", "nonce");
    private static final Set<String> GENERATED_TYPES = Set.of("SERIAL", "SERIAL4", "BIGSERIAL", "SERIAL8", "SMALLSERIAL",
            "SERIAL2");

    public PaymentWithoutIdempotencyKeyRule() {
        super("lesson.payment-without-idempotency-key", Severity.ERROR, RuleCategory.LESSON,
                "A query creates payments, charges or orders in a table with no unique idempotency key.",
                "Scenario guide: Ghost Payment. The spinner hangs, the user clicks Buy again (or the client retries "
                        + "after a timeout) and the same payment is processed twice. A client-generated idempotency key "
                        + "under a UNIQUE constraint makes the second insert a no-op that returns the first result. A "
                        + "column named idempotency_key, request_id, dedup_key or similar counts when a primary key, "
                        + "unique constraint or unique index covers it; so does a non-generated primary key (a UUID) "
                        + "that the INSERT supplies, since a retry with the same id fails on the key.",
                "INSERT INTO payments (order_id, amount, status) VALUES ($1, $2, 'CAPTURED');  -- no unique key per attempt",
                "idempotency_key VARCHAR(64) NOT NULL UNIQUE ... INSERT ... ON CONFLICT (idempotency_key) DO NOTHING");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Set<String> reported = new HashSet<>();
        List<Query> queries = context.design().queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            for (Table t : QueryFacts.writeTargets(context, i)) {
                List<String> words = SchemaFacts.words(t.name().name());
                if (words.isEmpty() || !MONEY_TABLES.contains(words.get(words.size() - 1))) {
                    continue;
                }
                Set<String> inserted = QueryFacts.insertedColumns(q.sql(), t);
                if (inserted.isEmpty() && !isInsertInto(context, i, t)) {
                    continue;
                }
                if (hasUniqueKeyColumn(t) || suppliesNaturalKey(t, inserted) || !reported.add(t.name().key())) {
                    continue;
                }
                sink.report(QueryFacts.at(q, i, "sql"),
                        QueryFacts.label(q, i) + " inserts into " + t.name().name() + ", which has no idempotency key "
                                + "under a UNIQUE constraint, so a retried or double-clicked request creates a second "
                                + singular(words.get(words.size() - 1)),
                        fix(t));
            }
        }
    }

    private static boolean isInsertInto(DesignContext context, int i, Table t) {
        QueryAnalysis a = context.query(i);
        return a.kind() == QueryAnalysis.Kind.INSERT && !a.targetTable().isBlank()
                && t.name().matches(QueryFacts.bare(a.targetTable()));
    }

    private static boolean isKeyColumn(String name) {
        List<String> w = SchemaFacts.words(name);
        if (w.stream().anyMatch(KEY_WORDS::contains)) {
            return true;
        }
        String joined = String.join("_", w);
        return joined.endsWith("request_id") || joined.endsWith("request_key") || joined.endsWith("request_token")
                || joined.equals("client_reference") || joined.equals("client_token");
    }

    private static boolean hasUniqueKeyColumn(Table t) {
        List<List<SqlName>> uniques = new ArrayList<>();
        t.primaryKey().ifPresent(pk -> uniques.add(pk.columns()));
        for (KeyConstraint u : t.uniqueConstraints()) {
            uniques.add(u.columns());
        }
        for (Index i : t.indexes()) {
            if (i.unique()) {
                uniques.add(i.columns());
            }
        }
        for (List<SqlName> cols : uniques) {
            for (SqlName c : cols) {
                if (isKeyColumn(SchemaFacts.key(c))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when the INSERT supplies every primary key column and none of them is generated by the database. */
    private static boolean suppliesNaturalKey(Table t, Set<String> inserted) {
        if (t.primaryKey().isEmpty() || inserted.isEmpty()) {
            return false;
        }
        for (SqlName n : t.primaryKey().get().columns()) {
            String k = SchemaFacts.key(n);
            if (!inserted.contains(k)) {
                return false;
            }
            Optional<Column> c = t.column(k);
            if (c.isPresent() && generated(c.get())) {
                return false;
            }
        }
        return true;
    }

    private static boolean generated(Column c) {
        String type = c.type().toUpperCase(Locale.ROOT);
        String def = c.defaultValue() == null ? "" : c.defaultValue().toLowerCase(Locale.ROOT);
        return GENERATED_TYPES.contains(SchemaFacts.baseType(c)) || type.contains("IDENTITY") || type.contains("AUTO_INCREMENT")
                || def.contains("nextval");
    }

    private static String fix(Table t) {
        String name = t.name().name();
        return "ALTER TABLE " + name + " ADD COLUMN idempotency_key VARCHAR(64) NOT NULL; CREATE UNIQUE INDEX ux_"
                + SchemaFacts.plain(name) + "_idempotency_key ON " + name + "(idempotency_key); then have the client send "
                + "one key per attempt and insert with ON CONFLICT (idempotency_key) DO NOTHING, returning the stored row.";
    }

    private static String singular(String word) {
        return word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }
}
