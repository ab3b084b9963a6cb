package dev.quorum.validate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.TestDesigns;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidatorTest {

    private static Rule rule(String id, Severity severity, Runnable body) {
        return new AbstractRule(id, severity, RuleCategory.COMPLETENESS, "s", "r", "b", "g") {
            @Override
            public void check(DesignContext context, FindingSink sink) {
                body.run();
                sink.report(Location.field("persistence", "persistence.data_elements"), id + " says hi", "fix it");
            }
        };
    }

    private final Rule quiet = rule("test.info", Severity.INFO, () -> { });
    private final Rule loud = rule("test.warning", Severity.WARNING, () -> { });
    private final Rule broken = rule("test.broken", Severity.INFO, () -> {
        throw new IllegalStateException("boom");
    });
    private final Validator validator = new Validator(new RuleRegistry(List.of(quiet, loud, broken)));

    @Test
    void aRuleThatThrowsBecomesAnErrorNamingTheRule() {
        List<Finding> findings = validator.validate(RuleTesting.context(TestDesigns.complete()), ValidationConfig.DEFAULT);
        assertThat(findings).extracting(Finding::ruleId, Finding::severity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("test.broken", Severity.ERROR),
                        org.assertj.core.groups.Tuple.tuple("test.warning", Severity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("test.info", Severity.INFO));
        assertThat(findings.get(0).message()).contains("test.broken", "boom");
    }

    @Test
    void configDisablesRulesAndOverridesSeverities() {
        ValidationConfig config = new ValidationConfig(Set.of("test.broken"), Map.of("test.info", Severity.ERROR), null);
        List<Finding> findings = validator.validate(RuleTesting.context(TestDesigns.complete()), config);
        assertThat(findings).extracting(Finding::ruleId).containsExactly("test.info", "test.warning");
        assertThat(findings.get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void duplicateRuleIdsAreRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new RuleRegistry(List.of(quiet, quiet)))
                .hasMessageContaining("test.info");
    }
}
