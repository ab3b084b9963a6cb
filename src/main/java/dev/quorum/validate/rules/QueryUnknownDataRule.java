package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.DocumentStructure;
import dev.quorum.model.Query;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.sql.View;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reports a query whose data_accessed entry is neither a data element, a table or view, nor a document collection. */
public final class QueryUnknownDataRule extends AbstractRule {

    private static final String IDENT = "(?:[\\w$]+|\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\])";
    /** A fallback for names the DDL importer skipped, so a statement it cannot parse does not make its table unknown. */
    private static final Pattern CREATE_RELATION = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(?:global\\s+|local\\s+)?(?:temporary|temp)\\s+|unlogged\\s+|materialized\\s+)?"
                    + "(?:table|view)\\s+(?:if\\s+not\\s+exists\\s+)?(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER_DOT = Pattern.compile("\\s*\\.\\s*");
    private static final Pattern PARENTHETICAL = Pattern.compile("\\s*[(\\[].*$");
    private static final Pattern COLLECTION_HEAD = Pattern.compile("^[^\\s(:{]+");

    public QueryUnknownDataRule() {
        super("completeness.query-unknown-data", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A query's data_accessed names no data element, table, view or document collection.",
                "Data Accessed ties each query to the data it touches. A name that matches nothing means the schema, "
                        + "the data elements or the query is out of date, and index and load checks miss that query.",
                "queries:\n  - {name: Popular dishes, data_accessed: [dish_stats]}   # no such table or element",
                "schema:\n  sql: CREATE TABLE dish_stats (menu_item_id BIGINT PRIMARY KEY, orders_last_7d INT);");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        Set<String> known = knownNames(context);
        List<Query> queries = design.queries();
        for (int i = 0; i < queries.size(); i++) {
            Query q = queries.get(i);
            for (int j = 0; j < q.dataAccessed().size(); j++) {
                String entry = q.dataAccessed().get(j);
                if (entry == null || entry.isBlank() || isKnown(entry, known)) {
                    continue;
                }
                String label = q.name().isBlank() ? "query " + (i + 1) : "query " + DesignProse.q(q.name());
                sink.report(Location.item("queries", label, "queries[" + i + "].data_accessed[" + j + "]"),
                        label + " accesses " + DesignProse.q(entry) + ", which is not a data element, a table or view "
                                + "in schema.sql, or a document collection",
                        "Define " + entry.strip() + " in schema.sql (CREATE TABLE " + entry.strip()
                                + " (...);) or as a data element, or correct the name in data_accessed.");
            }
        }
    }

    private static Set<String> knownNames(DesignContext context) {
        Design design = context.design();
        Set<String> known = new LinkedHashSet<>();
        for (DataElement e : design.persistence().dataElements()) {
            known.addAll(DesignProse.variants(e.name()));
        }
        for (Table t : context.schema().tables()) {
            known.addAll(DesignProse.variants(t.name().name()));
        }
        for (View v : context.schema().views()) {
            known.addAll(DesignProse.variants(v.name().name()));
        }
        Matcher m = CREATE_RELATION.matcher(design.schema().sql());
        while (m.find()) {
            String[] parts = QUALIFIER_DOT.split(m.group(1));
            known.addAll(DesignProse.variants(SqlName.of(parts[parts.length - 1]).name()));
        }
        for (DocumentStructure d : design.schema().documents()) {
            known.addAll(DesignProse.variants(d.collection()));
            Matcher head = COLLECTION_HEAD.matcher(d.collection().strip());
            if (head.find()) {
                known.addAll(DesignProse.variants(head.group()));
            }
        }
        known.remove("");
        return known;
    }

    private static boolean isKnown(String entry, Set<String> known) {
        List<String> candidates = new ArrayList<>();
        String bare = PARENTHETICAL.matcher(entry.strip()).replaceFirst("").strip();
        candidates.add(entry);
        candidates.add(bare);
        if (bare.contains(".")) {
            String[] parts = bare.split("\\.");
            candidates.add(parts[parts.length - 1]);
            candidates.add(parts[0]);
            if (parts.length > 2) {
                candidates.add(parts[parts.length - 2]);
            }
        }
        for (String c : candidates) {
            String n = DesignProse.norm(SqlName.of(c).name());
            if (known.contains(n)) {
                return true;
            }
            for (String v : DesignProse.variants(n)) {
                if (known.contains(v)) {
                    return true;
                }
            }
        }
        return false;
    }
}
