package dev.quorum.validate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Runs rules over a design. Validation is a pure function of the context and the config: the same
 * input gives the same findings in the same order.
 */
public final class Validator {

    /** The order findings are reported in: most severe first, then by where they point. */
    public static final Comparator<Finding> ORDER = Comparator.comparing(Finding::severity)
            .thenComparing(f -> f.location().path())
            .thenComparingInt(f -> f.location().textLine())
            .thenComparing(Finding::ruleId)
            .thenComparing(Finding::message);

    private final RuleRegistry registry;

    public Validator(RuleRegistry registry) {
        this.registry = registry;
    }

    /** The registry this validator runs. */
    public RuleRegistry registry() {
        return registry;
    }

    /** Every finding of every enabled rule, sorted by {@link #ORDER}. */
    public List<Finding> validate(DesignContext context, ValidationConfig config) {
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : registry.rules()) {
            RuleInfo info = rule.info();
            if (!config.enabled(info.id())) {
                continue;
            }
            Severity severity = config.severityOf(info);
            try {
                rule.check(context, (location, message, fix) ->
                        findings.add(new Finding(info.id(), severity, location, message, fix)));
            } catch (RuntimeException | StackOverflowError e) {
                // A broken rule must be visible: silence would read as "no problems".
                findings.add(new Finding(info.id(), Severity.ERROR, Location.field("", ""),
                        "rule " + info.id() + " failed: " + e, "Report this as a bug in Quorum."));
            }
        }
        findings.sort(ORDER);
        return findings;
    }
}
