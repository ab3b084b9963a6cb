package dev.quorum.service.walkthrough;

import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.template.ScenarioCard;
import java.util.List;
import java.util.Optional;

/**
 * One guide scenario walked through against one design: the card, whether the scenario fits the design, which
 * variant the design uses and the words that say so, the simulation of every variant on the design's own
 * parameters, the before-and-after comparison, and what the fix would change in the design.
 *
 * @param card            the scenario
 * @param outOfScope      why the scenario does not fit the design; empty when it does
 * @param designVariant   the id of the variant the design uses now (the naive one unless the design says otherwise)
 * @param designVariantLabel that variant as people read it
 * @param evidence        the design field and words that show the variant, empty when assumed
 * @param alreadyFixed    true when the design already uses the recommended fix
 * @param result          the simulation, or null when the scenario is out of scope
 * @param comparisons     before and after per measure, empty when out of scope
 * @param fix             what the fix would change in the design
 */
public record Walkthrough(ScenarioCard card, Optional<String> outOfScope, String designVariant, String designVariantLabel,
        String evidence, boolean alreadyFixed, SimulationResult result, List<Comparison> comparisons, FixProposal fix) {

    public Walkthrough {
        comparisons = List.copyOf(comparisons);
        evidence = evidence == null ? "" : evidence;
    }

    /** True when the scenario fits the design and was simulated. */
    public boolean fits() {
        return outOfScope.isEmpty();
    }

    /** The comparisons of the measures the fix claims to improve. */
    public List<Comparison> claimed() {
        return comparisons.stream().filter(c -> c.measure().claimed()).toList();
    }
}
