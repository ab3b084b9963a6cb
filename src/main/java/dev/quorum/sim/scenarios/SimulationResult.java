package dev.quorum.sim.scenarios;

import java.util.List;
import java.util.Optional;

/**
 * The result of running a model on a design: the parameters used and where each came from, the metrics with
 * confidence intervals over replications, the time series, the verdicts against the design's targets, and
 * notes such as the defaults that stood in for missing design fields. Equal inputs give equal results.
 */
public record SimulationResult(String model, String title, long seed, int replications,
        List<ParameterValue> parameters, List<Metric> metrics, List<Series> series, List<Verdict> verdicts,
        List<String> notes) {

    public SimulationResult {
        parameters = List.copyOf(parameters);
        metrics = List.copyOf(metrics);
        series = List.copyOf(series);
        verdicts = List.copyOf(verdicts);
        notes = List.copyOf(notes);
    }

    /** A metric by name. */
    public Optional<Metric> metric(String name) {
        return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** A metric's value by name. */
    public double value(String name) {
        return metric(name).orElseThrow(() -> new IllegalArgumentException("no metric named " + name)).value();
    }

    /** True when some verdict is {@link Verdict.Status#MISSED}. */
    public boolean anyMissed() {
        return verdicts.stream().anyMatch(v -> v.status() == Verdict.Status.MISSED);
    }
}
