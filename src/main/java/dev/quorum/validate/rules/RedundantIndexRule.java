package dev.quorum.validate.rules;

import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reports indexes made redundant by a longer index, the primary key or a unique constraint. */
public final class RedundantIndexRule extends AbstractRule {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    public RedundantIndexRule() {
        super("schema.redundant-index", Severity.WARNING, RuleCategory.SCHEMA,
                "An index's columns are a prefix of another index, the primary key or a unique constraint.",
                "A B-tree on (a, b) already serves every lookup on (a), so an index on (a) alone only costs a "
                        + "write on every INSERT and UPDATE, memory in the buffer cache and space in backups. "
                        + "SchemaCrawler lint linter.LinterRedundantIndexes. A unique index is kept when the longer "
                        + "index is not unique, because it enforces a constraint; partial indexes are compared only "
                        + "with indexes of the same predicate.",
                "CREATE INDEX idx_orders_customer ON orders(customer_id);\n"
                        + "CREATE INDEX idx_orders_customer_created ON orders(customer_id, created_at);",
                "CREATE INDEX idx_orders_customer_created ON orders(customer_id, created_at);");
    }

    private record Key(String label, List<String> columns, boolean unique, String where, int order) {
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            List<Key> others = new ArrayList<>();
            t.primaryKey().ifPresent(pk -> others.add(new Key("the primary key (" + SchemaFacts.names(pk.columns()) + ")",
                    SchemaFacts.keys(pk.columns()), true, "", -1)));
            for (KeyConstraint u : t.uniqueConstraints()) {
                others.add(new Key("unique constraint " + name(u.name()) + "(" + SchemaFacts.names(u.columns()) + ")",
                        SchemaFacts.keys(u.columns()), true, "", -1));
            }
            List<Index> indexes = t.indexes();
            for (int n = 0; n < indexes.size(); n++) {
                Index i = indexes.get(n);
                others.add(new Key("index " + name(i.name()) + "(" + SchemaFacts.names(i.columns()) + ")",
                        SchemaFacts.keys(i.columns()), i.unique(), predicate(i.where()), n));
            }
            for (int n = 0; n < indexes.size(); n++) {
                Index i = indexes.get(n);
                List<String> cols = SchemaFacts.keys(i.columns());
                if (cols.isEmpty()) {
                    continue;
                }
                String where = predicate(i.where());
                for (Key other : others) {
                    if (other.order() == n || !other.where().equals(where) || !isPrefix(cols, other.columns())) {
                        continue;
                    }
                    boolean same = cols.size() == other.columns().size();
                    // A unique index enforces something a longer or non-unique index does not.
                    if (i.unique() && (!same || !other.unique())) {
                        continue;
                    }
                    // Of two identical indexes, report only the later one.
                    if (same && other.order() > n && other.unique() == i.unique()) {
                        continue;
                    }
                    String what = same ? "duplicates " : "is a prefix of ";
                    sink.report(SchemaFacts.at(t, i),
                            "index " + name(i.name()) + "(" + SchemaFacts.names(i.columns()) + ") on " + t.name().name()
                                    + " " + what + other.label() + ", which serves the same lookups",
                            "DROP INDEX " + (i.name().isBlank() ? "<index on " + t.name().name() + ">" : i.name()) + ";");
                    break;
                }
            }
        }
    }

    private static boolean isPrefix(List<String> shorter, List<String> longer) {
        return shorter.size() <= longer.size() && longer.subList(0, shorter.size()).equals(shorter);
    }

    private static String predicate(String where) {
        return SPACES.matcher(where.strip().toLowerCase(Locale.ROOT)).replaceAll(" ");
    }

    private static String name(String n) {
        return n.isBlank() ? "" : n + " ";
    }
}
