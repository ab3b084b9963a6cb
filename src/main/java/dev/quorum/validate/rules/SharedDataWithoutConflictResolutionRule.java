package dev.quorum.validate.rules;

import dev.quorum.model.SharedData;
import dev.quorum.model.SyncStrategy;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.regex.Pattern;

/** Reports data shared by several components whose synchronization says nothing about conflicting writes. */
public final class SharedDataWithoutConflictResolutionRule extends AbstractRule {

    static final Pattern RESOLUTION = Pattern.compile(
            "\\b(?:wins?|winner|last[- ]writer?|lww|crdts?|merge[sd]?|version\\w*|optimistic|pessimistic|lock\\w*"
                    + "|seq_?no|sequence\\w*|lsn|offsets?|idempoten\\w*|compare[- ]and[- ]set|cas|atomic\\w*|transaction\\w*"
                    + "|serializ\\w*|single (?:writer|source|owner|copy|store|primary)|source of truth|one writer|owner\\w*"
                    + "|read[- ]only|only reads?|reject\\w*|refus\\w*|conflicts?|central\\w*|guard\\w*|ordered|in order)\\b",
            Pattern.CASE_INSENSITIVE);

    public SharedDataWithoutConflictResolutionRule() {
        super("consistency.shared-data-without-conflict-resolution", Severity.WARNING, RuleCategory.CONSISTENCY,
                "Data shared by several components has no conflict resolution.",
                "When two components write the same data, something must decide which write survives: a single owner, "
                        + "optimistic versions, sequence numbers or last-writer-wins. The template's synchronization strategy "
                        + "asks for it; left out, lost updates appear under load.",
                "shared_data: [{data: Sessions, components: [api-1, api-2], synchronization: Not synchronized}]",
                "synchronization: Central Redis store; each write is a single SET, last writer wins.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        List<SharedData> rows = context.design().sharing().sharedData();
        List<SyncStrategy> strategies = context.design().sharing().strategies();
        for (int i = 0; i < rows.size(); i++) {
            SharedData row = rows.get(i);
            long components = row.components().stream().filter(c -> c != null && !c.isBlank()).count();
            if (components < 2 || row.synchronization().isBlank()
                    || DesignProse.findsAffirmed(RESOLUTION, row.synchronization()) || strategyResolves(row, strategies)) {
                continue;
            }
            sink.report(Location.item("sharing", "shared data " + DesignProse.q(row.data()),
                            "sharing.shared_data[" + i + "].synchronization"),
                    "shared data " + DesignProse.q(row.data()) + " is used by " + components
                            + " components, but its synchronization and the matching sync strategies say nothing about "
                            + "conflicting writes",
                    "Say how concurrent writes to " + row.data().strip() + " end: one owning component, optimistic "
                            + "versions (UPDATE ... WHERE version = ?), sequence numbers, or last-writer-wins on a central store.");
        }
    }

    private static boolean strategyResolves(SharedData row, List<SyncStrategy> strategies) {
        String normData = DesignProse.norm(row.data());
        for (SyncStrategy s : strategies) {
            boolean matches = !normData.isEmpty()
                    && DesignProse.mentionsName(DesignProse.norm(DesignProse.join(s.name(), s.description())), row.data());
            for (String c : s.components()) {
                for (String rc : row.components()) {
                    if (c != null && rc != null && DesignProse.sameName(rc, c)) {
                        matches = true;
                    }
                }
            }
            if (matches && DesignProse.realResolution(s.conflictResolution())) {
                return true;
            }
        }
        return false;
    }
}
