package dev.quorum.validate.rules;

import dev.quorum.model.Duration;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Replication;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.TopologyNode;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.regex.Pattern;

/** Reports automatic failover to an async replica whose lag can exceed the RPO. */
public final class LagExceedsRpoRule extends AbstractRule {

    private static final Pattern NOT_PROMOTED = Pattern.compile(
            "\\bmanual(?:ly)? promot\\w*|\\b(?:never|not) (?:be )?promoted\\b|\\bno (?:automatic )?promotion\\b|\\bnot a failover\\b"
                    + "|\\bnever (?:a )?failover\\b|\\bmanual promotion\\b",
            Pattern.CASE_INSENSITIVE);
    /** A failover manager that refuses to promote a lagging replica bounds the loss, e.g. Patroni maximum_lag_on_failover. */
    private static final Pattern LAG_GUARD = Pattern.compile(
            "\\bmaximum_lag_on_failover\\b|\\b(?:only if|only when|provided|as long as)\\b[^.;\\n]{0,60}\\b(?:behind|lag\\w*|of wal)\\b"
                    + "|\\bif it is within\\b[^.;\\n]{0,30}\\b(?:of wal|lag|behind)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ANY_LAG = Pattern.compile("\\bwhatever its lag\\b|\\bregardless of (?:its )?lag\\b",
            Pattern.CASE_INSENSITIVE);

    public LagExceedsRpoRule() {
        super("replication.lag-exceeds-rpo", Severity.ERROR, RuleCategory.RECOVERY,
                "Automatic failover can promote an async replica that lags more than the RPO.",
                "When the primary dies, everything the promoted replica had not yet applied is lost: with async "
                        + "replication the loss is up to the replica's lag. If that lag can exceed the RPO, an automatic "
                        + "failover breaks the objective without anyone deciding to (expected loss = lag x write rate).",
                "failover: {mode: automatic}   # rpo: 1 hour\nlinks: [{from: pg, to: pg-replica, mode: async, lag: up to 90 min}]",
                "links: [{from: pg, to: pg-replica, mode: sync, lag: 0}]   # or Patroni maximum_lag_on_failover");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Replication r = context.design().replication();
        Duration rpo = context.design().backup().recovery().rpo();
        if (r.failover().mode() != FailoverMode.AUTOMATIC || !rpo.isReadable()) {
            return;
        }
        double objective = rpo.seconds().getAsDouble();
        String process = r.failover().process();
        if (Double.isInfinite(objective) || (LAG_GUARD.matcher(process).find() && !ANY_LAG.matcher(process).find())) {
            return;
        }
        List<TopologyNode> nodes = r.topology().nodes();
        List<ReplicationLink> links = r.topology().links();
        int worst = -1;
        double worstLag = -1;
        boolean anyCandidate = false;
        for (int i = 0; i < links.size(); i++) {
            ReplicationLink link = links.get(i);
            if (link.mode() != ReplicationMode.ASYNC) {
                continue;
            }
            TopologyNode target = StrongWithAsyncReplicaReadsRule.node(nodes, link.to());
            if (target == null || !isCandidate(target, process)) {
                continue;
            }
            anyCandidate = true;
            if (link.lag().isReadable() && link.lag().seconds().getAsDouble() > worstLag) {
                worstLag = link.lag().seconds().getAsDouble();
                worst = i;
            }
        }
        if (worst >= 0) {
            if (worstLag > objective) {
                ReplicationLink link = links.get(worst);
                sink.report(Location.item("replication", "link " + link.from().strip() + " -> " + link.to().strip(),
                                "replication.topology.links[" + worst + "].lag"),
                        "automatic failover can promote " + link.to().strip() + ", whose async lag of "
                                + DesignProse.dur(worstLag) + " exceeds the RPO of " + DesignProse.dur(objective),
                        fix(objective));
            }
            return;
        }
        // No lag per link: fall back to the expected lag when an async candidate exists, or no links are drawn.
        if ((anyCandidate || links.isEmpty()) && r.expectedLag().isReadable()) {
            double lag = r.expectedLag().seconds().getAsDouble();
            if (lag > objective && !Double.isInfinite(lag)) {
                sink.report(Location.field("replication", "replication.expected_lag"),
                        "automatic failover with an expected replication lag of " + DesignProse.dur(lag)
                                + " exceeds the RPO of " + DesignProse.dur(objective),
                        fix(objective));
            }
        }
    }

    private static boolean isCandidate(TopologyNode node, String process) {
        if (node.role() != NodeRole.REPLICA && node.role() != NodeRole.STANDBY) {
            return false;
        }
        if (NOT_PROMOTED.matcher(node.name()).find()) {
            return false;
        }
        String id = DesignProse.norm(node.id());
        for (String sentence : DesignProse.sentences(process)) {
            if (DesignProse.hasPhrase(DesignProse.norm(sentence), id) && NOT_PROMOTED.matcher(sentence).find()) {
                return false;
            }
        }
        return true;
    }

    private static String fix(double objective) {
        return "Fail over only to a synchronous (or semi-synchronous) standby, make the failover manager refuse replicas "
                + "lagging more than " + Duration.human(objective) + " (Patroni maximum_lag_on_failover, "
                + "MySQL semi-sync), fix the lag, or raise the RPO to what the design can deliver.";
    }
}
