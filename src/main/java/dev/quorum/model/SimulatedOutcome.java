package dev.quorum.model;

import java.util.List;

/**
 * A simulation result recorded in the design: which model ran, with which seed and how many replications,
 * the parameters it used, the metrics it measured and its verdicts against the design's targets. The seed
 * and the parameters are enough to run it again and get the same figures.
 */
public record SimulatedOutcome(
        String model,
        String title,
        String seed,
        String replications,
        List<OutcomeValue> parameters,
        List<OutcomeValue> metrics,
        List<String> verdicts) {

    public SimulatedOutcome {
        model = Values.text(model);
        title = Values.text(title);
        seed = Values.text(seed);
        replications = Values.text(replications);
        parameters = Values.list(parameters);
        metrics = Values.list(metrics);
        verdicts = Values.list(verdicts);
    }
}
