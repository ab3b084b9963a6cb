package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The query rules, in the order docs/rules.md lists them. */
public final class QueryRules {

    private QueryRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new UnknownTableOrColumnRule(),
                new HotQueryWithoutIndexRule(),
                new SelectStarHotPathRule(),
                new UnboundedReadRule(),
                new WriteHeavyTableManyIndexesRule(),
                new AccessPatternContradictionRule(),
                new UnparseableSqlRule());
    }
}
