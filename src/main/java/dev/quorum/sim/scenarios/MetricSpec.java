package dev.quorum.sim.scenarios;

/** A metric a model reports: its name (the key in JSON and CSV), what people read, and its unit. */
public record MetricSpec(String name, String label, Unit unit) {
}
