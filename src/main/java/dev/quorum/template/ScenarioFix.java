package dev.quorum.template;

import java.util.List;

/**
 * What applying a scenario's fix changes in a design: the kind of edit, the design paths it touches, the change
 * in words, and an example of the edited value that a walkthrough can adapt.
 */
public record ScenarioFix(FixKind kind, List<String> targets, String text, String example) {

    public ScenarioFix {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
