package dev.quorum.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleTesting;
import dev.quorum.validate.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompletenessRulesTest {

    static Design design(String yaml) throws Exception {
        return new DesignYaml().read("quorum: 1\n" + yaml, "test.quorum.yaml").design();
    }

    static List<Finding> run(Rule rule, String yaml) throws Exception {
        return RuleTesting.run(rule, design(yaml));
    }

    /** Runs every rule of the group on a sample and returns the findings. */
    static List<Finding> runOnSample(List<Rule> rules, String sample) throws Exception {
        Design d = new DesignYaml().read(Path.of("samples", sample)).design();
        List<Finding> out = new ArrayList<>();
        for (Rule r : rules) {
            out.addAll(RuleTesting.run(r, d));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecommerce.quorum.yaml", "live-scores.quorum.yaml", "payments.quorum.yaml",
            "quorum-store.quorum.yaml"})
    void goodSamplesAreClean(String sample) throws Exception {
        assertThat(runOnSample(CompletenessRules.all(), sample)).isEmpty();
    }

    @Test
    void flawedStartupTriggersItsCompletenessFlaws() throws Exception {
        assertThat(runOnSample(CompletenessRules.all(), "flawed-startup.quorum.yaml")).extracting(Finding::ruleId)
                .contains("completeness.required-field-empty", "completeness.unreadable-quantity",
                        "completeness.data-without-storage", "completeness.query-unknown-data");
    }

    @Test
    void requiredFieldEmptyReportsEachGapButLeavesSyncFrequencyToItsOwnRule() throws Exception {
        List<Finding> f = run(new RequiredFieldEmptyRule(), """
                name: Shop
                sharing:
                  strategies:
                    - name: outbox
                      frequency: ""
                """);
        assertThat(f).extracting(x -> x.location().path())
                .contains("backup.recovery.rto", "sharing.strategies[0].description", "persistence.data_elements")
                .doesNotContain("sharing.strategies[0].frequency", "name");
        assertThat(f).filteredOn(x -> x.location().path().equals("backup.recovery.rto"))
                .singleElement().satisfies(x -> assertThat(x.location().section()).isEqualTo("backup"));
    }

    @Test
    void unreadableQuantityCoversNestedQuantitiesSuchAsLinkLag() throws Exception {
        List<Finding> f = run(new UnreadableQuantityRule(), """
                replication:
                  topology:
                    links:
                      - from: a
                        to: b
                        lag: quick
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.location().path()).isEqualTo("replication.topology.links[0].lag");
            assertThat(x.message()).contains("quick");
        });
    }

    @Test
    void storageMatchesNamesLoosely() throws Exception {
        String yaml = """
                persistence:
                  data_elements:
                    - name: Order Items
                    - name: payments
                    - name: Restaurants and menus
                  storage_choices:
                    - data: order_items, Payment
                    - data: restaurants and menus
                """;
        assertThat(run(new DataWithoutStorageRule(), yaml)).isEmpty();
        assertThat(run(new StorageForUnknownDataRule(), yaml)).isEmpty();
    }

    @Test
    void storageForUnknownDataNamesTheChoice() throws Exception {
        assertThat(run(new StorageForUnknownDataRule(), """
                persistence:
                  data_elements:
                    - name: orders
                  storage_choices:
                    - data: invoices
                """)).singleElement().satisfies(x -> {
                    assertThat(x.location().path()).isEqualTo("persistence.storage_choices[0].data");
                    assertThat(x.message()).contains("'invoices'");
                });
    }

    @Test
    void backupThatCoversAllDataOrSaysWhatIsNotBackedUpIsQuiet() throws Exception {
        String elements = """
                persistence:
                  data_elements:
                    - name: orders
                    - name: sessions
                """;
        assertThat(run(new DataNotInBackupRule(), elements + """
                backup:
                  strategy:
                    location: pgBackRest of the entire database to S3 in another region.
                """)).isEmpty();
        assertThat(run(new DataNotInBackupRule(), elements + """
                backup:
                  strategy:
                    location: Nightly dump of orders to S3. Sessions are not backed up; users sign in again.
                """)).isEmpty();
        assertThat(run(new DataNotInBackupRule(), elements + """
                backup:
                  strategy:
                    location: Not all data is copied; orders go to S3.
                """)).extracting(Finding::message).singleElement().asString().contains("'sessions'");
    }

    @Test
    void backupNamingNoElementGivesOneSummaryFinding() throws Exception {
        assertThat(run(new DataNotInBackupRule(), """
                persistence:
                  data_elements:
                    - name: orders
                    - name: payments
                    - name: users
                backup:
                  strategy:
                    location: Nightly snapshot to S3.
                """)).singleElement().satisfies(x -> assertThat(x.message()).contains("none of the 3"));
    }

    @Test
    void lifecycleMentionsAcceptPluralsAndUnderscores() throws Exception {
        assertThat(run(new DataNotInLifecycleRule(), """
                persistence:
                  data_elements:
                    - name: order_items
                    - name: Customers
                lifecycle:
                  creation: Each order item is created at checkout; a customer signs up.
                """)).isEmpty();
    }

    @Test
    void queryDataMayNameTablesViewsElementsOrCollections() throws Exception {
        assertThat(run(new QueryUnknownDataRule(), """
                persistence:
                  data_elements:
                    - name: Simulation results
                schema:
                  dialect: postgresql
                  sql: |
                    CREATE TABLE IF NOT EXISTS public."Orders" (id BIGINT PRIMARY KEY);
                    CREATE MATERIALIZED VIEW daily_sales AS SELECT 1;
                  documents:
                    - collection: "menu:{restaurant_id} (Redis)"
                      json: "{}"
                queries:
                  - name: q
                    data_accessed:
                      - public.orders
                      - orders.status
                      - daily_sales
                      - simulation_results
                      - menu
                      - orders (read only)
                """)).isEmpty();
    }

    @Test
    void queryUnknownDataPointsAtTheEntry() throws Exception {
        assertThat(run(new QueryUnknownDataRule(), """
                queries:
                  - name: q
                    data_accessed:
                      - dish_stats
                """)).singleElement().satisfies(x -> {
                    assertThat(x.location().path()).isEqualTo("queries[0].data_accessed[0]");
                    assertThat(x.fix()).contains("CREATE TABLE dish_stats");
                });
    }

    @Test
    void diagramRuleChecksDatacenterIdsOfNodes() throws Exception {
        assertThat(run(new DiagramUnknownNodeRule(), """
                replication:
                  topology:
                    datacenters:
                      - id: dc1
                        name: Frankfurt
                    nodes:
                      - id: pg
                        name: Primary
                        role: primary
                        datacenter: DC2
                """)).singleElement().satisfies(x -> {
                    assertThat(x.location().path()).isEqualTo("replication.topology.nodes[0].datacenter");
                    assertThat(x.message()).contains("'DC2'", "dc1");
                });
    }

    @Test
    void invalidJsonReportsLineAndColumn() throws Exception {
        List<Finding> f = run(new InvalidJsonDocumentRule(), """
                schema:
                  documents:
                    - collection: profiles
                      json: |
                        {
                          "a": 1,
                          'b': 2
                        }
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.location().textLine()).isEqualTo(3);
            assertThat(x.message()).contains("line 3, column");
        });
    }

    @Test
    void invalidJsonSurvivesDeepNestingAndScalars() throws Exception {
        String deep = "[".repeat(5_000) + "]".repeat(5_000);
        List<Finding> f = run(new InvalidJsonDocumentRule(), "schema:\n  documents:\n    - collection: deep\n      json: '"
                + deep + "'\n    - collection: scalar\n      json: '\"just a string\"'\n    - collection: trailing\n      json: '{} {}'\n");
        assertThat(f).hasSize(3);
        assertThat(f.get(0).message()).contains("does not parse");
        assertThat(f.get(1).message()).contains("not a document");
        assertThat(f.get(2).message()).contains("does not parse");
    }

    @Test
    void unreadableQuantityIsAnError() {
        assertThat(new UnreadableQuantityRule().info().defaultSeverity()).isEqualTo(Severity.ERROR);
    }
}
