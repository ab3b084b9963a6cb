package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The schema rules, in the order docs/rules.md lists them. */
public final class SchemaRules {

    private SchemaRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new NoPrimaryKeyRule(),
                new FkWithoutIndexRule(),
                new FkTypeMismatchRule(),
                new FkToMissingTableRule(),
                new RedundantIndexRule(),
                new NullableColumnInUniqueIndexRule(),
                new AllNullableTableRule(),
                new SingleColumnTableRule(),
                new IncrementingColumnNamesRule(),
                new FkCycleRule(),
                new BadIdentifierRule(),
                new TooManyLobsRule(),
                new MoneyAsFloatRule(),
                new TimestampWithoutTimeZoneRule(),
                new ReservedWordNameRule());
    }
}
