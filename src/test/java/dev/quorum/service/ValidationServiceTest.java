package dev.quorum.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.RuleLevel;
import dev.quorum.model.RuleSetting;
import dev.quorum.model.ValidationSettings;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationServiceTest {

    private final ValidationService service = new ValidationService();

    private static Design sample(String name) throws Exception {
        return new DesignYaml().read(Path.of("samples", name + ".quorum.yaml")).design();
    }

    @Test
    void theFlawedSampleTriggersAtLeastFifteenDistinctRules() throws Exception {
        List<Finding> findings = service.validate(sample("flawed-startup"));
        assertThat(findings.stream().map(Finding::ruleId).distinct().count()).isGreaterThanOrEqualTo(15);
        assertThat(findings).extracting(Finding::severity).contains(Severity.ERROR, Severity.WARNING, Severity.INFO);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce", "live-scores", "payments", "quorum-store"})
    void goodSamplesHaveNoErrors(String name) throws Exception {
        assertThat(service.validate(sample(name))).extracting(Finding::severity).doesNotContain(Severity.ERROR);
    }

    @Test
    void aDesignCanSwitchARuleOffAndChangeASeverity() throws Exception {
        Design store = sample("quorum-store");
        assertThat(store.validation().rules()).extracting(RuleSetting::rule).containsExactly("schema.fk-cycle");
        assertThat(service.validate(store)).extracting(Finding::ruleId).doesNotContain("schema.fk-cycle");

        Design defaults = store.withValidation(ValidationSettings.DEFAULT);
        assertThat(service.validate(defaults)).extracting(Finding::ruleId, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("schema.fk-cycle", Severity.INFO));

        Design raised = store.withValidation(new ValidationSettings(List.of(
                new RuleSetting("schema.fk-cycle", RuleLevel.ERROR, "we want no cycles"))));
        assertThat(service.validate(raised)).extracting(Finding::ruleId, Finding::severity)
                .contains(org.assertj.core.groups.Tuple.tuple("schema.fk-cycle", Severity.ERROR));
    }

    @Test
    void validationIsAPureFunctionOfTheDesign() throws Exception {
        Design flawed = sample("flawed-startup");
        assertThat(service.validate(flawed)).isEqualTo(new ValidationService().validate(flawed));
    }
}
