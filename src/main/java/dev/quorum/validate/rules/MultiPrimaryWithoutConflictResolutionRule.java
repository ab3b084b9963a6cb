package dev.quorum.validate.rules;

import dev.quorum.model.Design;
import dev.quorum.model.ReplicationStrategy;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.TopologyNode;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reports multi-primary or peer-to-peer replication with no real conflict resolution. */
public final class MultiPrimaryWithoutConflictResolutionRule extends AbstractRule {

    private static final Pattern ABOUT_REPLICATION = Pattern.compile(
            "\\breplicat\\w*|\\bmulti[- ]?(?:primary|master|leader)\\b|\\bbi-?directional\\b|\\bboth ways\\b|\\btwo[- ]way\\b"
                    + "|\\bactive[- ]active\\b|\\bprimaries\\b|\\bpeer[- ]to[- ]peer\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CONFLICT_HANDLING = Pattern.compile(
            "\\blast[- ]writer?[- ]wins\\b|\\blww\\b|\\bcrdts?\\b|\\bvector clocks?\\b|\\bconflict[- ]free\\b"
                    + "|\\bconflict (?:resolution|handler|handling)\\b|\\bconflicts? (?:are|is) (?:resolved|merged|detected)\\b"
                    + "|\\b(?:home|owning) (?:region|primary)\\b|\\bsingle writer\\b",
            Pattern.CASE_INSENSITIVE);

    public MultiPrimaryWithoutConflictResolutionRule() {
        super("replication.multi-primary-without-conflict-resolution", Severity.ERROR, RuleCategory.CONSISTENCY,
                "Several nodes accept writes, but no conflict resolution is described.",
                "With multi-primary or peer-to-peer replication two writers can change the same row concurrently. "
                        + "Without a rule (last writer wins, CRDT merge, one home region per key) the replicas silently "
                        + "diverge or one write is lost (Kleppmann, DDIA ch. 5, handling write conflicts).",
                "replication: {strategy: multi-primary}\nstrategies: [{name: Bidirectional replication, conflict_resolution: none}]",
                "conflict_resolution: Each customer has a home region; only that region's primary writes the wallet.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Design design = context.design();
        ReplicationStrategy strategy = design.replication().strategy();
        if (strategy != ReplicationStrategy.MULTI_PRIMARY && strategy != ReplicationStrategy.PEER_TO_PEER) {
            return;
        }
        List<SyncStrategy> strategies = design.sharing().strategies();
        List<Integer> relevant = new ArrayList<>();
        for (int i = 0; i < strategies.size(); i++) {
            if (concernsReplication(strategies.get(i), design.replication().topology().nodes())) {
                relevant.add(i);
            }
        }
        if (!relevant.isEmpty()) {
            for (int i : relevant) {
                if (DesignProse.realResolution(strategies.get(i).conflictResolution())) {
                    return;
                }
            }
            int i = relevant.get(0);
            SyncStrategy s = strategies.get(i);
            String said = s.conflictResolution().isBlank() ? "empty" : DesignProse.q(s.conflictResolution());
            sink.report(Location.item("sharing", "sync strategy " + DesignProse.q(s.name()),
                            "sharing.strategies[" + i + "].conflict_resolution"),
                    "replication.strategy is " + strategy.id() + ", so several nodes accept writes, but the conflict "
                            + "resolution of " + DesignProse.q(s.name()) + " is " + said,
                    "Decide how concurrent writes to the same row end: give every key a home region that alone writes it, "
                            + "use last-writer-wins with a reliable clock, or merge with CRDTs; or switch to primary-replica.");
            return;
        }
        for (SyncStrategy s : strategies) {
            if (DesignProse.realResolution(s.conflictResolution())) {
                return;
            }
        }
        if (DesignProse.findsAffirmed(CONFLICT_HANDLING,
                DesignProse.join(design.consistency().implementation(), design.replication().failover().process()))) {
            return;
        }
        sink.report(Location.field("replication", "replication.strategy"),
                "replication.strategy is " + strategy.id() + ", so several nodes accept writes, but no sync strategy "
                        + "describes a conflict resolution",
                "Add a sync strategy for the replication between the primaries with its conflict resolution (home region "
                        + "per key, last-writer-wins, CRDT merge), or switch to primary-replica.");
    }

    private static boolean concernsReplication(SyncStrategy s, List<TopologyNode> nodes) {
        for (String c : s.components()) {
            for (TopologyNode n : nodes) {
                if (DesignProse.sameName(n.id(), c) || (!n.name().isBlank() && DesignProse.sameName(n.name(), c))) {
                    return true;
                }
            }
        }
        return ABOUT_REPLICATION.matcher(s.name()).find() || ABOUT_REPLICATION.matcher(s.description()).find();
    }
}
