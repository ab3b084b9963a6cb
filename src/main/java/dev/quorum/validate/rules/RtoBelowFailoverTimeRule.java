package dev.quorum.validate.rules;

import dev.quorum.model.Duration;
import dev.quorum.model.Failover;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;

/** Reports an RTO shorter than the time failover itself takes to detect the failure and promote a replica. */
public final class RtoBelowFailoverTimeRule extends AbstractRule {

    public RtoBelowFailoverTimeRule() {
        super("recovery.rto-below-failover-time", Severity.ERROR, RuleCategory.RECOVERY,
                "The RTO is shorter than failure detection plus promotion.",
                "Even the fastest recovery, failing over to a replica, takes the time to notice the failure plus the "
                        + "time to promote. An RTO below that sum is broken by the design's own failover on every outage.",
                "failover: {detection_time: 2 min, promotion_time: 5 min}\nrecovery: {rto: 1 min}",
                "failover: {detection_time: 30 s, promotion_time: 30 s}\nrecovery: {rto: 15 min}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Failover f = context.design().replication().failover();
        Duration rto = context.design().backup().recovery().rto();
        if (!rto.isReadable() || !f.detectionTime().isReadable() || !f.promotionTime().isReadable()) {
            return;
        }
        double objective = rto.seconds().getAsDouble();
        double detect = f.detectionTime().seconds().getAsDouble();
        double promote = f.promotionTime().seconds().getAsDouble();
        double total = detect + promote;
        if (Double.isInfinite(objective) || Double.isInfinite(total) || objective >= total) {
            return;
        }
        sink.report(Location.field("backup", "backup.recovery.rto"),
                "the RTO of " + DesignProse.dur(objective) + " is shorter than failover: detection "
                        + Duration.human(detect) + " + promotion " + Duration.human(promote) + " = " + DesignProse.dur(total),
                "Raise the RTO to at least " + Duration.human(total) + ", or shorten detection (tighter health checks, "
                        + "leader lease) and promotion (a hot standby, automatic promotion) until their sum fits.");
    }
}
