package dev.quorum.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * Simulation results as text for people, JSON for scripts and charts, and CSV for spreadsheets. Numbers in
 * JSON and CSV are in the base unit (seconds, per second, bytes, ratios from 0 to 1); text shows them in
 * human form. Output depends only on the results, so equal results give byte-identical reports.
 */
public final class SimulationReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SimulationReport() {
    }

    /** The results as text: parameters with their sources, metrics with confidence intervals, verdicts, notes. */
    public static String text(String source, List<SimulationResult> results) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < results.size(); i++) {
            if (i > 0) {
                out.append('\n');
            }
            text(out, source, results.get(i));
        }
        return out.toString();
    }

    private static void text(StringBuilder out, String source, SimulationResult r) {
        out.append(r.title()).append("  [").append(source).append("]\n");
        out.append("model ").append(r.model()).append(", seed ").append(r.seed()).append(", ").append(r.replications())
                .append(r.replications() == 1 ? " replication" : " replications").append("\n\n");
        out.append("Verdicts\n");
        for (Verdict v : r.verdicts()) {
            out.append(String.format(Locale.ROOT, "  %-7s %s%n", v.status(), v.text()));
        }
        out.append("\nMetrics (mean over replications, 95% confidence interval)\n");
        int width = r.metrics().stream().mapToInt(m -> m.label().length()).max().orElse(10);
        for (Metric m : r.metrics()) {
            out.append(String.format(Locale.ROOT, "  %-" + width + "s  %-14s %s%n", m.label(), m.text(), m.intervalText()));
        }
        out.append("\nParameters\n");
        int pw = r.parameters().stream().mapToInt(v -> v.name().length()).max().orElse(10);
        for (ParameterValue v : r.parameters()) {
            out.append(String.format(Locale.ROOT, "  %-" + pw + "s  %-14s %s%n", v.name(), v.text(), origin(v)));
        }
        if (!r.series().isEmpty()) {
            out.append("\nTime series (values with --format json or csv)\n");
            for (Series s : r.series()) {
                out.append("  ").append(s.name()).append(": ").append(s.label()).append(", ").append(s.values().size())
                        .append(" buckets of ").append(dev.quorum.sim.scenarios.Unit.SECONDS.format(s.width())).append('\n');
            }
        }
        if (!r.notes().isEmpty()) {
            out.append("\nNotes\n");
            for (String n : r.notes()) {
                out.append("  - ").append(n).append('\n');
            }
        }
    }

    private static String origin(ParameterValue v) {
        return switch (v.origin()) {
            case DESIGN -> "design: " + v.detail();
            case DEFAULT -> "default: " + v.detail();
            case OVERRIDE -> v.detail();
        };
    }

    /** The results as one JSON document: {"design": ..., "results": [...]}. */
    public static String json(String source, List<SimulationResult> results) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("design", source);
        ArrayNode array = root.putArray("results");
        for (SimulationResult r : results) {
            ObjectNode n = array.addObject();
            n.put("model", r.model());
            n.put("title", r.title());
            n.put("seed", r.seed());
            n.put("replications", r.replications());
            ArrayNode params = n.putArray("parameters");
            for (ParameterValue v : r.parameters()) {
                ObjectNode p = params.addObject();
                p.put("name", v.name());
                p.put("label", v.parameter().label());
                if (v.parameter().isChoice()) {
                    p.put("value", v.choice());
                } else {
                    number(p, "value", v.number());
                }
                p.put("unit", v.parameter().unit().symbol());
                p.put("text", v.text());
                p.put("origin", v.origin().name().toLowerCase(Locale.ROOT));
                p.put("source", v.detail());
                p.put("design_field", v.parameter().designField());
            }
            ArrayNode metrics = n.putArray("metrics");
            for (Metric m : r.metrics()) {
                ObjectNode o = metrics.addObject();
                o.put("name", m.name());
                o.put("label", m.label());
                number(o, "value", m.value());
                number(o, "ci_low", m.low());
                number(o, "ci_high", m.high());
                o.put("unit", m.unit().symbol());
                o.put("n", m.n());
                o.put("text", m.text());
            }
            ArrayNode verdicts = n.putArray("verdicts");
            for (Verdict v : r.verdicts()) {
                ObjectNode o = verdicts.addObject();
                o.put("status", v.status().name());
                o.put("target", v.target());
                o.put("text", v.text());
            }
            ArrayNode series = n.putArray("series");
            for (Series s : r.series()) {
                ObjectNode o = series.addObject();
                o.put("name", s.name());
                o.put("label", s.label());
                o.put("unit", s.unit().symbol());
                o.put("start", s.start());
                o.put("width", s.width());
                ArrayNode values = o.putArray("values");
                for (double v : s.values()) {
                    if (Double.isFinite(v)) {
                        values.add(v);
                    } else {
                        values.addNull();
                    }
                }
            }
            ArrayNode notes = n.putArray("notes");
            r.notes().forEach(notes::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree built in memory could not be written", e);
        }
    }

    /** JSON has no NaN or infinity: those become null, and the "text" field says what they were. */
    private static void number(ObjectNode node, String field, double value) {
        if (Double.isFinite(value)) {
            node.put(field, value);
        } else {
            node.putNull(field);
        }
    }

    /** The results as CSV rows: model, kind (parameter, metric, verdict, series), name, label, value, unit, ci_low, ci_high, detail. */
    public static String csv(List<SimulationResult> results) {
        StringBuilder out = new StringBuilder("model,kind,name,label,value,unit,ci_low,ci_high,detail\n");
        for (SimulationResult r : results) {
            for (ParameterValue v : r.parameters()) {
                row(out, r.model(), "parameter", v.name(), v.parameter().label(),
                        v.parameter().isChoice() ? text(v.choice()) : num(v.number()), v.parameter().unit().symbol(), "", "",
                        text(v.origin().name().toLowerCase(Locale.ROOT) + ": " + v.detail()));
            }
            for (Metric m : r.metrics()) {
                row(out, r.model(), "metric", m.name(), m.label(), num(m.value()), m.unit().symbol(), num(m.low()),
                        num(m.high()), text(m.text()));
            }
            for (Verdict v : r.verdicts()) {
                row(out, r.model(), "verdict", v.status().name(), v.target(), "", "", "", "", text(v.text()));
            }
            for (Series s : r.series()) {
                for (int i = 0; i < s.values().size(); i++) {
                    // For a series row, the label column holds the bucket's start time in seconds.
                    row(out, r.model(), "series", s.name(), num(s.start() + i * s.width()), num(s.values().get(i)),
                            s.unit().symbol(), "", "", "");
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quote(cells[i]));
        }
        out.append('\n');
    }

    private static String num(double v) {
        return Double.isFinite(v) ? Double.toString(v) : Double.isNaN(v) ? "" : (v > 0 ? "Infinity" : "-Infinity");
    }

    /** Text from a design may start with a spreadsheet formula sign; a leading apostrophe keeps it text. */
    private static String text(String s) {
        return !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
    }

    private static String quote(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
