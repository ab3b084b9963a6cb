package dev.quorum.validate;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which rules run and how severe their findings are: rules to skip, severity overrides, and the
 * numeric thresholds rules use, such as what counts as a frequent query.
 */
public record ValidationConfig(Set<String> disabled, Map<String, Severity> severities, Thresholds thresholds) {

    /** Every rule at its default severity, with the default thresholds. */
    public static final ValidationConfig DEFAULT = new ValidationConfig(Set.of(), Map.of(), Thresholds.DEFAULT);

    public ValidationConfig {
        disabled = Set.copyOf(disabled);
        severities = Map.copyOf(severities);
        thresholds = thresholds == null ? Thresholds.DEFAULT : thresholds;
    }

    /** True when the rule should run. */
    public boolean enabled(String ruleId) {
        return !disabled.contains(ruleId);
    }

    /** The severity findings of this rule get. */
    public Severity severityOf(RuleInfo rule) {
        return Optional.ofNullable(severities.get(rule.id())).orElse(rule.defaultSeverity());
    }
}
