package dev.quorum.validate.rules;

import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.NodeRole;
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
import java.util.Locale;
import java.util.regex.Pattern;

/** Reports a strong consistency model while reads are served by replicas fed asynchronously. */
public final class StrongWithAsyncReplicaReadsRule extends AbstractRule {

    private static final String ADJ = "(?:the |a |an |our |its |their |async |asynchronous |local |nearest |read |any |one of the |two |all )*";
    static final Pattern READS_ON_REPLICAS = Pattern.compile(
            "\\bread[- ](?:only )?replicas?\\b|\\bread-only (?:endpoint|replicas?|nodes?|pool)\\b"
                    + "|\\breads?\\b[^.;\\n]{0,60}?\\b(?:go(?:es)?|are (?:sent|routed|served|spread|balanced|directed)|is (?:sent|routed|served|directed)|come|hit|use)\\s+(?:to |from |by |on )?"
                    + ADJ + "(?:[\\w-]+ )?replicas?\\b"
                    + "|\\b(?:read|served|serve)s? from " + ADJ + "replicas?\\b"
                    + "|\\breplicas? (?:serve|handle|take|absorb|answer)s? (?:the |all |most )?(?:reads|read traffic|queries)\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern NOT_READ = Pattern.compile(
            "\\b(?:never|not|no longer)\\s+(?:be\\s+)?(?:read|queried|serv(?:e|es|ing) reads)\\b|\\bno reads\\b|\\bfailover only\\b"
                    + "|\\bonly for failover\\b|\\bfor failover only\\b|\\bstandby only\\b"
                    + "|\\ball (?:reads|queries)(?: and writes)? (?:go|are sent|are routed|are served|hit|run) (?:to|by|from|on) the (?:[\\w-]+ ){0,2}(?:primary|leader|master)\\b"
                    + "|\\breads? only (?:from|on) the (?:[\\w-]+ ){0,2}(?:primary|leader|master)\\b",
            Pattern.CASE_INSENSITIVE);

    public StrongWithAsyncReplicaReadsRule() {
        super("consistency.strong-with-async-replica-reads", Severity.ERROR, RuleCategory.CONSISTENCY,
                "Strong consistency is promised while reads are served by asynchronously fed replicas.",
                "An async replica applies commits after the primary acknowledges them, so a read there can miss a "
                        + "committed write: that is eventual consistency, whatever the model says. Clients that rely on "
                        + "the promise (balances, stock, status) act on stale data (Kleppmann, DDIA ch. 5, replication lag).",
                "consistency: {model: strong}\nlinks: [{from: pg-primary, to: pg-read-replica, mode: async}]   # reads go to the replica",
                "consistency: {model: strong, implementation: All reads go to the primary; replicas are for failover only.}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        if (design.consistency().model() != ConsistencyModel.STRONG) {
            return;
        }
        String prose = DesignProse.join(design.consistency().implementation(), design.concurrency().reads().handling(),
                design.concurrency().readWrite().handling());
        boolean saysReplicaReads = DesignProse.findsAffirmed(READS_ON_REPLICAS, prose);
        boolean saysNoReplicaReads = NOT_READ.matcher(prose).find();
        List<TopologyNode> nodes = design.replication().topology().nodes();
        List<ReplicationLink> links = design.replication().topology().links();
        for (int i = 0; i < links.size(); i++) {
            ReplicationLink link = links.get(i);
            if (link.mode() != ReplicationMode.ASYNC) {
                continue;
            }
            TopologyNode target = node(nodes, link.to());
            if (target == null || !servesReads(target, prose, saysReplicaReads, saysNoReplicaReads)) {
                continue;
            }
            String lag = link.lag().isReadable() ? " (lag " + Duration.human(link.lag().seconds().getAsDouble()) + ")" : "";
            sink.report(Location.item("replication", "link " + link.from().strip() + " -> " + link.to().strip(),
                            "replication.topology.links[" + i + "].mode"),
                    "consistency.model is strong, but " + target.id().strip() + " (" + roleName(target)
                            + ") serves reads and is fed by an async link from " + link.from().strip() + lag
                            + ", so a read there can miss committed writes",
                    "Serve the reads that need strong consistency from the primary (or from a synchronous replica with "
                            + "remote apply), or choose read-your-writes or eventual consistency and say which reads may be stale.");
        }
    }

    private static boolean servesReads(TopologyNode node, String prose, boolean saysReplicaReads, boolean saysNoReplicaReads) {
        String name = node.name();
        if (NOT_READ.matcher(name).find()) {
            return false;
        }
        if (READS_ON_REPLICAS.matcher(name).find()) {
            return true;
        }
        if (node.role() == NodeRole.REPLICA) {
            return saysReplicaReads || !saysNoReplicaReads;
        }
        if (node.role() == NodeRole.STANDBY && saysReplicaReads) {
            // A standby serves reads only when the prose names it next to the reads.
            for (String sentence : DesignProse.sentences(prose)) {
                if (READS_ON_REPLICAS.matcher(sentence).find()
                        && DesignProse.hasPhrase(DesignProse.norm(sentence), DesignProse.norm(node.id()))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String roleName(TopologyNode node) {
        return node.role() == null ? "no role" : "role " + node.role().id();
    }

    static TopologyNode node(List<TopologyNode> nodes, String id) {
        String key = id.strip().toLowerCase(Locale.ROOT);
        if (key.isEmpty()) {
            return null;
        }
        for (TopologyNode n : nodes) {
            if (n.id().strip().toLowerCase(Locale.ROOT).equals(key)) {
                return n;
            }
        }
        return null;
    }
}
