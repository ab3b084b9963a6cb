package dev.quorum.validate.rules;

import dev.quorum.sql.ForeignKey;
import dev.quorum.sql.Table;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reports cycles of foreign keys between two or more tables. */
public final class FkCycleRule extends AbstractRule {

    public FkCycleRule() {
        super("schema.fk-cycle", Severity.INFO, RuleCategory.SCHEMA,
                "Foreign keys form a cycle between tables.",
                "When tables reference each other in a ring, no insert order satisfies every key unless one key is "
                        + "nullable or deferred, bulk loads and restores need constraints disabled, and deletes cascade "
                        + "in circles. SchemaCrawler reports these as cycles in its table-relationship graph. "
                        + "Self-references (employee.manager_id) are excluded: a hierarchy inserts its root with a "
                        + "NULL parent and is a normal pattern.",
                "departments.head_id -> employees; employees.department_id -> departments",
                "employees.department_id -> departments; department_heads(department_id, employee_id) holds the head");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Map<String, Table> byKey = new LinkedHashMap<>();
        for (Table t : context.schema().tables()) {
            byKey.putIfAbsent(t.name().key(), t);
        }
        Map<String, Set<String>> edges = new HashMap<>();
        for (Table t : byKey.values()) {
            Set<String> out = new LinkedHashSet<>();
            for (ForeignKey fk : t.foreignKeys()) {
                if (fk.referencedTable() == null) {
                    continue;
                }
                context.schema().table(fk.referencedTable().name()).ifPresent(target -> {
                    String k = target.name().key();
                    if (!k.equals(t.name().key())) {
                        out.add(k);
                    }
                });
            }
            edges.put(t.name().key(), out);
        }
        for (List<String> component : new Tarjan(byKey.keySet(), edges).components()) {
            if (component.size() < 2) {
                continue;
            }
            List<Table> tables = new ArrayList<>();
            for (String k : component) {
                tables.add(byKey.get(k));
            }
            tables.sort((a, b) -> Integer.compare(a.line(), b.line()));
            List<String> names = new ArrayList<>();
            for (Table t : tables) {
                names.add(t.name().name());
            }
            sink.report(SchemaFacts.at(tables.get(0)),
                    "foreign keys form a cycle between " + names.size() + " tables: " + String.join(", ", names),
                    "Break the cycle: make one of the keys nullable and DEFERRABLE INITIALLY DEFERRED, or move that "
                            + "relationship into its own link table.");
        }
    }

    private record Frame(String node, Iterator<String> next) {
    }

    /** Strongly connected components, iteratively so a long chain of tables cannot overflow the stack. */
    private static final class Tarjan {
        private final Set<String> nodes;
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<List<String>> out = new ArrayList<>();
        private int counter;

        Tarjan(Set<String> nodes, Map<String, Set<String>> edges) {
            this.nodes = nodes;
            this.edges = edges;
        }

        List<List<String>> components() {
            for (String n : nodes) {
                if (!index.containsKey(n)) {
                    visit(n);
                }
            }
            return out;
        }

        private void visit(String root) {
            Deque<Frame> work = new ArrayDeque<>();
            enter(root);
            work.push(new Frame(root, edges.getOrDefault(root, Set.of()).iterator()));
            while (!work.isEmpty()) {
                Frame frame = work.peek();
                String v = frame.node();
                Iterator<String> it = frame.next();
                if (it.hasNext()) {
                    String w = it.next();
                    if (!index.containsKey(w)) {
                        enter(w);
                        work.push(new Frame(w, edges.getOrDefault(w, Set.of()).iterator()));
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = work.peek().node();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<String> component = new ArrayList<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    out.add(component);
                }
            }
        }

        private void enter(String v) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
        }
    }
}
