package dev.quorum.model;

import java.util.List;

/** How the design wants Quorum to validate it: rules switched off or given another severity. */
public record ValidationSettings(List<RuleSetting> rules) {

    /** Every rule at its default. */
    public static final ValidationSettings DEFAULT = new ValidationSettings(List.of());

    public ValidationSettings {
        rules = Values.list(rules);
    }
}
