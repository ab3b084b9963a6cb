package dev.quorum.service;

import dev.quorum.model.OutcomeValue;
import dev.quorum.model.SimulatedOutcome;
import java.util.List;

/**
 * The "Simulated outcomes" appendix of the Markdown export: one subsection per outcome recorded in the
 * design, after the template's sections, and nothing at all when none is recorded. Recorded text comes from
 * a file, so it is escaped like any other user text: it cannot open a heading, a fence or raw HTML.
 */
public final class SimulatedOutcomesMarkdown {

    /** The appendix heading. */
    static final String HEADING = "Simulated outcomes";

    private SimulatedOutcomesMarkdown() {
    }

    /** The appendix, starting with a blank line, or the empty string when there are no outcomes. */
    static String appendix(List<SimulatedOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        out.append("\n## ").append(HEADING).append("\n\n");
        out.append("Recorded with `quorum simulate --record`. The same model, seed and parameters reproduce each result.\n");
        for (SimulatedOutcome o : outcomes) {
            out.append("\n### ").append(inline(o.title().isBlank() ? o.model() : o.title())).append("\n\n");
            out.append("Model `").append(code(o.model())).append("`, seed ").append(inline(o.seed())).append(", ")
                    .append(inline(o.replications())).append(" replications.\n");
            if (!o.verdicts().isEmpty()) {
                out.append('\n');
                for (String v : o.verdicts()) {
                    out.append("- ").append(inline(v)).append('\n');
                }
            }
            table(out, "Metric", "95% CI", o.metrics());
            table(out, "Parameter", "Source", o.parameters());
        }
        return out.toString();
    }

    private static void table(StringBuilder out, String what, String detail, List<OutcomeValue> rows) {
        if (rows.isEmpty()) {
            return;
        }
        out.append("\n| ").append(what).append(" | Value | ").append(detail).append(" |\n|---|---|---|\n");
        for (OutcomeValue v : rows) {
            out.append("| ").append(cell(v.label().isBlank() ? v.name() : v.label())).append(" | ").append(cell(v.value()))
                    .append(" | ").append(cell(v.detail())).append(" |\n");
        }
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** One line of inline text; Markdown emphasis and link syntax from a file are shown as typed. */
    public static String inline(String text) {
        String oneLine = text.strip().replaceAll("\\s*\n\\s*", " ");
        return html(oneLine).replaceAll("([\\\\`*_\\[\\]#|])", "\\\\$1");
    }

    private static String cell(String text) {
        return inline(text);
    }

    /** Text inside a code span: backticks are dropped so the span cannot be closed early. */
    public static String code(String text) {
        return text.strip().replace("`", "").replaceAll("\\s+", " ");
    }
}
