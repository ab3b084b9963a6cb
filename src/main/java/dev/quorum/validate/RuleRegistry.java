package dev.quorum.validate;

import dev.quorum.validate.rules.CompletenessRules;
import dev.quorum.validate.rules.ConsistencyRules;
import dev.quorum.validate.rules.LessonRules;
import dev.quorum.validate.rules.LifecycleRules;
import dev.quorum.validate.rules.QueryRules;
import dev.quorum.validate.rules.RecoveryRules;
import dev.quorum.validate.rules.SchemaRules;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** All rules Quorum knows, by id, in documentation order. */
public final class RuleRegistry {

    private final List<Rule> rules;

    public RuleRegistry(List<Rule> rules) {
        Set<String> ids = new HashSet<>();
        for (Rule r : rules) {
            if (!ids.add(r.info().id())) {
                throw new IllegalArgumentException("two rules share the id " + r.info().id());
            }
        }
        this.rules = List.copyOf(rules);
    }

    /** The standard rule set. */
    public static RuleRegistry standard() {
        List<Rule> all = new ArrayList<>();
        all.addAll(CompletenessRules.all());
        all.addAll(SchemaRules.all());
        all.addAll(QueryRules.all());
        all.addAll(ConsistencyRules.all());
        all.addAll(RecoveryRules.all());
        all.addAll(LifecycleRules.all());
        all.addAll(LessonRules.all());
        return new RuleRegistry(all);
    }

    /** Every rule, in documentation order. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule with this id. */
    public Optional<Rule> rule(String id) {
        return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }
}
