package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The recovery rules, in the order docs/rules.md lists them. */
public final class RecoveryRules {

    private RecoveryRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new BackupIntervalExceedsRpoRule(),
                new LagExceedsRpoRule(),
                new RtoBelowFailoverTimeRule(),
                new RtoBelowRestoreTimeRule(),
                new BackupSameLocationAsPrimaryRule(),
                new NeverTestedRule(),
                new RetentionBelowLegalRetentionRule());
    }
}
