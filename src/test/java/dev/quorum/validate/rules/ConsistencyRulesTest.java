package dev.quorum.validate.rules;

import static dev.quorum.validate.rules.CompletenessRulesTest.run;
import static dev.quorum.validate.rules.CompletenessRulesTest.runOnSample;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConsistencyRulesTest {

    private static final String ASYNC_TOPOLOGY = """
            replication:
              strategy: primary-replica
              topology:
                nodes:
                  - id: pg-a
                    name: Primary
                    role: primary
                  - id: pg-b
                    name: %s
                    role: %s
                links:
                  - from: pg-a
                    to: pg-b
                    mode: %s
                    lag: 1 s
            """;

    private static String strong(String implementation, String nodeName, String role, String mode) {
        return "consistency:\n  model: strong\n  implementation: \"" + implementation + "\"\n"
                + ASYNC_TOPOLOGY.formatted(nodeName, role, mode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce.quorum.yaml", "live-scores.quorum.yaml", "payments.quorum.yaml",
            "quorum-store.quorum.yaml"})
    void goodSamplesAreClean(String sample) throws Exception {
        assertThat(runOnSample(ConsistencyRules.all(), sample)).isEmpty();
    }

    @Test
    void flawedStartupTriggersItsConsistencyFlaws() throws Exception {
        assertThat(runOnSample(ConsistencyRules.all(), "flawed-startup.quorum.yaml")).extracting(Finding::ruleId)
                .contains("consistency.strong-with-async-replica-reads",
                        "replication.multi-primary-without-conflict-resolution",
                        "consistency.eventual-money-without-compensation");
    }

    @Test
    void strongModelWithAReadReplicaBehindAnAsyncLinkIsAnError() throws Exception {
        List<Finding> f = run(new StrongWithAsyncReplicaReadsRule(),
                strong("Writes go to the primary.", "Replica", "replica", "async"));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.location().path()).isEqualTo("replication.topology.links[0].mode");
            assertThat(x.message()).contains("pg-b", "pg-a", "1 s");
        });
    }

    @Test
    void replicasThatAreNeverReadOrSyncedAreFine() throws Exception {
        StrongWithAsyncReplicaReadsRule rule = new StrongWithAsyncReplicaReadsRule();
        assertThat(run(rule, strong("All reads and writes go to the primary.", "DR replica", "replica", "async"))).isEmpty();
        assertThat(run(rule, strong("Replicas are for failover only and are never read.", "DR", "replica", "async"))).isEmpty();
        assertThat(run(rule, strong("Writes on the primary.", "Cross-region replica (not read, manual promotion)",
                "replica", "async"))).isEmpty();
        assertThat(run(rule, strong("Reads go to the read replicas.", "Replica", "replica", "sync"))).isEmpty();
        assertThat(run(rule, strong("Writes go to the primary.", "Hot standby", "standby", "async"))).isEmpty();
    }

    @Test
    void aStandbyCountsWhenTheProseSendsReadsToIt() throws Exception {
        assertThat(run(new StrongWithAsyncReplicaReadsRule(),
                strong("Reports read from the replica pg-b.", "Hot standby", "standby", "async"))).hasSize(1);
    }

    @Test
    void readYourWritesNeedsANamedMechanism() throws Exception {
        ReadYourWritesWithoutMechanismRule rule = new ReadYourWritesWithoutMechanismRule();
        String base = "consistency:\n  model: read-your-writes\n  implementation: ";
        assertThat(run(rule, base + "The load balancer uses sticky sessions per user.")).isEmpty();
        assertThat(run(rule, base + "The client sends its last GTID; the replica waits until it has applied it.")).isEmpty();
        assertThat(run(rule, base + "We use no sticky sessions; replicas catch up quickly.")).hasSize(1);
        assertThat(run(rule, base + "\"\"")).isEmpty();
    }

    @Test
    void multiPrimaryJudgesTheStrategiesAboutTheReplication() throws Exception {
        String yaml = """
                sharing:
                  strategies:
                    - name: Menu cache
                      components: [menu-service]
                      conflict_resolution: Last write wins.
                    - name: Primaries
                      description: Bidirectional replication between the primaries.
                      components: [pg-fra, pg-dub]
                      conflict_resolution: "%s"
                replication:
                  strategy: peer-to-peer
                  topology:
                    nodes:
                      - id: pg-fra
                        role: primary
                      - id: pg-dub
                        role: primary
                """;
        MultiPrimaryWithoutConflictResolutionRule rule = new MultiPrimaryWithoutConflictResolutionRule();
        assertThat(run(rule, yaml.formatted("n/a"))).singleElement()
                .satisfies(x -> assertThat(x.location().path()).isEqualTo("sharing.strategies[1].conflict_resolution"));
        assertThat(run(rule, yaml.formatted("None needed: each customer is owned by one home region."))).isEmpty();
        assertThat(run(rule, yaml.formatted("Highest version wins."))).isEmpty();
    }

    @Test
    void multiPrimaryWithoutAnyStrategyPointsAtTheReplicationStrategy() throws Exception {
        assertThat(run(new MultiPrimaryWithoutConflictResolutionRule(), "replication:\n  strategy: multi-primary\n"))
                .singleElement().satisfies(x -> assertThat(x.location().path()).isEqualTo("replication.strategy"));
    }

    @Test
    void eventualMoneyIsCompensatedByAReconciliationAnywhereButNotByANegatedOne() throws Exception {
        String row = """
                sharing:
                  shared_data:
                    - data: Wallet balance
                      components: [a, b]
                      synchronization: "Async replication, eventually consistent; %s"
                """;
        EventualMoneyWithoutCompensationRule rule = new EventualMoneyWithoutCompensationRule();
        assertThat(run(rule, row.formatted("nothing reconciles it."))).hasSize(1);
        assertThat(run(rule, row.formatted("a nightly job reconciles it against the ledger."))).isEmpty();
    }

    @Test
    void eventualModelWithPaymentsIsReportedOnce() throws Exception {
        assertThat(run(new EventualMoneyWithoutCompensationRule(), """
                persistence:
                  data_elements:
                    - name: payments
                    - name: inventory
                consistency:
                  model: eventual
                """)).singleElement().satisfies(x -> {
                    assertThat(x.location().path()).isEqualTo("consistency.model");
                    assertThat(x.message()).contains("payments", "inventory");
                });
    }

    @Test
    void sharedDataIsResolvedByTheRowOrByAStrategyOfTheSameComponents() throws Exception {
        SharedDataWithoutConflictResolutionRule rule = new SharedDataWithoutConflictResolutionRule();
        String yaml = """
                sharing:
                  shared_data:
                    - data: Profiles
                      components: [web, mobile]
                      synchronization: Both write to PostgreSQL.
                  strategies:
                    - name: Account writes
                      components: [%s]
                      conflict_resolution: Optimistic version check; the second writer retries.
                """;
        assertThat(run(rule, yaml.formatted("web"))).isEmpty();
        assertThat(run(rule, yaml.formatted("billing"))).hasSize(1);
        assertThat(run(rule, """
                sharing:
                  shared_data:
                    - data: Profiles
                      components: [web]
                      synchronization: Cached in memory.
                """)).isEmpty();
    }

    @Test
    void syncWithoutFrequencyNamesTheStrategy() throws Exception {
        assertThat(run(new SyncWithoutFrequencyRule(), """
                sharing:
                  strategies:
                    - name: CDC
                    - name: Nightly
                      frequency: daily
                """)).singleElement().satisfies(x -> {
                    assertThat(x.location().path()).isEqualTo("sharing.strategies[0].frequency");
                    assertThat(x.message()).contains("'CDC'");
                });
    }
}
