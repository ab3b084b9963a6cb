package dev.quorum.sim.scenarios;

/**
 * A metric over all replications: the mean of the per-replication values and its 95% confidence interval
 * (NaN bounds with a single replication). {@code n} counts the replications where the metric occurred.
 */
public record Metric(String name, String label, Unit unit, double value, double low, double high, int n) {

    /** The value in human form, for example "1.2 s". */
    public String text() {
        return unit.format(value);
    }

    /** The confidence interval in human form, for example "1.1 s to 1.3 s"; "n/a" when unknown. */
    public String intervalText() {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return "n/a";
        }
        return unit.format(low) + " to " + unit.format(high);
    }
}
