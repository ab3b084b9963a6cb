package dev.quorum.validate;

import java.util.List;

/** Writes docs/rules.md from the registry, so the rule list in the docs is never out of date. */
public final class RulesDocument {

    private RulesDocument() {
    }

    /** The Markdown page listing every rule by category with its id, severity, summary, rationale and examples. */
    public static String markdown(RuleRegistry registry, Thresholds thresholds) {
        StringBuilder out = new StringBuilder();
        out.append("# Validation rules\n\n");
        out.append("Generated from the rule registry by `quorum rules --format md -o docs/rules.md`; ")
                .append("`RulesDocumentTest` fails when this page is out of date.\n\n");
        out.append("Every rule has a stable id, a default severity, a summary, a rationale, and a bad and a good ")
                .append("example. A design can switch a rule off or change its severity (see the README).\n\n");
        out.append(registry.rules().size()).append(" rules.\n\n");
        out.append("## Thresholds\n\n");
        out.append("| threshold | default |\n|---|---|\n");
        out.append("| frequent query (hot path) | ").append(fmt(thresholds.frequentQueriesPerSecond())).append("/s |\n");
        out.append("| restore rate for RTO estimates | ").append(fmt(thresholds.restoreBytesPerSecond() / 1e6)).append(" MB/s |\n");
        out.append("| large table for unbounded reads | ").append(fmt(thresholds.largeTableRows())).append(" rows |\n");
        out.append("| indexes on a write-heavy table | ").append(thresholds.maxIndexesOnWriteHeavyTable()).append(" |\n");
        out.append("| LOB columns per table | ").append(thresholds.maxLobColumns()).append(" |\n\n");
        out.append("The sources of these defaults are in the Javadoc of `Thresholds.DEFAULT`.\n\n");
        for (RuleCategory category : RuleCategory.values()) {
            List<Rule> rules = registry.rules().stream().filter(r -> r.info().category() == category).toList();
            if (rules.isEmpty()) {
                continue;
            }
            out.append("## ").append(category.title()).append("\n\n");
            out.append("| id | severity | summary |\n|---|---|---|\n");
            for (Rule r : rules) {
                out.append("| [`").append(r.info().id()).append("`](#").append(anchor(r.info().id())).append(") | ")
                        .append(r.info().defaultSeverity().id()).append(" | ").append(cell(r.info().summary())).append(" |\n");
            }
            out.append('\n');
            for (Rule r : rules) {
                RuleInfo i = r.info();
                out.append("### ").append(i.id()).append("\n\n");
                out.append("**").append(i.defaultSeverity().id()).append("**: ").append(i.summary()).append("\n\n");
                out.append(i.rationale()).append("\n\n");
                out.append("Bad:\n\n```\n").append(i.badExample().strip()).append("\n```\n\n");
                out.append("Good:\n\n```\n").append(i.goodExample().strip()).append("\n```\n\n");
            }
        }
        return out.toString().stripTrailing() + "\n";
    }

    private static String anchor(String id) {
        return id.replace(".", "");
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.format(java.util.Locale.ROOT, "%,d", (long) v) : String.valueOf(v);
    }
}
