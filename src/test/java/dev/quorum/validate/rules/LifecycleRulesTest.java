package dev.quorum.validate.rules;

import static dev.quorum.validate.rules.CompletenessRulesTest.run;
import static dev.quorum.validate.rules.CompletenessRulesTest.runOnSample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.validate.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LifecycleRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce.quorum.yaml", "live-scores.quorum.yaml", "payments.quorum.yaml",
            "quorum-store.quorum.yaml"})
    void goodSamplesAreClean(String sample) throws Exception {
        assertThat(runOnSample(LifecycleRules.all(), sample)).isEmpty();
    }

    @Test
    void flawedStartupTriggersEveryLifecycleRule() throws Exception {
        assertThat(runOnSample(LifecycleRules.all(), "flawed-startup.quorum.yaml")).extracting(Finding::ruleId)
                .contains("lifecycle.hard-delete-with-history", "lifecycle.personal-data-without-retention",
                        "lifecycle.growing-data-without-archival");
    }

    @Test
    void hardDeleteNeedsAReasonToKeepHistory() throws Exception {
        HardDeleteWithHistoryRule rule = new HardDeleteWithHistoryRule();
        String yaml = "persistence:\n  data_elements:\n    - name: carts\n      reason: \"%s\"\nlifecycle:\n  deletion:\n    mode: %s\n";
        assertThat(run(rule, yaml.formatted("Checkout convenience.", "hard"))).isEmpty();
        assertThat(run(rule, yaml.formatted("Kept for audits.", "soft"))).isEmpty();
        assertThat(run(rule, yaml.formatted("Kept for audits.", "hard"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("persistence.data_elements[0].reason", "'audits'"));
    }

    @Test
    void aGeneralPersonalDataPolicyCoversEveryPersonalElement() throws Exception {
        PersonalDataWithoutRetentionRule rule = new PersonalDataWithoutRetentionRule();
        String yaml = """
                persistence:
                  data_elements:
                    - name: accounts
                      description: Customer e-mail and phone.
                    - name: products
                      description: Catalogue items.
                lifecycle:
                  retention_policy: "%s"
                """;
        assertThat(run(rule, yaml.formatted("Products are kept forever."))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("'accounts'"));
        assertThat(run(rule, yaml.formatted("Personal data is erased 30 days after account closure (GDPR)."))).isEmpty();
        assertThat(run(rule, yaml.formatted("Accounts: until closure plus 30 days."))).isEmpty();
    }

    @Test
    void growingDataIsLargeOrAppendOnly() throws Exception {
        GrowingDataWithoutArchivalRule rule = new GrowingDataWithoutArchivalRule();
        String yaml = "persistence:\n  data_elements:\n    - name: %s\n      size_estimate: %s\nlifecycle:\n  archival: \"%s\"\n";
        assertThat(run(rule, yaml.formatted("orders", "200 GB", "None."))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("orders (200 GB)"));
        assertThat(run(rule, yaml.formatted("click events", "5 GB", ""))).hasSize(1);
        assertThat(run(rule, yaml.formatted("products", "5 GB", "None."))).isEmpty();
        assertThat(run(rule, yaml.formatted("orders", "200 GB", "Orders older than 2 years move to S3 Glacier."))).isEmpty();
    }
}
