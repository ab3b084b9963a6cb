package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The lifecycle rules, in the order docs/rules.md lists them. */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new HardDeleteWithHistoryRule(),
                new PersonalDataWithoutRetentionRule(),
                new GrowingDataWithoutArchivalRule());
    }
}
