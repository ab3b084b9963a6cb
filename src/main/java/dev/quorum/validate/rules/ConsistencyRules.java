package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The consistency rules, in the order docs/rules.md lists them. */
public final class ConsistencyRules {

    private ConsistencyRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new StrongWithAsyncReplicaReadsRule(),
                new ReadYourWritesWithoutMechanismRule(),
                new MultiPrimaryWithoutConflictResolutionRule(),
                new EventualMoneyWithoutCompensationRule(),
                new SharedDataWithoutConflictResolutionRule(),
                new SyncWithoutFrequencyRule());
    }
}
