package dev.quorum.service.walkthrough;

import dev.quorum.service.SimulatedOutcomesMarkdown;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import dev.quorum.template.ScenarioCard;
import java.util.List;
import java.util.Locale;

/**
 * A walkthrough as text for a terminal or as Markdown, in its six steps: the scenario, how the design fares, the
 * mechanism, the fix simulated, what the fix changes, and the outcome. Pure functions of the walkthrough, so the
 * same walkthrough always prints the same bytes.
 */
public final class WalkthroughReport {

    /** The titles of the six steps, in order; the window's wizard uses the same. */
    public static final List<String> STEPS = List.of("The scenario", "How this design fares", "The mechanism and the fix",
            "The fix simulated", "What the fix changes in the design", "The outcome");

    private static final int BAR_WIDTH = 40;

    private WalkthroughReport() {
    }

    /** The walkthrough as plain text; {@code decision} is what was decided, or null when nothing was yet. */
    public static String text(String source, Walkthrough w, Decision decision) {
        return render(new Text(), source, w, decision);
    }

    /** The walkthrough as Markdown, with user text escaped so a design cannot open headings or HTML. */
    public static String markdown(String source, Walkthrough w, Decision decision) {
        return render(new Markdown(), source, w, decision);
    }

    private static String render(Out out, String source, Walkthrough w, Decision decision) {
        ScenarioCard card = w.card();
        out.title("Walkthrough: " + card.title() + " (" + card.theme() + ")", source);

        out.step(1);
        out.paragraph(card.scenario());
        out.paragraph("Why it matters: " + card.technicalProblem());

        out.step(2);
        if (!w.fits()) {
            out.paragraph("This scenario does not fit the design: " + w.outOfScope().orElseThrow()
                    + ". Quorum does not simulate it here rather than invent numbers.");
            out.paragraph("The scenario applies when " + lowerFirst(card.scope()));
        } else {
            SimulationResult r = w.result();
            out.paragraph("The design uses " + w.designVariantLabel() + (w.evidence().isEmpty()
                    ? " (assumed: the design does not say otherwise)." : ", as it states in " + w.evidence() + "."));
            out.paragraph("Simulated with model " + r.model() + ", seed " + r.seed() + ", " + r.replications()
                    + " replications, on these parameters:");
            out.table(List.of("Parameter", "Value", "From"), r.parameters().stream()
                    .map(v -> List.of(v.parameter().label(), v.text(), origin(v))).toList());
            out.paragraph("How " + w.designVariantLabel() + " fares:");
            out.table(List.of("Measure", "Value", "95% CI"), w.comparisons().stream()
                    .map(c -> {
                        Metric m = w.alreadyFixed() ? c.after() : c.before();
                        return List.of(c.label(), m.text(), m.intervalText());
                    }).toList());
            for (Verdict v : r.verdicts()) {
                if (v.status() != Verdict.Status.INFO) {
                    out.bullet(v.status() + ": " + v.text());
                }
            }
            for (String note : r.notes()) {
                out.bullet(note);
            }
        }

        out.step(3);
        out.paragraph(card.solution());
        out.paragraph("How it works: " + card.mechanism());
        out.paragraph("What it buys: " + card.benefit());

        out.step(4);
        if (!w.fits()) {
            out.paragraph("Not simulated: the scenario does not fit the design.");
        } else {
            Comparison first = w.comparisons().isEmpty() ? null : w.comparisons().get(0);
            String before = first == null ? "before" : first.beforeLabel();
            String after = first == null ? "after" : first.afterLabel();
            if (w.alreadyFixed()) {
                out.paragraph("The design already uses the fix; here is what it avoids compared with " + before + ".");
            }
            out.table(List.of("Measure", capitalise(before), capitalise(after), "Change"), w.comparisons().stream()
                    .map(c -> List.of(c.label() + (c.measure().claimed() ? "" : " (cost)"), c.before().text(),
                            c.after().text(), c.changeText())).toList());
            for (Comparison c : w.claimed()) {
                out.chart(c);
            }
        }

        out.step(5);
        FixProposal fix = w.fix();
        out.paragraph(fix.text());
        if (fix.applicable()) {
            out.paragraph("Applying it makes these edits, as one step that can be undone:");
            fix.changes().forEach(out::bullet);
        } else {
            out.paragraph("Nothing is applied: " + fix.whyNot() + ".");
        }
        if (!fix.example().isBlank()) {
            out.paragraph("Example:");
            out.code(fix.example());
        }

        out.step(6);
        if (decision == null) {
            out.paragraph("Not recorded yet. In the window, Apply records the outcome with the fix; with the command line, "
                    + "--apply writes the fix and the outcome into the design file, --record only the outcome.");
        } else {
            out.paragraph("Recorded in the design under 'Simulated outcomes': " + decision.text() + ".");
        }
        return out.done();
    }

    private static String origin(ParameterValue v) {
        return switch (v.origin()) {
            case DESIGN -> "design: " + v.detail();
            case DEFAULT -> "default: " + v.detail();
            case OVERRIDE -> v.detail();
        };
    }

