package dev.quorum.validate.rules;

import dev.quorum.validate.Rule;
import java.util.List;

/** The lesson rules, in the order docs/rules.md lists them. */
public final class LessonRules {

    private LessonRules() {
    }

    /** Every rule of this group. */
    public static List<Rule> all() {
        return List.of(
                new PlaintextPasswordRule(),
                new PaymentWithoutIdempotencyKeyRule(),
                new LocalSessionsBehindLoadBalancerRule(),
                new CacheExpiryWithoutJitterRule(),
                new PoolTooSmallRule(),
                new PollingForRealTimeRule());
    }
}
