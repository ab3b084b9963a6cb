package dev.quorum.model;

/** One rule the design configures: the rule id, its level, and why (so reviewers see the reason). */
public record RuleSetting(String rule, RuleLevel level, String reason) {

    public RuleSetting {
        rule = Values.text(rule);
        reason = Values.text(reason);
    }
}
