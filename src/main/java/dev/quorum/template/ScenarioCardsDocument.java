package dev.quorum.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders scenario cards for people: a one-line-per-card listing and a full card as plain text for terminals,
 * and Markdown for one card or for the whole docs/scenario-cards.md page.
 */
public final class ScenarioCardsDocument {

    /** Width plain text is wrapped at, so a card reads well in an 80- to 120-column terminal. */
    static final int TEXT_WIDTH = 100;

    private ScenarioCardsDocument() {
    }

    /** One line per card with id, group, title and model, then a count. */
    public static String listing(List<ScenarioCard> cards) {
        int idWidth = Math.max(2, cards.stream().mapToInt(c -> c.id().length()).max().orElse(2));
        int groupWidth = Math.max(5, cards.stream().mapToInt(c -> c.group().id().length()).max().orElse(5));
        int titleWidth = Math.max(5, cards.stream().mapToInt(c -> c.title().length()).max().orElse(5));
        String format = "%-" + idWidth + "s  %-" + groupWidth + "s  %-" + titleWidth + "s  %s%n";
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, format, "id", "group", "title", "model"));
        for (ScenarioCard c : cards) {
            b.append(String.format(Locale.ROOT, format, c.id(), c.group().id(), c.title(), c.model()));
        }
        b.append(cards.size()).append(cards.size() == 1 ? " scenario card" : " scenario cards").append('\n');
        return b.toString();
    }

    /** One card in full as plain text, wrapped for a terminal. */
    public static String text(ScenarioCard card) {
        StringBuilder b = new StringBuilder();
        b.append(card.title()).append(" (").append(card.id()).append(")\n");
        b.append(card.theme()).append(" · ").append(card.group().label()).append(" · model ").append(card.model())
                .append("\n");
        section(b, "Scenario", card.scenario());
        section(b, "Technical problem", card.technicalProblem());
        section(b, "Solution", card.solution());
        section(b, "Mechanism", card.mechanism());
        section(b, "Benefit", card.benefit());
        section(b, "Simulation model " + card.model(), card.modelSummary());
        b.append("\nParameters\n");
        for (ScenarioParameter p : card.parameters()) {
            b.append("  ").append(p.name()).append(" = ").append(p.defaultText()).append("  (")
                    .append(p.unit().id()).append(", ").append(p.range().min()).append(" to ").append(p.range().max())
                    .append(")").append(p.hasDesignField() ? "  from " + p.designField() : "").append('\n');
            wrap(b, p.label() + ": " + p.description(), "      ");
            wrap(b, "source: " + p.source(), "      ");
        }
        b.append("\nRelated rules\n");
        for (String rule : card.relatedRules()) {
            b.append("  ").append(rule).append('\n');
        }
        ScenarioFix fix = card.fix();
        b.append("\nFix (").append(fix.kind().id())
                .append(fix.targets().isEmpty() ? "; no design field" : "; edits " + String.join(", ", fix.targets()))
                .append(")\n");
        wrap(b, fix.text(), "  ");
        b.append("  Example:\n");
        for (String line : fix.example().split("\n", -1)) {
            b.append(line.isEmpty() ? "" : "    " + line).append('\n');
        }
        section(b, "Applies when", card.scope());
        return b.toString();
    }

    /** One card as a Markdown section whose heading has {@code level} hashes. */
    public static String markdown(ScenarioCard card, int level) {
        String h = "#".repeat(level);
        StringBuilder b = new StringBuilder();
        b.append(h).append(' ').append(card.title()).append("\n\n");
        b.append('`').append(card.id()).append("` · ").append(prose(card.theme())).append(" · ").append(card.group().label())
                .append(" · model `").append(card.model()).append("`\n\n");
        paragraph(b, "Scenario", card.scenario());
        paragraph(b, "Technical problem", card.technicalProblem());
        paragraph(b, "Solution", card.solution());
        paragraph(b, "Mechanism", card.mechanism());
        paragraph(b, "Benefit", card.benefit());
        paragraph(b, "Simulation model", card.modelSummary());
        b.append("| parameter | default | range | source | design field |\n|---|---|---|---|---|\n");
        for (ScenarioParameter p : card.parameters()) {
            b.append("| `").append(p.name()).append("`: ").append(cell(p.label() + ". " + p.description()))
                    .append(" | ").append(cell(p.defaultText()))
                    .append(" | ").append(cell(p.range().min() + " to " + p.range().max()))
                    .append(" | ").append(cell(p.source()))
                    .append(" | ").append(p.hasDesignField() ? "`" + p.designField() + "`" : "none")
                    .append(" |\n");
        }
        b.append('\n');
        b.append("**Related rules:** ").append(card.relatedRules().stream()
                .map(r -> "[`" + r + "`](rules.md#" + r.replace(".", "") + ")")
                .collect(Collectors.joining(", "))).append("\n\n");
        ScenarioFix fix = card.fix();
        b.append("**Fix** (").append(fix.kind().id()).append(fix.targets().isEmpty() ? "; no design field"
                : "; edits " + fix.targets().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")))
                .append("): ").append(prose(fix.text())).append("\n\n");
        b.append("```\n").append(fix.example()).append("\n```\n\n");
        b.append("**Applies when:** ").append(prose(card.scope())).append('\n');
        return b.toString();
    }

    /** The docs/scenario-cards.md page: an index of every card, then the cards grouped by guide section. */
    public static String page(List<ScenarioCard> cards) {
        StringBuilder b = new StringBuilder();
        b.append("# Scenario cards\n\n");
        b.append("Generated from `templates/scenarios/*.yaml` by `quorum scenarios --format md -o docs/scenario-cards.md`; "
                + "`ScenariosCommandTest` fails when this page is out of date.\n\n");
        b.append("Each card is one scenario of the scenario guide in Quorum's words, with the guide's garbled numbers "
                + "corrected: the situation, the technical problem, the solution with its mechanism and benefit, the "
                + "simulation model that compares the naive design with the fix, that model's parameters with their "
                + "defaults, units, ranges, sources and the design fields that fill them, the validation rules that "
                + "detect the problem, the fix a walkthrough can apply, and when the scenario applies to a design. "
                + "A source that says \"assumption\" is an engineering guess, not a published figure.\n\n");
        b.append(cards.size()).append(" cards.\n\n");
        b.append("| card | group | model | parameters | fix |\n|---|---|---|---|---|\n");
        for (ScenarioCard c : cards) {
            b.append("| [").append(c.title()).append("](#").append(anchor(c.title())).append(") (`").append(c.id())
                    .append("`) | ").append(c.group().label()).append(" | `").append(c.model()).append("` | ")
                    .append(c.parameters().size()).append(" | ").append(c.fix().kind().id()).append(" |\n");
        }
        for (ScenarioGroup g : ScenarioGroup.values()) {
            List<ScenarioCard> inGroup = new ArrayList<>();
            for (ScenarioCard c : cards) {
                if (c.group() == g) {
                    inGroup.add(c);
                }
            }
            if (inGroup.isEmpty()) {
                continue;
            }
            b.append("\n## ").append(g.label()).append('\n');
            for (ScenarioCard c : inGroup) {
                b.append('\n').append(markdown(c, 3));
            }
        }
        return b.toString();
    }

    /** The anchor GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchor(String heading) {
        return heading.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 -]", "").replace(' ', '-');
    }

    private static void section(StringBuilder b, String heading, String text) {
        b.append('\n').append(heading).append('\n');
        wrap(b, text, "  ");
    }

    private static void paragraph(StringBuilder b, String heading, String text) {
        b.append("**").append(heading).append(".** ").append(prose(text.strip())).append("\n\n");
    }

    private static String cell(String text) {
        return prose(text.replace("\n", " ")).replace("|", "\\|");
    }

    /**
     * Escapes the characters GitHub would read as markup in running text: two dollar signs make a math span
     * ("$0.20 ... $6"), an asterisk starts emphasis and an angle bracket starts an HTML tag.
     */
    static String prose(String text) {
        return text.replace("\\", "\\\\").replace("$", "\\$").replace("*", "\\*").replace("<", "&lt;");
    }

    /** Appends {@code text} as lines of at most {@link #TEXT_WIDTH} characters, each starting with {@code indent}. */
    static void wrap(StringBuilder b, String text, String indent) {
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > TEXT_WIDTH) {
                b.append(line).append('\n');
                line.setLength(0);
                line.append(indent);
            }
            if (line.length() > indent.length()) {
                line.append(' ');
            }
            line.append(word);
        }
        b.append(line).append('\n');
    }
}
