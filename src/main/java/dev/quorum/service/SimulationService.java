package dev.quorum.service;

import dev.quorum.io.DesignFile;
import dev.quorum.model.Design;
import dev.quorum.model.OutcomeValue;
import dev.quorum.model.SimulatedOutcome;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.ProgressListener;
import dev.quorum.sim.engine.Replications;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.ModelCatalog;
import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The simulation use cases the window and the command line share: list the models, see what a design
 * fills in, run a model on a design, and record the result in the design so the Markdown export shows it.
 */
public final class SimulationService {

    /** The seed used when the caller gives none. */
    public static final long DEFAULT_SEED = 1;
    /** The replications used when the caller gives none. */
    public static final int DEFAULT_REPLICATIONS = 10;

    private final ModelCatalog catalog;
    private final ModelRunner runner;

    public SimulationService() {
        this(new ModelCatalog(), Replications.defaultThreads());
    }

    /** A service over {@code catalog} running replications on up to {@code threads} threads. */
    public SimulationService(ModelCatalog catalog, int threads) {
        this.catalog = catalog;
        this.runner = new ModelRunner(threads);
    }

    /** Every model, in list order. */
    public List<Model> models() {
        return catalog.models();
    }

    /**
     * The model with this id.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public Model model(String id) {
        return catalog.find(id).orElseThrow(() -> new IllegalArgumentException("unknown model '" + id + "'; the models are: "
                + catalog.models().stream().map(Model::id).collect(Collectors.joining(", "))));
    }

    /** Why the model does not apply to the design, or empty when it does. */
    public Optional<String> notApplicable(Design design, String modelId) {
        return model(modelId).notApplicable(design);
    }

    /** The models that apply to the design, in list order. */
    public List<Model> applicableModels(Design design) {
        return catalog.models().stream().filter(m -> m.notApplicable(design).isEmpty()).toList();
    }

    /**
     * The parameter values a run of the model on this design would use, with where each comes from.
     *
     * @throws IllegalArgumentException for an unknown model, parameter or unreadable override
     */
    public ParameterSet parameters(Design design, String modelId, Map<String, String> overrides) {
        return runner.resolve(model(modelId), design, overrides);
    }

    /**
     * Runs a model on a design. The same design, model, overrides, seed and replications give the same
     * result, bit for bit, however many threads run it.
     *
     * @throws IllegalArgumentException for an unknown model or parameter, an unreadable override, or a bad
     *                                  number of replications
     * @throws dev.quorum.sim.engine.CancelledException when {@code cancellation} is cancelled
     */
    public SimulationResult run(Design design, String modelId, Map<String, String> overrides, long seed, int replications,
            ProgressListener progress, Cancellation cancellation) {
        return runner.run(model(modelId), design, overrides, seed, replications, progress, cancellation);
    }

    /** A result as the outcome recorded in a design file: every number as the text that was shown. */
    public SimulatedOutcome outcome(SimulationResult result) {
        List<OutcomeValue> parameters = new ArrayList<>();
        for (ParameterValue v : result.parameters()) {
            String source = switch (v.origin()) {
                case DESIGN -> "design: " + v.detail();
                case DEFAULT -> "default: " + v.detail();
                case OVERRIDE -> v.detail();
            };
            parameters.add(new OutcomeValue(v.name(), v.parameter().label(), v.text(), source));
        }
        List<OutcomeValue> metrics = new ArrayList<>();
        for (Metric m : result.metrics()) {
            metrics.add(new OutcomeValue(m.name(), m.label(), m.text(), interval(m)));
        }
        List<String> verdicts = result.verdicts().stream().map(Verdict::line).toList();
        return new SimulatedOutcome(result.model(), result.title(), Long.toString(result.seed()),
                Integer.toString(result.replications()), parameters, metrics, verdicts);
    }

    private static String interval(Metric m) {
        String ci = m.intervalText();
        return ci.equals("n/a") ? "" : ci;
    }

    /**
     * The design with the result recorded in it. An outcome of the same model with the same parameters is
     * replaced (a rerun with another seed or more replications); any other is kept, so what-ifs accumulate.
     */
    public Design record(Design design, SimulationResult result) {
        SimulatedOutcome outcome = outcome(result);
        List<SimulatedOutcome> kept = new ArrayList<>();
        boolean replaced = false;
        for (SimulatedOutcome o : design.outcomes()) {
            if (!replaced && o.model().equals(outcome.model()) && sameValues(o.parameters(), outcome.parameters())) {
                kept.add(outcome);
                replaced = true;
            } else {
                kept.add(o);
            }
        }
        if (!replaced) {
            kept.add(outcome);
        }
        return design.withOutcomes(kept);
    }

    /** The file with the result recorded in its design, keeping the file's header comment. */
    public DesignFile record(DesignFile file, SimulationResult result) {
        return file.withDesign(record(file.design(), result));
    }

    private static boolean sameValues(List<OutcomeValue> a, List<OutcomeValue> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).name().equals(b.get(i).name()) || !a.get(i).value().equals(b.get(i).value())) {
                return false;
            }
        }
        return true;
    }
}
