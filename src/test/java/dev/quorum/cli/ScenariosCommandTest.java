package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.template.ScenarioCard;
import dev.quorum.template.ScenarioCardsDocument;
import dev.quorum.template.ScenarioCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenariosCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void listsEveryCardWithItsGroupTitleAndModel() {
        assertThat(run("scenarios")).isEqualTo(ExitCodes.OK);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(17);
        assertThat(lines.get(0)).startsWith("id").contains("group", "title", "model");
        assertThat(lines.get(2)).matches("ghost-payment +architecture-and-communication +The Ghost Payment +scenario\\.ghost-payment");
        assertThat(lines.get(7)).matches("ten-second-lag +database-and-data-integrity +The 10-Second Lag +scenario\\.ten-second-lag");
        assertThat(lines.get(15)).startsWith("zero-downtime ").endsWith("scenario.zero-downtime");
        assertThat(lines.get(16)).isEqualTo("15 scenario cards");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void printsOneCardInFull() {
        assertThat(run("scenarios", "--id", "ghost-payment")).isEqualTo(ExitCodes.OK);
        String text = out.toString();
        assertThat(text).startsWith("The Ghost Payment (ghost-payment)\nDuplicate protection · Architecture and communication"
                + " · model scenario.ghost-payment\n");
        assertThat(text).contains("\nScenario\n  A shopper presses Buy", "\nTechnical problem\n", "\nMechanism\n",
                "\nParameters\n  purchase_rate = 20/s  (rate, 0.1/s to 2,000/s)  from queries[*].frequency\n",
                "      source: assumption: a busy shop at its peak\n",
                "\nRelated rules\n  lesson.payment-without-idempotency-key\n",
                "\nFix (schema-change; edits schema.sql, queries[*].sql)\n",
                "    ON CONFLICT (idempotency_key) DO NOTHING;\n", "\nApplies when\n");
        assertThat(text.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(110));
    }

    @Test
    void printsOneCardAsMarkdown() {
        assertThat(run("scenarios", "--id", "noon-crash", "--format", "md")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).startsWith("# The Noon Crash\n\n`noon-crash` · Cache expiry · Database and data integrity"
                + " · model `scenario.noon-crash`\n\n**Scenario.** A daily deal goes live at exactly 12:00.")
                .contains("| `jitter`: Jitter. Largest random extra", "| 10% | 0% to 100% | assumption:",
                        "[`lesson.cache-expiry-without-jitter`](rules.md#lessoncache-expiry-without-jitter)");
    }

    @Test
    void markdownEscapesDollarsSoGitHubDoesNotRenderMath() {
        assertThat(run("scenarios", "--id", "free-server", "--format", "md")).isEqualTo(ExitCodes.OK);
        String md = out.toString();
        assertThat(md).contains("| \\$6 per month | \\$1 per month to \\$500 per month |",
                "(\\$0.20 per million on AWS Lambda)", "`sharing.strategies[*].frequency`");
        assertThat(md.replace("\\$", "")).doesNotContain("$");
    }

    @Test
    void anUnknownIdIsBadInputWithTheKnownIds() {
        assertThat(run("scenarios", "--id", "ghost-paymnet")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: unknown scenario 'ghost-paymnet'; the cards are: "
                + String.join(", ", ScenarioCatalog.IDS));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void writesThePageToAFile() throws Exception {
        Path page = dir.resolve("cards.md");
        assertThat(run("scenarios", "--format", "md", "-o", page.toString())).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(page, StandardCharsets.UTF_8))
                .isEqualTo(ScenarioCardsDocument.page(ScenarioCatalog.standard().cards()));
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void theTopLevelHelpNamesTheCommand() {
        assertThat(run("--help")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).containsPattern("\\n\\s+scenarios\\s+List the scenario cards");
    }

    @Test
    void docsScenarioCardsMdIsCurrent() throws Exception {
        String expected = ScenarioCardsDocument.page(ScenarioCatalog.standard().cards());
        String actual = Files.readString(Path.of("docs", "scenario-cards.md"), StandardCharsets.UTF_8);
        assertThat(actual)
                .as("docs/scenario-cards.md is out of date; regenerate it with: "
                        + "bin/quorum scenarios --format md -o docs/scenario-cards.md")
                .isEqualTo(expected);
    }

    @Test
    void thePageIndexLinksToEveryCardsHeading() {
        String page = ScenarioCardsDocument.page(ScenarioCatalog.standard().cards());
        assertThat(page).contains("15 cards.", "\n## Architecture and communication\n", "\n## DevOps and infrastructure\n");
        Matcher links = Pattern.compile("\\| \\[([^]]+)]\\(#([a-z0-9-]+)\\) \\(`([a-z0-9-]+)`\\)").matcher(page);
        int count = 0;
        while (links.find()) {
            count++;
            String title = links.group(1);
            assertThat(page).contains("\n### " + title + "\n");
            assertThat(links.group(2)).isEqualTo(githubAnchor(title));
        }
        assertThat(count).isEqualTo(15);
        for (ScenarioCard c : ScenarioCatalog.standard().cards()) {
            assertThat(page).contains("model `" + c.model() + "`");
        }
        assertThat(page).contains("](#the-free-server)", "](#the-10-second-lag)", "](#the-4k-upload)");
    }

    /** GitHub's heading anchor, written out independently of the code under test. */
    private static String githubAnchor(String heading) {
        StringBuilder b = new StringBuilder();
        for (char ch : heading.toLowerCase().toCharArray()) {
            if (Character.isLetterOrDigit(ch) || ch == '-') {
                b.append(ch);
            } else if (ch == ' ') {
                b.append('-');
            }
        }
        return b.toString();
    }
}
