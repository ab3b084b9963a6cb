package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A simulation model: the contract every what-if and guide scenario fulfils. A model declares its
 * parameters and metrics, reads what it can from a design, runs one replication for a seed, and judges the
 * aggregated metrics against the design's targets. {@link ModelRunner} does the rest (defaults, overrides,
 * parallel replications, confidence intervals), so a model holds only its own logic.
 */
public interface Model {

    /** The stable id used on the command line, for example "failover". */
    String id();

    /** The title people read. */
    String title();

    /** One or two sentences on what the model shows. */
    String summary();

    /** The family the model belongs to, for grouping in lists: "what-if" for the design's own what-ifs. */
    default String family() {
        return "what-if";
    }

    /** The parameters, in the order they are shown. */
    List<Parameter> parameters();

    /** The metrics every replication reports, in the order they are shown. */
    List<MetricSpec> metrics();

    /** Why the model does not apply to {@code design}, or empty when it does. */
    Optional<String> notApplicable(Design design);

    /** What {@code design} states for this model's parameters, by parameter name; absent names take defaults. */
    Map<String, DesignValue> fromDesign(Design design);

    /** Runs one replication; it must depend only on the parameters and the seed. */
    ReplicationOutcome replicate(ParameterSet parameters, long seed, Cancellation cancellation);

    /** The verdicts on the aggregated metrics (by name) against the targets in the parameters. */
    List<Verdict> verdicts(ParameterSet parameters, Map<String, Metric> metrics);
}
