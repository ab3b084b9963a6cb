package dev.quorum.ui;

import java.util.List;

/**
 * The one run of items in which two lists differ, found by keeping the equal items at both ends. Lists shown in
 * the window (findings, preview blocks) are patched over that run only, so that a virtualized control redraws the
 * items that changed rather than all of them.
 *
 * @param from   the first index that differs, in both lists
 * @param oldEnd the end (exclusive) of the differing run in the old list
 * @param newEnd the end (exclusive) of the differing run in the new list
 */
public record ListDiff(int from, int oldEnd, int newEnd) {

    /** The differing run between {@code old} and {@code next}; empty runs on both sides when they are equal. */
    public static <T> ListDiff between(List<? extends T> old, List<? extends T> next) {
        int oldSize = old.size();
        int newSize = next.size();
        int head = 0;
        while (head < oldSize && head < newSize && old.get(head).equals(next.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < oldSize - head && tail < newSize - head
                && old.get(oldSize - 1 - tail).equals(next.get(newSize - 1 - tail))) {
            tail++;
        }
        return new ListDiff(head, oldSize - tail, newSize - tail);
    }

    /** True when the lists are equal. */
    public boolean none() {
        return oldEnd == from && newEnd == from;
    }
}
