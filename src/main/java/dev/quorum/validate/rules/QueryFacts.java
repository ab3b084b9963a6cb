package dev.quorum.validate.rules;

import dev.quorum.model.Count;
import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.StorageChoice;
import dev.quorum.sql.ColumnRef;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.Table;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.HashMap;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the query and lesson rules share about queries: labels, locations, rates, write targets, data sizes. */
final class QueryFacts {

    static final String SECTION = "queries";

    private static final String IDENT = "(?:[\\w$]+|\"[^\"]+\"|`[^`]+`|\\[[^\\]]+\\])";
    private static final String QNAME = "(" + IDENT + "(?:\\s*\\.\\s*" + IDENT + ")*)";
    /** Write targets of every statement in a query's SQL, which may hold several statements. */
    private static final Pattern WRITE = Pattern.compile(
            "\\b(?:insert\\s+(?:ignore\\s+)?into|replace\\s+into|update|delete\\s+from|merge\\s+into)\\s+(?:only\\s+)?" + QNAME,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern INSERT_COLUMNS = Pattern.compile(
            "\\binsert\\s+(?:ignore\\s+)?into\\s+" + QNAME + "\\s*\\(([^)]*)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern FACTOR_SEPARATOR = Pattern.compile("\\s*[×*]\\s*|\\s*(?<![A-Za-z])[xX](?![A-Za-z])\\s*");
    private static final Pattern SIZE_UNIT = Pattern.compile(
            "\\d\\s*(?:b|kb|mb|gb|tb|pb|kib|mib|gib|tib|pib|bytes?|kilobytes?|megabytes?|gigabytes?|terabytes?)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUALIFIER = Pattern.compile("^.*\\.");

    private QueryFacts() {
    }

    /** How findings name a query: "query 'Dispatch queue'", or "query 3" when it has no name. */
    static String label(Query q, int index) {
        return q.name().isBlank() ? "query " + (index + 1) : "query '" + q.name().strip() + "'";
    }

    static Location at(Query q, int index, String field) {
        return Location.item(SECTION, label(q, index), "queries[" + index + "]." + field);
    }

    /** The query's rate in events per second, empty when blank or unreadable. */
    static OptionalDouble rate(Query q) {
        return q.frequency().perSecond();
    }

    /** True when the query runs at or above the hot-path threshold. */
    static boolean frequent(DesignContext context, Query q) {
        OptionalDouble r = rate(q);
        return r.isPresent() && r.getAsDouble() >= context.thresholds().frequentQueriesPerSecond();
    }

    static String human(double perSecond) {
        return Rate.human(perSecond);
    }

    /** A table name without its schema qualifier and quotes, as the schema lookups want it. */
    static String bare(String name) {
        String stripped = name.strip();
        String n = stripped.indexOf('.') < 0 ? stripped : QUALIFIER.matcher(stripped).replaceAll("");
        return SchemaFacts.key(n);
    }

    /** The schema tables the query's SQL writes to, from every statement (INSERT, UPDATE, DELETE, MERGE). */
    static List<Table> writeTargets(DesignContext context, int index) {
        Set<Table> out = new LinkedHashSet<>();
        SchemaModel schema = context.schema();
        String target = context.query(index).targetTable();
        if (!target.isBlank()) {
            schema.table(bare(target)).ifPresent(out::add);
        }
        Matcher m = WRITE.matcher(context.design().queries().get(index).sql());
        while (m.find()) {
            schema.table(bare(m.group(1))).ifPresent(out::add);
        }
        return new ArrayList<>(out);
    }

    /** The column keys an INSERT into this table lists, from every INSERT statement of the SQL; empty when none. */
    static Set<String> insertedColumns(String sql, Table t) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = INSERT_COLUMNS.matcher(sql);
        while (m.find()) {
            if (t.name().matches(bare(m.group(1)))) {
                for (String c : m.group(2).split(",")) {
                    if (!c.isBlank()) {
                        out.add(SchemaFacts.key(c));
                    }
                }
            }
        }
        return out;
    }

    /** The resolved column keys of {@code refs} that belong to table {@code t}, in order, without repeats. */
    static List<String> columnsOf(List<ColumnRef> refs, Table t) {
        Set<String> out = new LinkedHashSet<>();
        for (ColumnRef r : refs) {
            if (r.column() != null && !r.table().isBlank() && t.name().matches(bare(r.table()))) {
                out.add(SchemaFacts.key(r.column()));
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * The data element that holds a table's rows: one named like the table (singular or plural, spaces or
     * underscores), else the element whose storage choice names the table in its system text
     * ("PostgreSQL 16 (orders, order_items, deliveries)").
     */
    static Optional<DataElement> elementFor(DesignContext context, String table) {
        ElementIndex index = context.memo("QueryFacts.elementIndex", ElementIndex::of);
        String t = LessonTexts.norm(bare(table));
        // Rules ask for the same few hundred tables once per query; the answer depends on the name alone.
        return index.byTable().computeIfAbsent(t, index::lookUp);
    }

    /**
     * Data elements by singular normalised name, each storage choice's normalised data, and the choices grouped
     * by their normalised system text (in order of first appearance), since designs repeat a few systems.
     */
    private record ElementIndex(Map<String, DataElement> bySingularName, Map<String, List<Integer>> bySystem,
            List<String> storageData, Map<String, Optional<DataElement>> byTable) {
        static ElementIndex of(DesignContext context) {
            Design d = context.design();
            Map<String, DataElement> byName = new HashMap<>();
            for (DataElement e : d.persistence().dataElements()) {
                String n = LessonTexts.norm(e.name());
                if (!n.isEmpty()) {
                    byName.putIfAbsent(singular(n), e);
                }
            }
            Map<String, List<Integer>> systems = new LinkedHashMap<>();
            List<String> data = new ArrayList<>();
            List<StorageChoice> choices = d.persistence().storageChoices();
            for (int i = 0; i < choices.size(); i++) {
                systems.computeIfAbsent(LessonTexts.norm(choices.get(i).system()), k -> new ArrayList<>()).add(i);
                data.add(LessonTexts.norm(choices.get(i).data()));
            }
            return new ElementIndex(byName, systems, data, new ConcurrentHashMap<>());
        }

        /** By name, else the first storage choice (in design order) whose system names the table and whose data is an element. */
        Optional<DataElement> lookUp(String t) {
            DataElement byName = bySingularName.get(singular(t));
            if (byName != null) {
                return Optional.of(byName);
            }
            int first = Integer.MAX_VALUE;
            DataElement found = null;
            for (Map.Entry<String, List<Integer>> system : bySystem.entrySet()) {
                if (!LessonTexts.hasPhrase(system.getKey(), t)) {
                    continue;
                }
                for (int i : system.getValue()) {
                    if (i >= first) {
                        break;
                    }
                    DataElement e = bySingularName.get(singular(storageData.get(i)));
                    if (e != null) {
                        first = i;
                        found = e;
                        break;
                    }
                }
            }
            return Optional.ofNullable(found);
        }
    }

    static boolean sameName(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return a.equals(b) || singular(a).equals(singular(b));
    }

    /** The singular spelling of a normalised name, as {@link #sameName} compares them. */
    static String singular(String s) {
        if (s.endsWith("ies") && s.length() > 4) {
            return s.substring(0, s.length() - 3) + "y";
        }
        if (s.endsWith("s") && !s.endsWith("ss") && s.length() > 3) {
            return s.substring(0, s.length() - 1);
        }
        return s;
    }

    /**
     * The row count a size estimate implies: the product of its count factors ("1.5 KB per order x 50M
     * orders" gives 50M). Empty when the estimate has no count, such as "3 GB".
     */
    static OptionalDouble rows(DataElement e) {
        String text = e.sizeEstimate().text();
        if (text.isBlank() || e.sizeEstimate().bytes().isEmpty()) {
            return OptionalDouble.empty();
        }
        double rows = 1;
        boolean any = false;
        for (String factor : FACTOR_SEPARATOR.split(text)) {
            if (factor.isBlank() || SIZE_UNIT.matcher(factor).find()) {
                continue;
            }
            OptionalDouble c = Count.of(factor).value();
            if (c.isPresent()) {
                rows *= c.getAsDouble();
                any = true;
            }
        }
        return any ? OptionalDouble.of(rows) : OptionalDouble.empty();
    }
}
