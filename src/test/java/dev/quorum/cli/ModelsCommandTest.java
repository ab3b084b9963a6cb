package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ModelsCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void listsEveryModelWithItsParametersDefaultsRangesAndSources() {
        assertThat(run("models")).isZero();
        String text = out.toString();
        assertThat(text).contains("failover: Primary failure and failover (what-if)", "restore: Disaster restore (what-if)",
                "replica-reads:", "multi-primary:", "thundering-herd:", "connection-pool:");
        assertThat(text).contains("  --param detection=30 s\n      Detection time: Time from the failure until it is noticed (mean).\n"
                + "      range 0 s to 24 h; default 30 s (Patroni's default leader-key TTL, ttl = 30 s (Patroni documentation, dynamic configuration))\n"
                + "      from the design: replication.failover.detection_time\n");
        assertThat(text).contains("  --param mode=async\n", "options async | semi-sync | sync");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void withADesignShowsItsValuesAndWhichModelsApply() throws Exception {
        assertThat(run("models", "samples/payments.quorum.yaml", "--format", "json")).isZero();
        JsonNode models = new ObjectMapper().readTree(out.toString()).get("models");
        assertThat(models).hasSize(6 + 15);
        assertThat(models.get(6).get("id").asText()).isEqualTo("scenario.live-score");
        JsonNode failover = models.get(0);
        assertThat(failover.get("applies").asBoolean()).isTrue();
        JsonNode detection = null;
        for (JsonNode p : failover.get("parameters")) {
            if (p.get("name").asText().equals("detection")) {
                detection = p;
            }
        }
        assertThat(detection).isNotNull();
        assertThat(detection.get("value").asText()).isEqualTo("15 s");
        assertThat(detection.get("origin").asText()).isEqualTo("design");
        assertThat(detection.get("source").asText()).startsWith("Patroni");
        assertThat(models.get(3).get("applies").asBoolean()).isFalse();
        assertThat(models.get(3).get("not_applicable").asText()).startsWith("the design has a single primary");
    }
}
