package dev.quorum.validate.rules;

import dev.quorum.model.BackupRecovery;
import dev.quorum.model.Duration;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;

/** Reports backups taken less often than the RPO allows, with no continuous log shipping to fill the gap. */
public final class BackupIntervalExceedsRpoRule extends AbstractRule {

    public BackupIntervalExceedsRpoRule() {
        super("backup.interval-exceeds-rpo", Severity.ERROR, RuleCategory.RECOVERY,
                "Backups are taken less often than the RPO, and no log is shipped continuously.",
                "Restoring the last backup loses everything written since it was taken, up to one full backup interval. "
                        + "If that interval is longer than the RPO, the objective cannot be met unless the write-ahead log "
                        + "(or binlog) is archived continuously for point-in-time recovery.",
                "strategy: {frequency: weekly, continuous_log_shipping: false}\nrecovery: {rpo: 1 hour}",
                "strategy: {frequency: daily, continuous_log_shipping: true}\nrecovery: {rpo: 1 hour}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        BackupRecovery b = context.design().backup();
        Duration frequency = b.strategy().frequency();
        Duration rpo = b.recovery().rpo();
        if (!frequency.isReadable() || !rpo.isReadable() || Boolean.TRUE.equals(b.strategy().continuousLogShipping())) {
            return;
        }
        double every = frequency.seconds().getAsDouble();
        double objective = rpo.seconds().getAsDouble();
        if (Double.isInfinite(objective) || every <= objective) {
            return;
        }
        String interval = Double.isInfinite(every) ? "backups that never run"
                : "backups every " + DesignProse.dur(every);
        String shipping = b.strategy().continuousLogShipping() == null ? "no continuous log shipping stated"
                : "no continuous log shipping";
        sink.report(Location.field("backup", "backup.strategy.frequency"),
                DesignProse.q(frequency.text()) + ": " + interval + " exceed the RPO of " + DesignProse.dur(objective)
                        + " with " + shipping,
                "Take backups at least every " + Duration.human(objective) + ", or archive the WAL/binlog continuously "
                        + "(continuous_log_shipping: true, for example pgBackRest or WAL-G archive_command) for point-in-time recovery.");
    }
}
