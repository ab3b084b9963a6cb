package dev.quorum.sim.scenarios;

import java.util.List;

/**
 * A time series for a chart: buckets of {@code width} seconds from {@code start}, one value per bucket in
 * {@code unit}. Aggregated series are the bucket-wise means over replications; NaN marks an empty bucket.
 */
public record Series(String name, String label, Unit unit, double start, double width, List<Double> values) {

    public Series {
        values = List.copyOf(values);
    }
}
