package dev.quorum.ui.problems;

import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The findings of one validation, indexed by field path, so every field and table row finds its own
 * without scanning the whole list: {@code at("queries[2]")} includes {@code queries[2].frequency}.
 */
public final class FindingsIndex {

    /** No findings. */
    public static final FindingsIndex EMPTY = new FindingsIndex(List.of());

    private final List<Finding> all;
    private final NavigableMap<String, List<Finding>> byPath = new TreeMap<>();
    private final Map<String, int[]> bySection = new HashMap<>();

    public FindingsIndex(List<Finding> findings) {
        this.all = List.copyOf(findings);
        for (Finding f : all) {
            byPath.computeIfAbsent(f.location().path(), k -> new ArrayList<>()).add(f);
            bySection.computeIfAbsent(f.location().section(), k -> new int[Severity.values().length])[f.severity().ordinal()]++;
        }
    }

    /** Every finding, most severe first as the validator sorted them. */
    public List<Finding> all() {
        return all;
    }

    /** The findings at {@code path} or inside it ({@code path.x}, {@code path[i]}). */
    public List<Finding> at(String path) {
        if (path == null || path.isEmpty() || all.isEmpty()) {
            return List.of();
        }
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<Finding>> e : byPath.subMap(path, true, path + '\uffff', false).entrySet()) {
            String p = e.getKey();
            if (p.length() == path.length() || p.charAt(path.length()) == '.' || p.charAt(path.length()) == '[') {
                out.addAll(e.getValue());
            }
        }
        return out;
    }

    /**
     * The findings inside the rows of the list at {@code listPath}, by row index; findings on the list as a
     * whole (no index) are under -1.
     */
    public Map<Integer, List<Finding>> rows(String listPath) {
        Map<Integer, List<Finding>> out = new HashMap<>();
        for (Finding f : at(listPath)) {
            String rest = f.location().path().substring(listPath.length());
            int row = -1;
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                try {
                    row = Integer.parseInt(rest.substring(1, close));
                } catch (RuntimeException e) {
                    row = -1;
                }
            }
            out.computeIfAbsent(row, k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    /** How many findings of {@code severity} a section has; "" is the design as a whole. */
    public int count(String sectionId, Severity severity) {
        int[] counts = bySection.get(sectionId);
        return counts == null ? 0 : counts[severity.ordinal()];
    }

    /** How many findings of {@code severity} there are in all. */
    public int count(Severity severity) {
        return (int) all.stream().filter(f -> f.severity() == severity).count();
    }

    /** The most severe of some findings, or null when there are none. */
    public static Severity worst(List<Finding> findings) {
        Severity worst = null;
        for (Finding f : findings) {
            if (worst == null || f.severity().ordinal() < worst.ordinal()) {
                worst = f.severity();
            }
        }
        return worst;
    }
}
