package dev.quorum.validate.rules;

import dev.quorum.model.Duration;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;

/** Reports a recovery procedure that is never rehearsed, or rehearsed less than once a year. */
public final class NeverTestedRule extends AbstractRule {

    /** A year and a day, so "yearly" and "annually" pass. */
    static final double MAX_SECONDS = 366 * 86_400.0;

    public NeverTestedRule() {
        super("recovery.never-tested", Severity.WARNING, RuleCategory.RECOVERY,
                "Recovery is never tested, or tested less than once a year.",
                "A backup that has never been restored is a hope, not a backup: restores fail on missing WAL, expired "
                        + "credentials, wrong versions and runbooks nobody has run. Rehearsing at least yearly, better "
                        + "quarterly, also measures the real RTO.",
                "recovery: {testing_frequency: never}",
                "recovery: {testing_frequency: quarterly}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Duration testing = context.design().backup().recovery().testingFrequency();
        if (!testing.isReadable()) {
            return;
        }
        double every = testing.seconds().getAsDouble();
        if (every <= MAX_SECONDS) {
            return;
        }
        String what = testing.isNever() ? "recovery is never tested (" + DesignProse.q(testing.text()) + ")"
                : "recovery is tested only every " + Duration.human(every) + " (" + DesignProse.q(testing.text())
                        + "), less than once a year";
        sink.report(Location.field("backup", "backup.recovery.testing_frequency"), what,
                "Rehearse the restore at least quarterly: restore the latest backup into a scratch environment, time it "
                        + "against the RTO and check row counts; automate it in CI where possible.");
    }
}
