package dev.quorum.ui.projects;

import java.util.List;

/**
 * Where two versions of a design's YAML differ: the lines both share at the start and at the end are
 * left out, so what remains is the part each side changed. Conflicts are usually one field or one row.
 */
public record ConflictCompare(int firstLine, List<String> mine, List<String> theirs) {

    /** The differing middle of {@code mine} and {@code theirs}; {@code firstLine} is 1-based. */
    public static ConflictCompare of(String mine, String theirs) {
        List<String> a = mine.lines().toList();
        List<String> b = theirs.lines().toList();
        int head = 0;
        while (head < a.size() && head < b.size() && a.get(head).equals(b.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < a.size() - head && tail < b.size() - head
                && a.get(a.size() - 1 - tail).equals(b.get(b.size() - 1 - tail))) {
            tail++;
        }
        return new ConflictCompare(head + 1, a.subList(head, a.size() - tail), b.subList(head, b.size() - tail));
    }

    /** True when both sides are the same text. */
    public boolean identical() {
        return mine.isEmpty() && theirs.isEmpty();
    }

    /** The differing lines as a unified-diff-like text: "- " for the store's, "+ " for this window's. */
    public String describe() {
        if (identical()) {
            return "The two versions are the same.";
        }
        StringBuilder out = new StringBuilder("From line ").append(firstLine).append(":\n");
        theirs.forEach(l -> out.append("- ").append(l).append('\n'));
        mine.forEach(l -> out.append("+ ").append(l).append('\n'));
        return out.toString();
    }
}
