package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The completeness rules, in the order docs/rules.md lists them. */
public final class CompletenessRules {

    private CompletenessRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new RequiredFieldEmptyRule(),
                new UnreadableQuantityRule(),
                new DataWithoutStorageRule(),
                new StorageForUnknownDataRule(),
                new DataNotInBackupRule(),
                new DataNotInLifecycleRule(),
                new QueryUnknownDataRule(),
                new DiagramUnknownNodeRule(),
                new InvalidJsonDocumentRule());
    }
}
