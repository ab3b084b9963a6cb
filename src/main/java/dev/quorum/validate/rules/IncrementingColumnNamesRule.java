package dev.quorum.validate.rules;

import dev.quorum.sql.Column;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports repeating groups of columns such as phone1, phone2, phone3. */
public final class IncrementingColumnNamesRule extends AbstractRule {

    private static final Pattern NUMBERED = Pattern.compile("(.*?[a-z_])_?(\\d+)", Pattern.CASE_INSENSITIVE);

    public IncrementingColumnNamesRule() {
        super("schema.incrementing-column-names", Severity.WARNING, RuleCategory.SCHEMA,
                "Columns repeat one name with increasing numbers (phone1, phone2).",
                "Numbered columns are a repeating group, a violation of first normal form: the fourth phone "
                        + "needs an ALTER TABLE, queries must OR over every column, and indexes cannot cover them. "
                        + "SchemaCrawler lint linter.LinterTableWithIncrementingColumns. The bare stem (address next to "
                        + "address2) counts as a member of the group.",
                "phone1 VARCHAR(30), phone2 VARCHAR(30), phone3 VARCHAR(30)",
                "CREATE TABLE customer_phones (customer_id BIGINT REFERENCES customers, position SMALLINT, "
                        + "phone VARCHAR(30), PRIMARY KEY (customer_id, position));");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (Table t : context.schema().tables()) {
            Map<String, List<Column>> numbered = new LinkedHashMap<>();
            for (Column c : t.columns()) {
                Matcher m = NUMBERED.matcher(c.name().name());
                if (m.matches()) {
                    numbered.computeIfAbsent(m.group(1).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(c);
                }
            }
            for (Map.Entry<String, List<Column>> e : numbered.entrySet()) {
                List<Column> group = new ArrayList<>();
                String stem = e.getKey();
                t.column(stem).ifPresent(group::add);
                if (stem.endsWith("_")) {
                    t.column(stem.substring(0, stem.length() - 1)).ifPresent(group::add);
                }
                group.addAll(e.getValue());
                if (group.size() < 2) {
                    continue;
                }
                List<String> names = new ArrayList<>();
                for (Column c : group) {
                    names.add(c.name().name());
                }
                String base = stem.endsWith("_") ? stem.substring(0, stem.length() - 1) : stem;
                sink.report(SchemaFacts.at(t, group.get(0)),
                        "table " + t.name().name() + " repeats " + base + " in " + group.size() + " numbered columns: "
                                + String.join(", ", names),
                        "Move " + String.join(", ", names) + " into a child table " + singular(t) + "_" + base + "s ("
                                + singular(t) + "_id, position, " + base + ") with one row per value.");
            }
        }
    }

    private static String singular(Table t) {
        String n = SchemaFacts.plain(t.name().name());
        return n.endsWith("s") && !n.endsWith("ss") && n.length() > 3 ? n.substring(0, n.length() - 1) : n;
    }
}
