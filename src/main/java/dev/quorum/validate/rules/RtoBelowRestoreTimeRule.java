package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;

/** Reports an RTO shorter than the time to restore the design's data from backup at the assumed restore rate. */
public final class RtoBelowRestoreTimeRule extends AbstractRule {

    public RtoBelowRestoreTimeRule() {
        super("recovery.rto-below-restore-time", Severity.WARNING, RuleCategory.RECOVERY,
                "Restoring all data from backup takes longer than the RTO.",
                "When replicas cannot help (corruption, a bad migration, a deleted table) recovery is a restore, and a "
                        + "restore writes every byte back: total size / restore rate. The rate is the threshold "
                        + "restoreBytesPerSecond (default 100 MB/s, a conservative single-stream restore). Data kept only in "
                        + "caches is left out because caches are refilled, not restored.",
                "data: 2 TB in total\nrecovery: {rto: 1 h}   # 2 TB / 100 MB/s = 5.6 h",
                "recovery: {rto: 8 h}   # or split the data, restore in parallel, or keep a delayed replica");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        Duration rto = design.backup().recovery().rto();
        double rate = context.thresholds().restoreBytesPerSecond();
        if (!rto.isReadable() || rate <= 0) {
            return;
        }
        double cached = 0;
        for (DataElement e : design.persistence().dataElements()) {
            if (DesignProse.onlyCached(context, e)) {
                cached += e.sizeEstimate().bytes().orElse(0);
            }
        }
        double bytes = context.totalDataBytes() - cached;
        double objective = rto.seconds().getAsDouble();
        if (bytes <= 0 || Double.isInfinite(objective) || Double.isInfinite(bytes)) {
            return;
        }
        double seconds = bytes / rate;
        if (seconds <= objective) {
            return;
        }
        String excluded = cached > 0 ? " (all data elements " + DataSize.human(context.totalDataBytes())
                + " minus " + DataSize.human(cached) + " held only in caches)" : "";
        sink.report(Location.field("backup", "backup.recovery.rto"),
                "restoring " + DataSize.human(bytes) + excluded + " at " + DataSize.human(rate) + "/s takes about "
                        + DesignProse.durShort(seconds) + " (" + DesignProse.whole(bytes) + " B / "
                        + DesignProse.whole(rate) + " B/s = " + DesignProse.whole(seconds) + " s), longer than the RTO of "
                        + DesignProse.dur(objective),
                "Raise the RTO to at least " + DesignProse.durShort(seconds) + ", or make restores faster: restore in parallel "
                        + "streams, keep a delayed replica or storage snapshots, or split the data so the critical part "
                        + "restores first; if your measured restore rate is higher, set restoreBytesPerSecond.");
    }
}
