package dev.quorum.service.walkthrough;

import dev.quorum.model.Design;
import dev.quorum.model.SimulatedOutcome;
import dev.quorum.service.SimulationService;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.ProgressListener;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.guide.ScenarioModel;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Measure;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Variant;
import dev.quorum.template.ScenarioCard;
import dev.quorum.template.ScenarioCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks a design through a scenario of the guide: fits it or says why not, simulates the design's variant and the
 * fix on the design's own parameters, proposes the fix as an edit of the design, and records the outcome. The
 * window's walkthrough and {@code quorum walkthrough} both use it.
 */
public final class WalkthroughService {

    /** The title prefix of a recorded walkthrough outcome; a later walkthrough of the same scenario replaces it. */
    public static final String OUTCOME_PREFIX = "Walkthrough: ";

    private final SimulationService simulations;
    private final ScenarioCatalog catalog;

    /** A service on the given simulations and the bundled scenario cards. */
    public WalkthroughService(SimulationService simulations) {
        this.simulations = simulations;
        this.catalog = ScenarioCatalog.standard();
    }

    /** Every scenario, in the guide's order. */
    public List<ScenarioCard> scenarios() {
        return catalog.cards();
    }

    /**
     * The scenario with this id.
     *
     * @throws IllegalArgumentException naming the known ids when there is none
     */
    public ScenarioCard scenario(String id) {
        return catalog.card(id).orElseThrow(() -> new IllegalArgumentException("unknown scenario '" + id
                + "'; the scenarios are: " + String.join(", ", ScenarioCatalog.IDS)));
    }

    /** The simulation model of a scenario. */
    public ScenarioModel model(String scenarioId) {
        ScenarioCard card = scenario(scenarioId);
        Model m = simulations.model(card.model());
        if (!(m instanceof ScenarioModel sm)) {
            throw new IllegalStateException(card.model() + " is not a scenario model");
        }
        return sm;
    }

    /**
     * Walks {@code design} through a scenario. Parameters come from {@code overrides}, else the design, else the
     * card's defaults; the same seed gives the same walkthrough.
     *
     * @throws IllegalArgumentException for an unknown scenario or a bad override, with a one-line reason
     * @throws dev.quorum.sim.engine.CancelledException when cancelled
     */
    public Walkthrough run(Design design, String scenarioId, Map<String, String> overrides, long seed, int replications,
            ProgressListener progress, Cancellation cancellation) {
        ScenarioCard card = scenario(scenarioId);
        ScenarioModel model = model(scenarioId);
        Optional<String> outOfScope = model.notApplicable(design);
        Optional<DesignValue> stated = model.designVariant(design);
        Variant used = stated.flatMap(v -> model.variant(v.choice())).orElse(model.naive());
        String evidence = stated.map(v -> v.field().isBlank() ? v.text() : v.field() + ": " + v.text()).orElse("");
        boolean alreadyFixed = used.equals(model.fix());
        if (outOfScope.isPresent()) {
            FixProposal fix = FixProposal.shownOnly(card.fix().kind(), card.fix().text(), card.fix().example(),
                    "the scenario does not fit this design: " + outOfScope.get());
            return new Walkthrough(card, outOfScope, used.id(), used.label(), evidence, alreadyFixed, null, List.of(), fix);
        }
        SimulationResult result = simulations.run(design, card.model(), overrides, seed, replications, progress, cancellation);
        Variant before = alreadyFixed ? model.naive() : used;
        List<Comparison> comparisons = new ArrayList<>();
        for (Measure measure : model.measures()) {
            Optional<Metric> b = result.metric(ScenarioModel.metricName(measure, before));
            Optional<Metric> a = result.metric(ScenarioModel.metricName(measure, model.fix()));
            if (b.isPresent() && a.isPresent()) {
                comparisons.add(new Comparison(measure, before.label(), model.fix().label(), b.get(), a.get()));
            }
        }
        FixProposal fix = alreadyFixed
                ? FixProposal.shownOnly(card.fix().kind(), card.fix().text(), card.fix().example(),
                        "the design already uses " + model.fix().label() + (evidence.isEmpty() ? "" : " (" + evidence + ")"))
                : FixEditor.propose(card, design);
        return new Walkthrough(card, outOfScope, used.id(), used.label(), evidence, alreadyFixed, result, comparisons, fix);
    }

    /** The decision a walkthrough leads to when the fix is not applied. */
    public static Decision unapplied(Walkthrough w) {
        if (!w.fits()) {
            return Decision.OUT_OF_SCOPE;
        }
        return w.alreadyFixed() ? Decision.ALREADY_IN_DESIGN : Decision.NOT_APPLIED;
    }

    /**
     * The design with the walkthrough's outcome recorded: the simulation's figures, the before-and-after lines and
     * the decision. A walkthrough of the same scenario recorded before is replaced, so the design keeps the latest.
     */
    public Design record(Design design, Walkthrough w, Decision decision) {
        List<String> verdicts = new ArrayList<>();
        verdicts.add("Decision: " + decision.text());
        w.outOfScope().ifPresent(why -> verdicts.add("Out of scope: " + why));
        verdicts.add("Design variant: " + w.designVariantLabel() + (w.evidence().isEmpty() ? " (assumed)" : " (" + w.evidence() + ")"));
        for (Comparison c : w.claimed()) {
            verdicts.add(c.label() + ": " + c.before().text() + " with " + c.beforeLabel() + ", " + c.after().text()
                    + " with " + c.afterLabel() + (c.changeText().isEmpty() ? "" : " (" + c.changeText() + ")"));
        }
        SimulatedOutcome outcome;
        String title = OUTCOME_PREFIX + w.card().title();
        if (w.result() == null) {
            outcome = new SimulatedOutcome(w.card().model(), title, "", "", List.of(), List.of(), verdicts);
        } else {
            SimulatedOutcome simulated = simulations.outcome(w.result());
            w.result().verdicts().forEach(v -> verdicts.add(v.line()));
            outcome = new SimulatedOutcome(simulated.model(), title, simulated.seed(), simulated.replications(),
                    simulated.parameters(), simulated.metrics(), verdicts);
        }
        List<SimulatedOutcome> kept = new ArrayList<>();
        for (SimulatedOutcome o : design.outcomes()) {
            if (!o.title().equals(title)) {
                kept.add(o);
            }
        }
        kept.add(outcome);
        return design.withOutcomes(kept);
    }

    /**
     * {@code design} with the walkthrough's fix applied and the outcome recorded, as one edit. The fix is made
     * again on {@code design}, so edits made since the walkthrough ran are kept.
     *
     * @throws IllegalStateException with the reason when there is nothing to apply
     */
    public Design apply(Design design, Walkthrough w) {
        FixProposal fix = w.alreadyFixed() || !w.fits() ? w.fix() : FixEditor.propose(w.card(), design);
        if (!fix.applicable()) {
            throw new IllegalStateException("nothing to apply: " + fix.whyNot());
        }
        return record(fix.edited(), w, Decision.APPLIED);
    }
}
