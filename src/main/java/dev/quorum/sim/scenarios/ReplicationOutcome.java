package dev.quorum.sim.scenarios;

import java.util.List;
import java.util.Map;

/**
 * What one replication measured: a value per metric name (NaN when the metric did not occur in this
 * replication) and its time series.
 */
public record ReplicationOutcome(Map<String, Double> values, List<Series> series) {

    public ReplicationOutcome {
        values = Map.copyOf(values);
        series = List.copyOf(series);
    }
}
