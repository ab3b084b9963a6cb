package dev.quorum.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule has two fixtures: a design that triggers it and one that does not. The fixtures are small
 * partial designs under src/test/resources/dev/quorum/validate/fixtures/RULE-ID/.
 */
class RuleFixturesTest {

    static Stream<Rule> rules() {
        return RuleRegistry.standard().rules().stream();
    }

    @ParameterizedTest(name = "{0} triggers")
    @MethodSource("rules")
    void triggersOnItsFixture(Rule rule) throws Exception {
        List<Finding> findings = RuleTesting.run(rule, RuleTesting.fixture(rule.info().id(), "triggers"));
        assertThat(findings).as(rule.info().id() + " on its triggering fixture").isNotEmpty();
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.message()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
            assertThat(f.location().section()).isNotBlank();
            assertThat(f.location().path()).isNotBlank();
        });
    }

    @ParameterizedTest(name = "{0} stays quiet")
    @MethodSource("rules")
    void staysQuietOnItsCleanFixture(Rule rule) throws Exception {
        List<Finding> findings = RuleTesting.run(rule, RuleTesting.fixture(rule.info().id(), "clean"));
        assertThat(findings).as(rule.info().id() + " on its clean fixture").isEmpty();
    }

    @Test
    void everyRuleIsDocumented() {
        assertThat(RuleRegistry.standard().rules()).allSatisfy(r -> {
            RuleInfo i = r.info();
            assertThat(i.id()).matches("[a-z]+\\.[a-z0-9-]+");
            assertThat(i.summary()).isNotBlank();
            assertThat(i.rationale()).isNotBlank();
            assertThat(i.badExample()).isNotBlank();
            assertThat(i.goodExample()).isNotBlank();
        });
    }
}
