package dev.quorum.ui.section;

import dev.quorum.validate.Finding;
import java.util.List;
import java.util.stream.Collectors;

/** The one line under a code editor that says how many findings it has and on which lines. */
final class CodeFindingsText {

    private CodeFindingsText() {
    }

    static String describe(List<Finding> findings) {
        String lines = findings.stream().map(f -> f.location().textLine()).filter(l -> l > 0).distinct().sorted()
                .limit(12).map(String::valueOf).collect(Collectors.joining(", "));
        String count = findings.size() == 1 ? "1 finding" : findings.size() + " findings";
        return "⚠ " + count + (lines.isEmpty() ? "" : " on line" + (lines.contains(",") ? "s " : " ") + lines)
                + " — hover the marker in the margin for the message and the fix";
    }
}
