package dev.quorum.diagram;

import dev.quorum.diagram.ErScene.Attribute;
import dev.quorum.diagram.ErScene.Entity;
import dev.quorum.diagram.ErScene.Group;
import dev.quorum.diagram.ErScene.Kind;
import dev.quorum.diagram.ErScene.Relation;
import dev.quorum.sql.Column;
import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.QueryAnalysis;
import dev.quorum.sql.QueryAnalyzer;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.sql.View;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Turns a schema model and {@link ErOptions} into an {@link ErScene}. Partitions are folded into their
 * parent table (their foreign keys become the parent's), foreign keys to tables the schema lacks are drawn
 * to a "missing" box, and the scope decides which tables remain.
 */
final class ErSceneBuilder {

    private final SchemaModel schema;
    private final ErOptions options;

    /** Base tables by folded name, in schema order. */
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Integer> partitions = new HashMap<>();
    private final Map<String, List<ForeignKey>> keys = new LinkedHashMap<>();

    ErSceneBuilder(SchemaModel schema, ErOptions options) {
        this.schema = schema;
        this.options = options;
    }

    ErScene build() throws DiagramInputException {
        foldPartitions();
        // Node keys: "t:<name>" for tables, "v:<name>" for views, "m:<name>" for missing tables.
        Map<String, Set<String>> neighbours = new LinkedHashMap<>();
        for (Map.Entry<String, List<ForeignKey>> e : keys.entrySet()) {
            neighbours.computeIfAbsent("t:" + e.getKey(), k -> new LinkedHashSet<>());
            String childSchema = tables.get(e.getKey()).schema();
            for (ForeignKey fk : e.getValue()) {
                String parent = parentKey(fk.referencedTable(), childSchema);
                neighbours.get("t:" + e.getKey()).add(parent);
                neighbours.computeIfAbsent(parent, k -> new LinkedHashSet<>()).add("t:" + e.getKey());
            }
        }
        Set<String> inScope = scope(neighbours);
        boolean overview = options.detail() == ErOptions.Detail.TABLES
                || options.detail() == ErOptions.Detail.AUTO
                && inScope.stream().filter(k -> k.startsWith("t:")).count() > ErOptions.OVERVIEW_THRESHOLD;

        Map<String, String> ids = new LinkedHashMap<>();
        for (String key : inScope) {
            ids.put(key, (key.startsWith("v:") ? "v" : key.startsWith("m:") ? "m" : "t") + ids.size());
        }
        Map<String, String> groupOf = groups(inScope);
        Map<String, String> groupIds = new LinkedHashMap<>();
        for (String label : new LinkedHashSet<>(groupOf.values())) {
            groupIds.put(label, "cluster_" + groupIds.size());
        }
        String focusKey = options.scope() == ErOptions.Scope.NEIGHBOURHOOD ? "t:" + resolve(options.focusTable(), "") : "";

        List<Entity> entities = new ArrayList<>();
        for (String key : inScope) {
            String group = groupOf.containsKey(key) ? groupIds.get(groupOf.get(key)) : "";
            entities.add(entity(key, ids.get(key), group, key.equals(focusKey), overview));
        }
        List<Relation> relations = new ArrayList<>();
        for (Map.Entry<String, List<ForeignKey>> e : keys.entrySet()) {
            String childKey = "t:" + e.getKey();
            if (!inScope.contains(childKey)) {
                continue;
            }
            Table child = tables.get(e.getKey());
            for (ForeignKey fk : e.getValue()) {
                String parentKey = parentKey(fk.referencedTable(), child.schema());
                if (inScope.contains(parentKey)) {
                    relations.add(relation(child, fk, ids.get(childKey), parentKey, ids.get(parentKey), overview));
                }
            }
        }
        List<Group> groups = groupIds.entrySet().stream().map(g -> new Group(g.getValue(), g.getKey())).toList();
        return new ErScene(entities, relations, groups, overview, caption(entities, overview));
    }

    private void foldPartitions() {
        for (Table t : schema.tables()) {
            if (t.partitionOf().isBlank() || findBase(t.partitionOf()) == null) {
                tables.putIfAbsent(key(t), t);
            }
        }
        for (Table t : schema.tables()) {
            String key = key(t);
            if (tables.get(key) != t) {
                continue;
            }
            keys.put(key, new ArrayList<>(t.foreignKeys()));
        }
        for (Table t : schema.tables()) {
            if (t.partitionOf().isBlank()) {
                continue;
            }
            Table parent = findBase(t.partitionOf());
            if (parent == null || parent == t) {
                continue;
            }
            partitions.merge(key(parent), 1, Integer::sum);
            List<ForeignKey> parentKeys = keys.get(key(parent));
            for (ForeignKey fk : t.foreignKeys()) {
                boolean known = parentKeys.stream().anyMatch(k -> sameColumns(k.columns(), fk.columns())
                        && k.referencedTable().key().equals(fk.referencedTable().key()));
                if (!known) {
                    parentKeys.add(fk);
                }
            }
        }
    }

    private Table findBase(String name) {
        String bare = bare(name);
        for (Table t : schema.tables()) {
            if (t.partitionOf().isBlank() && t.name().matches(bare)) {
                return t;
            }
        }
        return null;
    }

    private String parentKey(SqlName referenced, String childSchema) {
        String found = resolve(referenced.name(), childSchema);
        if (found != null) {
            return "t:" + found;
        }
        // A key to a partition points at its parent, which is where the partition is drawn.
        for (Table t : schema.tables()) {
            if (t.name().key().equals(referenced.key()) && !t.partitionOf().isBlank()) {
                Table base = findBase(t.partitionOf());
                if (base != null) {
                    return "t:" + key(base);
                }
            }
        }
        return "m:" + referenced.key();
    }

    /** The key of the base table a possibly qualified name refers to: same schema first, then any schema. */
    private String resolve(String name, String preferredSchema) {
        String n = name.strip();
        String qualifier = n.contains(".") ? n.substring(0, n.lastIndexOf('.')) : preferredSchema;
        String bareKey = fold(n);
        String exact = SqlName.of(qualifier).key() + "." + bareKey;
        if (tables.containsKey(exact)) {
            return exact;
        }
        for (String k : tables.keySet()) {
            if (k.substring(k.indexOf('.') + 1).equals(bareKey)) {
                return k;
            }
        }
        return null;
    }

    private Set<String> scope(Map<String, Set<String>> neighbours) throws DiagramInputException {
        Set<String> all = new LinkedHashSet<>();
        tables.keySet().forEach(k -> all.add("t:" + k));
        neighbours.keySet().stream().filter(k -> k.startsWith("m:")).forEach(all::add);
        switch (options.scope()) {
            case ALL -> {
                for (View v : schema.views()) {
                    all.add("v:" + v.name().key());
                }
                return all;
            }
            case NEIGHBOURHOOD -> {
                String focus = resolve(options.focusTable(), "");
                if (focus == null) {
                    throw new DiagramInputException(unknownTable(options.focusTable()));
                }
                String start = "t:" + focus;
                Set<String> seen = new LinkedHashSet<>(List.of(start));
                Deque<String> frontier = new ArrayDeque<>(List.of(start));
                for (int hop = 0; hop < options.hops() && !frontier.isEmpty(); hop++) {
                    Deque<String> next = new ArrayDeque<>();
                    for (String k : frontier) {
                        for (String n : neighbours.getOrDefault(k, Set.of())) {
                            if (seen.add(n)) {
                                next.add(n);
                            }
                        }
                    }
                    frontier = next;
                }
                // Keep schema order so the same neighbourhood always gives the same text.
                Set<String> ordered = new LinkedHashSet<>();
                all.stream().filter(seen::contains).forEach(ordered::add);
                return ordered;
            }
            case QUERY -> {
                QueryAnalysis analysis = new QueryAnalyzer().analyze(options.querySql(), schema);
                if (analysis.parseError().isPresent()) {
                    throw new DiagramInputException("the query cannot be drawn: " + analysis.parseError().get());
                }
                Set<String> wanted = new LinkedHashSet<>();
                for (String name : analysis.tables()) {
                    String key = fold(name);
                    String table = resolve(name, "");
                    if (table != null) {
                        wanted.add("t:" + table);
                    } else if (schema.views().stream().anyMatch(v -> v.name().key().equals(key))) {
                        wanted.add("v:" + key);
                    } else {
                        wanted.add("m:" + key);
                    }
                }
                if (wanted.isEmpty()) {
                    throw new DiagramInputException("the query names no table to draw");
                }
                Set<String> ordered = new LinkedHashSet<>();
                all.stream().filter(wanted::contains).forEach(ordered::add);
                wanted.stream().filter(k -> !ordered.contains(k)).forEach(ordered::add);
                return ordered;
            }
            default -> throw new IllegalStateException(options.scope().toString());
        }
    }

    private String unknownTable(String name) {
        String shown = DiagramText.name(name);
        List<String> names = tables.values().stream().map(t -> t.name().name()).sorted(String.CASE_INSENSITIVE_ORDER).toList();
        String listed = names.size() <= 12 ? String.join(", ", names)
                : String.join(", ", names.subList(0, 12)) + " and " + (names.size() - 12) + " more";
        return names.isEmpty() ? "no table named '" + shown + "': the schema has no tables"
                : "no table named '" + shown + "' in the schema; tables: " + listed;
    }

    private Map<String, String> groups(Set<String> inScope) {
        ErOptions.Clustering mode = options.clustering();
        Set<String> schemas = inScope.stream().filter(k -> k.startsWith("t:")).map(k -> tables.get(k.substring(2)).schema())
                .filter(s -> !s.isBlank()).map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toCollection(TreeSet::new));
        if (mode == ErOptions.Clustering.AUTO) {
            mode = schemas.size() > 1 ? ErOptions.Clustering.SCHEMA : ErOptions.Clustering.NONE;
        }
        Map<String, String> result = new LinkedHashMap<>();
        if (mode == ErOptions.Clustering.SCHEMA) {
            for (String key : inScope) {
                String s = schemaOf(key);
                if (!s.isBlank()) {
                    result.put(key, "schema " + s);
                }
            }
        } else if (mode == ErOptions.Clustering.PREFIX) {
            Map<String, List<String>> byPrefix = new TreeMap<>();
            for (String key : inScope) {
                if (!key.startsWith("t:")) {
                    continue;
                }
                String name = tables.get(key.substring(2)).name().key();
                int cut = name.indexOf('_');
                if (cut > 0) {
                    byPrefix.computeIfAbsent(name.substring(0, cut), p -> new ArrayList<>()).add(key);
                }
            }
            // Order the frames by their first table in scope so output follows the schema.
            for (String key : inScope) {
                for (Map.Entry<String, List<String>> e : byPrefix.entrySet()) {
                    if (e.getValue().size() > 1 && e.getValue().contains(key)) {
                        result.put(key, e.getKey() + "_*");
                    }
                }
            }
        }
        return result;
    }

    private String schemaOf(String key) {
        if (key.startsWith("t:")) {
            return tables.get(key.substring(2)).schema();
        }
        if (key.startsWith("v:")) {
            return schema.views().stream().filter(v -> v.name().key().equals(key.substring(2))).map(View::schema)
                    .filter(s -> s != null).findFirst().orElse("");
        }
        return "";
    }

    private Entity entity(String key, String id, String group, boolean focus, boolean overview) {
        String name = key.substring(2);
        if (key.startsWith("v:")) {
            View v = schema.views().stream().filter(x -> x.name().key().equals(name)).findFirst().orElseThrow();
            return new Entity(id, v.schema() == null ? "" : v.schema(), v.name().name(), Kind.VIEW, 0, List.of(), group, false);
        }
        if (key.startsWith("m:")) {
            return new Entity(id, "", name, Kind.MISSING, 0, List.of(), group, false);
        }
        Table t = tables.get(name);
        List<Attribute> attributes = overview ? List.of() : t.columns().stream().map(c -> attribute(t, c)).toList();
        return new Entity(id, t.schema(), t.name().name(), Kind.TABLE, partitions.getOrDefault(name, 0), attributes, group, focus);
    }

    private Attribute attribute(Table t, Column c) {
        boolean pk = t.primaryKey().map(k -> contains(k.columns(), c.name())).orElse(false);
        boolean fk = keys.get(key(t)).stream().anyMatch(k -> contains(k.columns(), c.name()));
        boolean unique = t.uniqueConstraints().stream().anyMatch(k -> contains(k.columns(), c.name()))
                || t.indexes().stream().anyMatch(i -> i.unique() && !i.partial() && contains(i.columns(), c.name()));
        return new Attribute(c.name().name(), c.type(), pk, fk, unique, c.nullable() && !pk);
    }

    private Relation relation(Table child, ForeignKey fk, String childId, String parentKey, String parentId, boolean overview) {
        Table parent = parentKey.startsWith("t:") ? tables.get(parentKey.substring(2)) : null;
        int childPort = -1;
        int parentPort = -1;
        if (!overview && !fk.columns().isEmpty()) {
            childPort = indexOf(child, fk.columns().get(0));
            if (parent != null) {
                List<SqlName> referenced = fk.referencedColumns().isEmpty()
                        ? parent.primaryKey().map(KeyConstraint::columns).orElse(List.of()) : fk.referencedColumns();
                parentPort = referenced.isEmpty() ? -1 : indexOf(parent, referenced.get(0));
            }
        }
        boolean optional = fk.columns().stream().anyMatch(n -> child.column(n.name()).map(Column::nullable).orElse(false));
        boolean oneToOne = child.primaryKey().map(k -> sameColumns(k.columns(), fk.columns())).orElse(false)
                || child.uniqueConstraints().stream().anyMatch(k -> sameColumns(k.columns(), fk.columns()))
                || child.indexes().stream().anyMatch(i -> i.unique() && !i.partial() && sameColumns(i.columns(), fk.columns()));
        boolean identifying = !fk.columns().isEmpty() && child.primaryKey()
                .map(k -> fk.columns().stream().allMatch(n -> contains(k.columns(), n))).orElse(false);
        String label = fk.columns().stream().map(SqlName::name).collect(Collectors.joining(", "));
        return new Relation(childId, parentId, childPort, parentPort, oneToOne, optional, identifying, label);
    }

    private String caption(List<Entity> entities, boolean overview) {
        long tableCount = entities.stream().filter(e -> e.kind() == Kind.TABLE).count();
        long viewCount = entities.stream().filter(e -> e.kind() == Kind.VIEW).count();
        long missing = entities.stream().filter(e -> e.kind() == Kind.MISSING).count();
        int folded = entities.stream().mapToInt(Entity::partitions).sum();
        StringBuilder b = new StringBuilder();
        switch (options.scope()) {
            case NEIGHBOURHOOD -> b.append("Tables within ").append(options.hops()).append(options.hops() == 1 ? " hop of " : " hops of ")
                    .append(DiagramText.name(options.focusTable())).append(": ");
            case QUERY -> b.append("Tables the query touches: ");
            default -> b.append("All tables: ");
        }
        b.append(tableCount).append(tableCount == 1 ? " table" : " tables");
        if (viewCount > 0) {
            b.append(", ").append(viewCount).append(viewCount == 1 ? " view (dashed)" : " views (dashed)");
        }
        if (missing > 0) {
            b.append(", ").append(missing).append(" referenced but not defined");
        }
        if (folded > 0) {
            b.append("; ").append(folded).append(" partitions drawn as their parent");
        }
        if (overview) {
            b.append(". Overview: tables only");
        } else {
            b.append(". PK primary key, FK foreign key, UQ unique, NULL nullable");
        }
        b.append(". Crow's foot marks the many side; a circle marks optional.");
        return b.toString();
    }

    private static int indexOf(Table t, SqlName column) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().key().equals(column.key())) {
                return i;
            }
        }
        return -1;
    }

    private static boolean contains(List<SqlName> names, SqlName name) {
        return names.stream().anyMatch(n -> n.key().equals(name.key()));
    }

    private static boolean sameColumns(List<SqlName> a, List<SqlName> b) {
        Set<String> x = new HashSet<>();
        a.forEach(n -> x.add(n.key()));
        Set<String> y = new HashSet<>();
        b.forEach(n -> y.add(n.key()));
        return !x.isEmpty() && x.equals(y);
    }

    private static String key(Table t) {
        return SqlName.of(t.schema()).key() + "." + t.name().key();
    }

    private static String bare(String name) {
        String n = name.strip();
        return n.contains(".") ? n.substring(n.lastIndexOf('.') + 1) : n;
    }

    private static String fold(String name) {
        return SqlName.of(bare(name)).key();
    }
}
