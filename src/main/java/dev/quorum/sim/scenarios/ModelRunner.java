package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.ProgressListener;
import dev.quorum.sim.engine.Replications;
import dev.quorum.sim.engine.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs a model on a design: fills each parameter from the caller, else the design, else the documented
 * default; runs the replications in parallel; and summarises them into a {@link SimulationResult}.
 */
public final class ModelRunner {

    /** The largest number of replications one run may ask for. */
    public static final int MAX_REPLICATIONS = 10_000;

    private final int threads;

    /** A runner using one thread per processor. */
    public ModelRunner() {
        this(Replications.defaultThreads());
    }

    /** A runner using up to {@code threads} threads; the result does not depend on it. */
    public ModelRunner(int threads) {
        this.threads = Math.max(1, threads);
    }

    /**
     * The parameter values for a run: each override, else what the design states, else the default.
     *
     * @throws IllegalArgumentException with a one-line message naming the parameter for an unknown name, an
     *                                  unreadable value or a value outside the parameter's range
     */
    public ParameterSet resolve(Model model, Design design, Map<String, String> overrides) {
        Map<String, String> left = new LinkedHashMap<>(overrides);
        Map<String, DesignValue> stated = design == null ? Map.of() : model.fromDesign(design);
        List<ParameterValue> values = new ArrayList<>();
        for (Parameter p : model.parameters()) {
            String override = left.remove(p.name());
            if (override != null) {
                values.add(fromOverride(model, p, override));
            } else if (stated.containsKey(p.name())) {
                values.add(fromDesign(p, stated.get(p.name())));
            } else {
                values.add(new ParameterValue(p, p.defaultValue(), p.defaultChoice(), ParameterValue.Origin.DEFAULT,
                        p.source()));
            }
        }
        if (!left.isEmpty()) {
            String known = model.parameters().stream().map(Parameter::name).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("model " + model.id() + " has no parameter '" + left.keySet().iterator().next()
                    + "'; its parameters are: " + known);
        }
        return new ParameterSet(values);
    }

    private static ParameterValue fromOverride(Model model, Parameter p, String text) {
        String where = "--param " + p.name() + "=" + text;
        if (p.isChoice()) {
            String v = text.strip();
            if (!p.options().contains(v)) {
                throw new IllegalArgumentException(where + ": expected one of " + String.join(", ", p.options()));
            }
            return new ParameterValue(p, Double.NaN, v, ParameterValue.Origin.OVERRIDE, "set for this run");
        }
        double value;
        try {
            value = p.unit().parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (!(value >= p.min() && value <= p.max())) {
            throw new IllegalArgumentException(where + ": " + p.label() + " must be between " + p.unit().format(p.min())
                    + " and " + p.unit().format(p.max()) + " for model " + model.id());
        }
        return new ParameterValue(p, value, "", ParameterValue.Origin.OVERRIDE, "set for this run");
    }

    private static ParameterValue fromDesign(Parameter p, DesignValue d) {
        String evidence = d.field() + (d.text().isBlank() ? "" : ": " + d.text());
        if (p.isChoice()) {
            if (!p.options().contains(d.choice())) {
                return new ParameterValue(p, Double.NaN, p.defaultChoice(), ParameterValue.Origin.DEFAULT,
                        evidence + " is not one of " + p.options() + "; " + p.source());
            }
            return new ParameterValue(p, Double.NaN, d.choice(), ParameterValue.Origin.DESIGN, evidence);
        }
        double v = d.number();
        if (Double.isNaN(v)) {
            return new ParameterValue(p, p.defaultValue(), "", ParameterValue.Origin.DEFAULT, p.source());
        }
        // A design may state a figure beyond what the model can run; the nearest allowed value is used and said so.
        if (v < p.min()) {
            return new ParameterValue(p, p.min(), "", ParameterValue.Origin.DESIGN,
                    evidence + " (below the model's range; " + p.unit().format(p.min()) + " used)");
        }
        if (v > p.max()) {
            return new ParameterValue(p, p.max(), "", ParameterValue.Origin.DESIGN,
                    evidence + " (above the model's range; " + p.unit().format(p.max()) + " used)");
        }
        return new ParameterValue(p, v, "", ParameterValue.Origin.DESIGN, evidence);
    }

    /** Runs {@code model} on {@code design} with overrides; see {@link #run(Model, ParameterSet, long, int, ProgressListener, Cancellation)}. */
    public SimulationResult run(Model model, Design design, Map<String, String> overrides, long seed, int replications,
            ProgressListener progress, Cancellation cancellation) {
        return run(model, resolve(model, design, overrides), seed, replications, progress, cancellation);
    }

    /**
     * Runs {@code replications} replications of {@code model} in parallel and summarises them.
     *
     * @throws dev.quorum.sim.engine.CancelledException when cancelled
     */
    public SimulationResult run(Model model, ParameterSet parameters, long seed, int replications,
            ProgressListener progress, Cancellation cancellation) {
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            throw new IllegalArgumentException("replications must be between 1 and " + MAX_REPLICATIONS + ", not " + replications);
        }
        List<ReplicationOutcome> outcomes = Replications.run(replications, seed, threads,
                (index, replicationSeed, cancel) -> model.replicate(parameters, replicationSeed, cancel),
                progress, cancellation);
        List<Metric> metrics = new ArrayList<>();
        Map<String, Metric> byName = new LinkedHashMap<>();
        for (MetricSpec spec : model.metrics()) {
            List<Double> values = new ArrayList<>(outcomes.size());
            for (ReplicationOutcome o : outcomes) {
                values.add(o.values().getOrDefault(spec.name(), Double.NaN));
            }
            Summary s = Summary.of(values);
            Metric m = new Metric(spec.name(), spec.label(), spec.unit(), s.mean(), clampLow(s.low(), values),
                    clampHigh(s.high(), values, spec.unit()), s.n());
            metrics.add(m);
            byName.put(m.name(), m);
        }
        List<Verdict> verdicts = model.verdicts(parameters, byName);
        return new SimulationResult(model.id(), model.title(), seed, replications, parameters.values(), metrics,
                averageSeries(outcomes), verdicts, notes(parameters));
    }

