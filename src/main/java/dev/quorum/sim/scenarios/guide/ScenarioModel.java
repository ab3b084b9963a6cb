package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.Parameter;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import dev.quorum.template.ParameterUnit;
import dev.quorum.template.ScenarioCard;
import dev.quorum.template.ScenarioCatalog;
import dev.quorum.template.ScenarioParameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A model of one scenario of the guide. Its parameters are the scenario card's, so the card stays the one place
 * where a default and its source are written. It compares variants of the system on the same seeded workload, the
 * naive one first and the fix last, and names the measures on which the fix claims to do better; metrics are
 * named {@code measure_variant}. Subclasses write the replication and say what they assume.
 */
public abstract class ScenarioModel implements Model {

    private final ScenarioCard card;
    private final List<Parameter> parameters;
    private List<MetricSpec> metrics;

    /** A model for the card with id {@code cardId}, for example "noon-crash". */
    protected ScenarioModel(String cardId) {
        this.card = ScenarioCatalog.standard().card(cardId)
                .orElseThrow(() -> new IllegalArgumentException("no scenario card " + cardId));
        this.parameters = card.parameters().stream().map(p -> parameter(cardId, p)).toList();
    }

    /** The card this model demonstrates. */
    public final ScenarioCard card() {
        return card;
    }

    @Override
    public final String id() {
        return card.model();
    }

    @Override
    public final String title() {
        return card.title() + ": " + card.theme().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public final String summary() {
        return card.modelSummary();
    }

    @Override
    public final String family() {
        return "scenario";
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    /** The variants compared, the naive design first and the recommended fix last. */
    public abstract List<Variant> variants();

    /** The measures reported for every variant. */
    public abstract List<Measure> measures();

    /** Metrics reported once, not per variant (closed-form figures, break-even points); none by default. */
    protected List<MetricSpec> extraMetrics() {
        return List.of();
    }

    /** What the model assumes, one sentence each, for the documentation and the walkthrough. */
    public abstract List<String> assumptions();

    /** Published sources behind the model beyond its parameters' own, one reference each; none by default. */
    public List<String> sources() {
        return List.of();
    }

    /** How the model was checked: the closed form it matches and the test that checks it, or why none exists. */
    public abstract String validation();

    /** The variant the design already uses, with the words it was read from; empty means the naive one. */
    public Optional<DesignValue> designVariant(Design design) {
        return Optional.empty();
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return Optional.empty();
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        return Map.of();
    }

    @Override
    public final List<MetricSpec> metrics() {
        List<MetricSpec> m = metrics;
        if (m == null) {
            List<MetricSpec> out = new ArrayList<>();
            for (Measure measure : measures()) {
                for (Variant v : variants()) {
                    out.add(new MetricSpec(metricName(measure, v), measure.label() + " (" + v.label() + ")", measure.unit()));
                }
            }
            out.addAll(extraMetrics());
            m = List.copyOf(out);
            metrics = m;
        }
        return m;
    }

    /** The naive variant: what the scenario's system does before the fix. */
    public final Variant naive() {
        return variants().get(0);
    }

    /** The recommended fix. */
    public final Variant fix() {
        List<Variant> v = variants();
        return v.get(v.size() - 1);
    }

    /** The metric name of {@code measure} for {@code variant}. */
    public static String metricName(Measure measure, Variant variant) {
        return measure.name() + "_" + variant.id();
    }

    /** The variant with this id. */
    public final Optional<Variant> variant(String id) {
        return variants().stream().filter(v -> v.id().equals(id)).findFirst();
    }

    /**
     * One INFO verdict per claimed measure comparing the naive variant with the fix; models add verdicts against
     * a capacity or target by overriding and extending this.
     */
    @Override
    public List<Verdict> verdicts(ParameterSet parameters, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>();
        for (Measure measure : measures()) {
            if (!measure.claimed()) {
                continue;
            }
            Metric before = metrics.get(metricName(measure, naive()));
            Metric after = metrics.get(metricName(measure, fix()));
            if (before == null || after == null) {
                continue;
            }
            out.add(new Verdict(Verdict.Status.INFO, measure.label(), measure.label() + ": " + before.text() + " with "
                    + naive().label() + ", " + after.text() + " with " + fix().label() + change(before.value(), after.value())));
        }
        return out;
    }

    private static String change(double before, double after) {
        if (!Double.isFinite(before) || !Double.isFinite(after) || before == 0) {
            return "";
        }
        double ratio = after / before;
        if (ratio < 1) {
            return " (" + Unit.RATIO.format(1 - ratio) + " lower)";
        }
        if (ratio > 1) {
            return ratio >= 2 ? " (" + Unit.number(ratio) + "x higher)" : " (" + Unit.RATIO.format(ratio - 1) + " higher)";
        }
        return " (unchanged)";
    }

    /** The card's parameter as a model parameter: the same name, default, range and source, in base units. */
    static Parameter parameter(String cardId, ScenarioParameter p) {
        String where = "templates/scenarios/" + cardId + ".yaml: parameters." + p.name();
        try {
            ParameterUnit u = p.unit();
            double value = u.value(p.defaultText());
            double min = u.value(p.range().min());
            double max = u.value(p.range().max());
            String per = u.per(p.defaultText());
            String label = per.isEmpty() ? p.label() : p.label() + " (" + per + ")";
            return Parameter.number(p.name(), label, unit(u), value, min, max, p.source(), p.designField(), p.description());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(where + ": " + e.getMessage(), e);
        }
    }

    static Unit unit(ParameterUnit u) {
        return switch (u) {
            case DURATION -> Unit.SECONDS;
            case SIZE -> Unit.BYTES;
            case RATE -> Unit.PER_SECOND;
            case COUNT -> Unit.COUNT;
            case PERCENT -> Unit.RATIO;
            case FACTOR -> Unit.FACTOR;
            case MONEY -> Unit.DOLLARS;
        };
    }

    /**
     * One of the systems a scenario compares.
     *
     * @param id    the suffix of its metric names, snake_case
     * @param label what people read, for example "push (SSE)"
     */
    public record Variant(String id, String label) {
    }

    /** Whether a smaller or a larger value of a measure is better. */
    public enum Better {
        /** Less is better: latency, failures, cost. */
        LOWER,
        /** More is better: records kept, successful requests. */
        HIGHER
    }

    /**
     * A quantity measured for every variant.
     *
     * @param name    the prefix of its metric names, snake_case
     * @param label   what people read
     * @param unit    its unit
     * @param better  which direction is an improvement
     * @param claimed true when the fix claims to improve it; a test checks the claim on the default parameters
     */
    public record Measure(String name, String label, Unit unit, Better better, boolean claimed) {

        /** A measure the fix claims to improve. */
        public static Measure claim(String name, String label, Unit unit, Better better) {
            return new Measure(name, label, unit, better, true);
        }

        /** A measure shown for information; the fix may cost more of it (a hop, a bill). */
        public static Measure shown(String name, String label, Unit unit, Better better) {
            return new Measure(name, label, unit, better, false);
        }

        /** True when {@code after} improves on {@code before} in this measure's direction. */
        public boolean improves(double before, double after) {
            return better == Better.LOWER ? after < before : after > before;
        }
    }
}
