package dev.quorum.validate.rules;

import dev.quorum.model.Duration;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reports backups kept for less time than the data must be retained, with no archive covering the difference. */
public final class RetentionBelowLegalRetentionRule extends AbstractRule {

    /** Wording that puts data into a long-term archive. */
    static final Pattern ARCHIVES = Pattern.compile(
            "\\bglacier\\b|\\bcold (?:storage|tier)\\b|\\barchive (?:bucket|storage|class|tier|store)\\b|\\bparquet\\b"
                    + "|\\btape\\b|\\bobject lock\\b|\\btablespace\\b|\\b(?:exported|export|moved?|moves|copied|archived|written|go|goes|sent|shipped|offloaded) (?:monthly |yearly |nightly |daily )?(?:to|into)\\b"
                    + "|\\barchive[sd]? (?:\\w+ ){0,3}(?:as|to|in|into)\\b|\\bstay (?:in|queryable)\\b|\\bkept (?:in|for)\\b|\\bdata warehouse\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NO_ARCHIVAL = Pattern.compile(
            "^(?:no|none|never|nothing|n/a|not archived|there is no archiv\\w*)\\b", Pattern.CASE_INSENSITIVE);

    public RetentionBelowLegalRetentionRule() {
        super("backup.retention-below-legal-retention", Severity.WARNING, RuleCategory.RECOVERY,
                "Backups are kept for less time than the retention period, and no archive covers the rest.",
                "If data must be kept for years (tax records, audit trails) but backups expire after days, a deletion or "
                        + "corruption noticed after the backup window destroys records the law requires. An archive or "
                        + "long-lived monthly backups close that gap.",
                "backup: {strategy: {retention: 14 days}}\nlifecycle: {archival: No archival, retention_period: 10 years}",
                "backup: {strategy: {retention: 10 years (monthly fulls kept 10 years)}}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Duration kept = context.design().backup().strategy().retention();
        Duration required = context.design().lifecycle().retentionPeriod();
        if (!kept.isReadable() || !required.isReadable()) {
            return;
        }
        double keptSeconds = kept.seconds().getAsDouble();
        double requiredSeconds = required.seconds().getAsDouble();
        if (keptSeconds >= requiredSeconds || Double.isInfinite(requiredSeconds)) {
            return;
        }
        String archival = context.design().lifecycle().archival().strip();
        if (!archival.isEmpty() && !NO_ARCHIVAL.matcher(archival.toLowerCase(Locale.ROOT)).find()
                && ARCHIVES.matcher(archival).find()) {
            return;
        }
        sink.report(Location.field("backup", "backup.strategy.retention"),
                "backups are kept " + Duration.human(keptSeconds) + " (" + DesignProse.q(kept.text())
                        + ") but lifecycle.retention_period is " + Duration.human(requiredSeconds) + " ("
                        + DesignProse.q(required.text()) + "), and lifecycle.archival does not archive the data for that period",
                "Keep monthly or yearly full backups for " + Duration.human(requiredSeconds) + " (for example in "
                        + "S3 Glacier with Object Lock), or archive the records that must be retained and describe it in "
                        + "lifecycle.archival.");
    }
}
