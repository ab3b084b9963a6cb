package dev.quorum.cli;

import dev.quorum.store.ProjectSummary;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the store commands print times, ids and counts, the same in every listing. */
final class StoreText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private StoreText() {
    }

    /** A time in the local zone to the minute. */
    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** The finding counts, or "-" when the save that wrote the current revision did not know them. */
    static String findings(ProjectSummary p) {
        return p.knownFindings().map(f -> f.describe()).orElse("-");
    }

    /** "1 revision", "3 revisions". */
    static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    /** Cuts text to a column width with an ellipsis. */
    static String fit(String text, int width) {
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
