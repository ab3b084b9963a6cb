package dev.quorum.validate.rules;

import static dev.quorum.validate.rules.CompletenessRulesTest.design;
import static dev.quorum.validate.rules.CompletenessRulesTest.run;
import static dev.quorum.validate.rules.CompletenessRulesTest.runOnSample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.validate.Finding;
import dev.quorum.validate.RuleTesting;
import dev.quorum.validate.Thresholds;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce.quorum.yaml", "live-scores.quorum.yaml", "payments.quorum.yaml",
            "quorum-store.quorum.yaml"})
    void goodSamplesAreClean(String sample) throws Exception {
        assertThat(runOnSample(RecoveryRules.all(), sample)).isEmpty();
    }

    @Test
    void flawedStartupTriggersEveryRecoveryRule() throws Exception {
        assertThat(runOnSample(RecoveryRules.all(), "flawed-startup.quorum.yaml")).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("backup.interval-exceeds-rpo", "replication.lag-exceeds-rpo",
                        "recovery.rto-below-failover-time", "recovery.rto-below-restore-time",
                        "backup.same-location-as-primary", "recovery.never-tested",
                        "backup.retention-below-legal-retention");
    }

    private static String backup(String frequency, String shipping, String rpo) {
        return "backup:\n  strategy:\n    frequency: " + frequency + "\n"
                + (shipping == null ? "" : "    continuous_log_shipping: " + shipping + "\n")
                + "  recovery:\n    rpo: " + rpo + "\n";
    }

    @Test
    void backupIntervalIsComparedWithTheRpo() throws Exception {
        BackupIntervalExceedsRpoRule rule = new BackupIntervalExceedsRpoRule();
        assertThat(run(rule, backup("daily", "false", "1 day"))).isEmpty();
        assertThat(run(rule, backup("every 6 hours", "true", "0"))).isEmpty();
        assertThat(run(rule, backup("weekly", "false", "1 hour"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("604,800 s", "60 min (3,600 s)"));
        assertThat(run(rule, backup("never", null, "1 day"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("never run", "no continuous log shipping stated"));
        assertThat(run(rule, backup("sometimes", "false", "1 hour"))).isEmpty();
    }

    private static final String LAGGING = """
            replication:
              topology:
                nodes:
                  - id: pg
                    role: primary
                  - id: pg-r
                    name: %s
                    role: replica
                links:
                  - from: pg
                    to: pg-r
                    mode: async
                    lag: %s
              expected_lag: 2 h
              failover:
                mode: %s
                process: "%s"
            backup:
              recovery:
                rpo: 1 hour
            """;

    @Test
    void lagIsComparedWithTheRpoForAutomaticFailoverOnly() throws Exception {
        LagExceedsRpoRule rule = new LagExceedsRpoRule();
        assertThat(run(rule, LAGGING.formatted("Replica", "90 min", "automatic", "Patroni promotes pg-r.")))
                .singleElement().satisfies(x -> {
                    assertThat(x.location().path()).isEqualTo("replication.topology.links[0].lag");
                    assertThat(x.message()).contains("90 min (5,400 s)", "60 min (3,600 s)");
                });
        assertThat(run(rule, LAGGING.formatted("Replica", "90 min", "manual", "A person promotes pg-r."))).isEmpty();
        assertThat(run(rule, LAGGING.formatted("Replica (manual promotion)", "90 min", "automatic", "x"))).isEmpty();
        assertThat(run(rule, LAGGING.formatted("Replica", "90 min", "automatic",
                "pg-r is never promoted automatically."))).isEmpty();
        assertThat(run(rule, LAGGING.formatted("Replica", "90 min", "automatic",
                "Patroni promotes pg-r only if it is less than 1 MB of WAL behind."))).isEmpty();
        assertThat(run(rule, LAGGING.formatted("Replica", "30 s", "automatic", "Patroni promotes pg-r."))).isEmpty();
    }

    @Test
    void expectedLagIsTheFallbackWhenLinksGiveNoLag() throws Exception {
        assertThat(run(new LagExceedsRpoRule(), LAGGING.formatted("Replica", "\"\"", "automatic", "Patroni promotes pg-r.")))
                .singleElement().satisfies(x -> assertThat(x.location().path()).isEqualTo("replication.expected_lag"));
    }

    @Test
    void rtoMustCoverDetectionPlusPromotion() throws Exception {
        String yaml = "replication:\n  failover:\n    detection_time: 2 min\n    promotion_time: 5 min\n"
                + "backup:\n  recovery:\n    rto: %s\n";
        RtoBelowFailoverTimeRule rule = new RtoBelowFailoverTimeRule();
        assertThat(run(rule, yaml.formatted("7 min"))).isEmpty();
        assertThat(run(rule, yaml.formatted("1 min"))).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("2 min + promotion 5 min = 7 min (420 s)", "60 s"));
    }

    @Test
    void restoreTimeShowsTheArithmeticAndLeavesCachesOut() throws Exception {
        String yaml = """
                persistence:
                  data_elements:
                    - name: orders
                      size_estimate: 500 GB
                    - name: menu cache
                      size_estimate: 100 GB
                  storage_choices:
                    - data: orders
                      type: relational
                    - data: menu cache
                      type: cache
                backup:
                  recovery:
                    rto: 1 h
                """;
        assertThat(run(new RtoBelowRestoreTimeRule(), yaml)).singleElement().satisfies(x -> assertThat(x.message())
                .contains("500,000,000,000 B / 100,000,000 B/s = 5,000 s", "83.3 min", "60 min (3,600 s)", "100 GB held only in caches"));

        List<Finding> fast = new ArrayList<>();
        new RtoBelowRestoreTimeRule().check(RuleTesting.context(design(yaml), new Thresholds(10, 500e6, 100_000, 5, 3)),
                (l, m, fix) -> fast.add(null));
        assertThat(fast).isEmpty();
    }

    @Test
    void backupLocationIsComparedWithThePrimarysDatacenter() throws Exception {
        String yaml = """
                replication:
                  topology:
                    datacenters:
                      - id: dc1
                        name: AWS eu-central-1 (Frankfurt)
                    nodes:
                      - id: store
                        role: primary
                        datacenter: dc1
                backup:
                  strategy:
                    location: "%s"
                """;
        BackupSameLocationAsPrimaryRule rule = new BackupSameLocationAsPrimaryRule();
        assertThat(run(rule, yaml.formatted("S3 bucket in eu-central-1 with versioning."))).hasSize(1);
        assertThat(run(rule, yaml.formatted("Nightly dump to the local disk."))).hasSize(1);
        assertThat(run(rule, yaml.formatted("S3 bucket in eu-west-1, another region than eu-central-1."))).isEmpty();
        assertThat(run(rule, yaml.formatted("A folder on a NAS. While it is on the same disk as the store, Quorum warns.")))
                .isEmpty();
        assertThat(run(rule, yaml.formatted("A copy of the store in S3 eu-west-1."))).isEmpty();
    }

    @Test
    void testingLessThanYearlyCounts() throws Exception {
        NeverTestedRule rule = new NeverTestedRule();
        assertThat(run(rule, "backup:\n  recovery:\n    testing_frequency: yearly\n")).isEmpty();
        assertThat(run(rule, "backup:\n  recovery:\n    testing_frequency: every 2 years\n")).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("less than once a year"));
    }

    @Test
    void anArchiveThatKeepsTheDataCoversTheRetention() throws Exception {
        String yaml = "backup:\n  strategy:\n    retention: 30 days\nlifecycle:\n  archival: \"%s\"\n  retention_period: 7 years\n";
        RetentionBelowLegalRetentionRule rule = new RetentionBelowLegalRetentionRule();
        assertThat(run(rule, yaml.formatted("Closed years are exported to Parquet in S3 Glacier."))).isEmpty();
        assertThat(run(rule, yaml.formatted("None."))).hasSize(1);
        assertThat(run(rule, yaml.formatted(""))).hasSize(1);
        assertThat(run(rule, "backup:\n  strategy:\n    retention: 7 years\nlifecycle:\n  retention_period: 7 years\n")).isEmpty();
    }
}
