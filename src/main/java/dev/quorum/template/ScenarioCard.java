package dev.quorum.template;

import java.util.List;
import java.util.Optional;

/**
 * One scenario of the scenario guide as the product teaches it: the situation, the technical problem, the
 * solution with its mechanism and benefit, the simulation model that demonstrates it with its parameters, the
 * validation rules that catch it in a design, the fix a walkthrough can apply, and when the scenario applies.
 *
 * @param id               the stable id, also the card's file name
 * @param title            the scenario's name
 * @param theme            what the scenario is about in two or three words
 * @param group            the guide section it belongs to
 * @param scenario         the situation, told as it happens
 * @param technicalProblem the question an architect must answer
 * @param solution         the fix in one or two sentences
 * @param mechanism        how the fix works
 * @param benefit          what the fix buys, and what it costs
 * @param model            the id of the simulation model that compares the naive design with the fix
 * @param modelSummary     what that model compares and reports
 * @param parameters       the model's inputs
 * @param relatedRules     ids of validation rules that detect the scenario's problem in a design
 * @param fix              what the fix changes in a design
 * @param scope            when the scenario applies to a design, so a walkthrough can say when it does not
 */
public record ScenarioCard(
        String id,
        String title,
        String theme,
        ScenarioGroup group,
        String scenario,
        String technicalProblem,
        String solution,
        String mechanism,
        String benefit,
        String model,
        String modelSummary,
        List<ScenarioParameter> parameters,
        List<String> relatedRules,
        ScenarioFix fix,
        String scope) {

    public ScenarioCard {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        relatedRules = relatedRules == null ? List.of() : List.copyOf(relatedRules);
    }

    /** The parameter named {@code name}. */
    public Optional<ScenarioParameter> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
