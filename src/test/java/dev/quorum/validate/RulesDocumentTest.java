package dev.quorum.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/rules.md is generated from the registry; this fails when a rule changed and the page was not regenerated. */
class RulesDocumentTest {

    @Test
    void docsRulesMdIsCurrent() throws Exception {
        String expected = RulesDocument.markdown(RuleRegistry.standard(), Thresholds.DEFAULT);
        String actual = Files.readString(Path.of("docs", "rules.md"), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("docs/rules.md is out of date; regenerate it with: bin/quorum rules --format md -o docs/rules.md")
                .isEqualTo(expected);
    }

    @Test
    void thePageListsEveryRuleWithItsSeverityAndExamples() {
        RuleRegistry registry = RuleRegistry.standard();
        String page = RulesDocument.markdown(registry, Thresholds.DEFAULT);
        assertThat(registry.rules()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(page).contains(registry.rules().size() + " rules.");
        for (Rule r : registry.rules()) {
            assertThat(page).contains("### " + r.info().id() + "\n\n**" + r.info().defaultSeverity().id() + "**: "
                    + r.info().summary());
        }
        assertThat(page).contains("| frequent query (hot path) | 10/s |", "| restore rate for RTO estimates | 100 MB/s |");
    }
}
