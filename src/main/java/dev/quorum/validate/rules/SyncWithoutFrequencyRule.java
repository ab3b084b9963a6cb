package dev.quorum.validate.rules;

import dev.quorum.model.SyncStrategy;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;

/** Reports a synchronization strategy that does not say how often it runs. */
public final class SyncWithoutFrequencyRule extends AbstractRule {

    public SyncWithoutFrequencyRule() {
        super("consistency.sync-without-frequency", Severity.WARNING, RuleCategory.CONSISTENCY,
                "A synchronization strategy has no frequency.",
                "How often shared data is synchronized bounds how stale every other copy can be; without it nobody can "
                        + "tell whether the consistency model holds. This rule owns the empty frequency, so "
                        + "completeness.required-field-empty does not report it again.",
                "strategies:\n  - {name: Nightly export, frequency: \"\"}",
                "strategies:\n  - {name: Nightly export, frequency: daily}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<SyncStrategy> strategies = context.design().sharing().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            SyncStrategy s = strategies.get(i);
            if (!s.frequency().isBlank()) {
                continue;
            }
            String label = s.name().isBlank() ? "sync strategy " + (i + 1) : "sync strategy " + DesignProse.q(s.name());
            sink.report(Location.item("sharing", label, "sharing.strategies[" + i + "].frequency"),
                    label + " does not say how often it runs, so the staleness of the copies it keeps in step is unknown",
                    "Write the frequency: 'continuous', 'on every write', 'every 5 min', 'hourly' or 'daily'.");
        }
    }
}