    /** An interval never reaches below zero for a quantity that cannot be negative. */
    private static double clampLow(double low, List<Double> values) {
        boolean nonNegative = values.stream().allMatch(v -> Double.isNaN(v) || v >= 0);
        return nonNegative && low < 0 ? 0 : low;
    }

    /** A share's interval never reaches above 100%. */
    private static double clampHigh(double high, List<Double> values, Unit unit) {
        boolean withinOne = values.stream().allMatch(v -> Double.isNaN(v) || v <= 1);
        return unit == Unit.RATIO && withinOne && high > 1 ? 1 : high;
    }

    private static List<Series> averageSeries(List<ReplicationOutcome> outcomes) {
        List<Series> out = new ArrayList<>();
        for (Series first : outcomes.get(0).series()) {
            List<List<Double>> all = new ArrayList<>();
            for (ReplicationOutcome o : outcomes) {
                o.series().stream().filter(s -> s.name().equals(first.name())).findFirst().ifPresent(s -> all.add(s.values()));
            }
            int length = all.stream().mapToInt(List::size).min().orElse(0);
            List<Double> mean = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                double sum = 0;
                int n = 0;
                for (List<Double> values : all) {
                    double v = values.get(i);
                    if (!Double.isNaN(v)) {
                        sum += v;
                        n++;
                    }
                }
                mean.add(n == 0 ? Double.NaN : sum / n);
            }
            out.add(new Series(first.name(), first.label(), first.unit(), first.start(), first.width(), mean));
        }
        return out;
    }

    private static List<String> notes(ParameterSet parameters) {
        List<String> notes = new ArrayList<>();
        for (ParameterValue v : parameters.values()) {
            Parameter p = v.parameter();
            if (v.origin() == ParameterValue.Origin.DEFAULT && !p.designField().isBlank()) {
                notes.add("The design does not state " + p.label().toLowerCase(java.util.Locale.ROOT) + " ("
                        + p.designField() + "); the default " + v.text() + " applies: " + v.detail());
            }
        }
        return notes;
    }
}