    private static String lowerFirst(String s) {
        String t = s.strip();
        return t.isEmpty() ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A horizontal bar for each side of a comparison, scaled to the larger of the two. */
    static String[] bars(Comparison c) {
        double b = c.before().value();
        double a = c.after().value();
        double max = Math.max(Math.abs(b), Math.abs(a));
        int bw = max > 0 && Double.isFinite(b) ? (int) Math.round(BAR_WIDTH * Math.abs(b) / max) : 0;
        int aw = max > 0 && Double.isFinite(a) ? (int) Math.round(BAR_WIDTH * Math.abs(a) / max) : 0;
        return new String[] {"#".repeat(bw), "#".repeat(aw)};
    }

    /** Where the report is written; text and Markdown differ only in how a block looks. */
    private interface Out {
        void title(String title, String source);

        void step(int number);

        void paragraph(String text);

        void bullet(String text);

        void table(List<String> header, List<List<String>> rows);

        void code(String text);

        void chart(Comparison c);

        String done();
    }

    private static final class Text implements Out {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void title(String title, String source) {
            out.append(title).append("  [").append(source).append("]\n");
        }

        @Override
        public void step(int number) {
            String t = number + ". " + STEPS.get(number - 1);
            out.append('\n').append(t).append('\n').append("-".repeat(t.length())).append('\n');
        }

        @Override
        public void paragraph(String text) {
            out.append(wrap(text.strip().replaceAll("\\s+", " "), 100, "")).append('\n');
        }

        @Override
        public void bullet(String text) {
            out.append(wrap(text.strip().replaceAll("\\s+", " "), 100, "  - ")).append('\n');
        }

        @Override
        public void table(List<String> header, List<List<String>> rows) {
            int[] w = new int[header.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = header.get(i).length();
                for (List<String> r : rows) {
                    w[i] = Math.max(w[i], r.get(i).length());
                }
            }
            line(header, w);
            for (List<String> r : rows) {
                line(r, w);
            }
        }

        private void line(List<String> cells, int[] w) {
            StringBuilder l = new StringBuilder("  ");
            for (int i = 0; i < cells.size(); i++) {
                l.append(i == cells.size() - 1 ? cells.get(i) : String.format(Locale.ROOT, "%-" + w[i] + "s  ", cells.get(i)));
            }
            out.append(l.toString().stripTrailing()).append('\n');
        }

        @Override
        public void code(String text) {
            for (String l : text.stripTrailing().split("\n", -1)) {
                out.append("    ").append(l).append('\n');
            }
        }

        @Override
        public void chart(Comparison c) {
            String[] bars = bars(c);
            int w = Math.max(c.beforeLabel().length(), c.afterLabel().length());
            out.append('\n').append("  ").append(c.label()).append('\n');
            out.append(String.format(Locale.ROOT, "    %-" + w + "s |%s %s%n", c.beforeLabel(), bars[0], c.before().text()));
            out.append(String.format(Locale.ROOT, "    %-" + w + "s |%s %s%n", c.afterLabel(), bars[1], c.after().text()));
        }

        @Override
        public String done() {
            return out.toString();
        }

        private static String wrap(String text, int width, String lead) {
            StringBuilder out = new StringBuilder();
            StringBuilder line = new StringBuilder(lead);
            String indent = " ".repeat(lead.length());
            for (String word : text.split(" ")) {
                if (line.length() > lead.length() && line.length() + 1 + word.length() > width) {
                    out.append(line).append('\n');
                    line = new StringBuilder(indent);
                } else if (line.length() > lead.length()) {
                    line.append(' ');
                }
                line.append(word);
            }
            return out.append(line).toString();
        }
    }

    private static final class Markdown implements Out {
        private final StringBuilder out = new StringBuilder();

        @Override
        public void title(String title, String source) {
            out.append("# ").append(inline(title)).append("\n\n").append("Design: `")
                    .append(SimulatedOutcomesMarkdown.code(source)).append("`\n");
        }

        @Override
        public void step(int number) {
            out.append("\n## ").append(number).append(". ").append(STEPS.get(number - 1)).append('\n');
        }

        @Override
        public void paragraph(String text) {
            out.append('\n').append(inline(text)).append('\n');
        }

        @Override
        public void bullet(String text) {
            if (out.charAt(out.length() - 1) == '\n' && !out.toString().endsWith("\n- ") && !lastLineIsBullet()) {
                out.append('\n');
            }
            out.append("- ").append(inline(text)).append('\n');
        }

        private boolean lastLineIsBullet() {
            int end = out.length() - 1;
            int start = out.lastIndexOf("\n", end - 1) + 1;
            return out.substring(start).startsWith("- ");
        }

        @Override
        public void table(List<String> header, List<List<String>> rows) {
            out.append("\n|");
            header.forEach(h -> out.append(' ').append(inline(h)).append(" |"));
            out.append("\n|");
            header.forEach(h -> out.append("---|"));
            out.append('\n');
            for (List<String> r : rows) {
                out.append('|');
                r.forEach(c -> out.append(' ').append(inline(c)).append(" |"));
                out.append('\n');
            }
        }

        @Override
        public void code(String text) {
            int fence = 3;
            while (text.contains("`".repeat(fence))) {
                fence++;
            }
            String f = "`".repeat(fence);
            out.append('\n').append(f).append('\n').append(text.stripTrailing()).append('\n').append(f).append('\n');
        }

        @Override
        public void chart(Comparison c) {
            String[] bars = bars(c);
            code(c.label() + "\n" + c.beforeLabel() + " |" + bars[0] + " " + c.before().text() + "\n" + c.afterLabel() + " |"
                    + bars[1] + " " + c.after().text());
        }

        @Override
        public String done() {
            return out.toString();
        }

        private static String inline(String text) {
            return SimulatedOutcomesMarkdown.inline(text);
        }
    }
}
