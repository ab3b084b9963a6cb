package dev.quorum.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleTesting;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryRulesTest {

    private static final String ORDERS = """
            quorum: 1
            schema:
              dialect: postgresql
              sql: |
                CREATE TABLE customers (customer_id BIGINT PRIMARY KEY, email VARCHAR(200) NOT NULL);
                CREATE TABLE orders (
                  order_id BIGINT PRIMARY KEY,
                  customer_id BIGINT NOT NULL REFERENCES customers(customer_id),
                  status VARCHAR(30) NOT NULL,
                  created_at TIMESTAMPTZ NOT NULL
                );
                CREATE VIEW open_orders AS SELECT * FROM orders WHERE status <> 'DONE';
            persistence:
              data_elements:
                - name: Orders
                  size_estimate: %s
            queries:
              - name: Q
                frequency: %s
                access_pattern: read-heavy
                sql: |
                  %s
            """;

    private static Design design(String size, String frequency, String sql) throws Exception {
        return new DesignYaml().read(String.format(ORDERS, size, frequency, sql), "test.yaml").design();
    }

    private static List<Finding> run(Rule rule, String frequency, String sql) throws Exception {
        return RuleTesting.run(rule, design("1 KB per row x 10M rows", frequency, sql));
    }

    @Test
    void hotMeansAtOrAboveTheThreshold() throws Exception {
        String sql = "SELECT order_id FROM orders WHERE status = 'NEW' ORDER BY created_at LIMIT 10;";
        assertThat(run(new HotQueryWithoutIndexRule(), "9/s", sql)).isEmpty();
        assertThat(run(new HotQueryWithoutIndexRule(), "10/s", sql)).singleElement().satisfies(f -> {
            assertThat(f.fix()).isEqualTo("CREATE INDEX idx_orders_status_created_at ON orders(status, created_at);");
            assertThat(f.message()).contains("10/s", "filters on status", "sorts on created_at");
            assertThat(f.location().path()).isEqualTo("queries[0].sql");
        });
    }

    @Test
    void anIndexedJoinOrSortServesTheTable() throws Exception {
        assertThat(run(new HotQueryWithoutIndexRule(), "50/s", """
                SELECT c.email FROM orders o JOIN customers c ON c.customer_id = o.customer_id WHERE o.order_id = $1;""")).isEmpty();
        assertThat(run(new HotQueryWithoutIndexRule(), "50/s",
                "SELECT c.email, o.status FROM customers c JOIN orders o ON o.customer_id = c.customer_id WHERE c.customer_id = $1;"))
                .singleElement().satisfies(f -> assertThat(f.fix())
                        .isEqualTo("CREATE INDEX idx_orders_customer_id ON orders(customer_id);"));
        assertThat(run(new HotQueryWithoutIndexRule(), "50/s", "SELECT order_id FROM orders ORDER BY order_id LIMIT 20;")).isEmpty();
    }

    @Test
    void insertsNeedNoIndex() throws Exception {
        assertThat(run(new HotQueryWithoutIndexRule(), "500/s",
                "INSERT INTO orders (order_id, customer_id, status, created_at) VALUES ($1, $2, 'NEW', now());")).isEmpty();
    }

    @Test
    void unboundedReadsNeedALargeTableAndNoBound() throws Exception {
        String all = "SELECT order_id, status FROM orders ORDER BY created_at;";
        assertThat(RuleTesting.run(new UnboundedReadRule(), design("1 KB per row x 50K rows", "hourly", all))).isEmpty();
        assertThat(RuleTesting.run(new UnboundedReadRule(), design("500 MB", "hourly", all))).isEmpty();
        assertThat(RuleTesting.run(new UnboundedReadRule(), design("3 GB", "hourly", all))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("about 3 GB, over 1 GB"));
        assertThat(run(new UnboundedReadRule(), "hourly", all)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("about 10M rows", "100K-row threshold"));
        assertThat(run(new UnboundedReadRule(), "hourly", "SELECT order_id FROM orders ORDER BY created_at LIMIT 500;")).isEmpty();
        assertThat(run(new UnboundedReadRule(), "hourly", "SELECT order_id FROM orders WHERE status = 'NEW';")).isEmpty();
        assertThat(run(new UnboundedReadRule(), "hourly", "SELECT order_id FROM orders WHERE created_at > $1;")).hasSize(1);
    }

    @Test
    void unknownColumnsAreReportedButViewsAreKnown() throws Exception {
        assertThat(run(new UnknownTableOrColumnRule(), "1/s", "SELECT o.total FROM orders o WHERE o.order_id = $1;"))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("orders.total"));
        assertThat(run(new UnknownTableOrColumnRule(), "1/s", "SELECT order_id FROM open_orders;")).isEmpty();
        assertThat(run(new UnknownTableOrColumnRule(), "1/s", "SELECT x FROM shipments;")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("table shipments"));
    }

    @Test
    void selectStarOnlyCountsOnHotPaths() throws Exception {
        assertThat(run(new SelectStarHotPathRule(), "1/s", "SELECT * FROM orders WHERE order_id = $1;")).isEmpty();
        assertThat(run(new SelectStarHotPathRule(), "100/s", "SELECT * FROM orders WHERE order_id = $1;")).singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("SELECT order_id, customer_id, status, created_at FROM orders"));
    }

    @Test
    void unparseableSqlNamesTheQuery() throws Exception {
        assertThat(run(new UnparseableSqlRule(), "1/s", "SELEC order_id FROM orders;")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("the SQL of query 'Q' cannot be parsed"));
    }

    private static Design events(int extraIndexes, String pattern, String frequency) throws Exception {
        StringBuilder sql = new StringBuilder("    CREATE TABLE events (id BIGINT PRIMARY KEY, a INT, b INT, c INT, d INT, e INT);\n");
        for (int i = 0; i < extraIndexes; i++) {
            sql.append("    CREATE INDEX ix").append(i).append(" ON events(").append((char) ('a' + i)).append(");\n");
        }
        return new DesignYaml().read("quorum: 1\nschema:\n  dialect: postgresql\n  sql: |\n" + sql
                + "queries:\n  - name: W\n    frequency: " + frequency + "\n    access_pattern: " + pattern
                + "\n    sql: INSERT INTO events (id, a) VALUES ($1, $2);\n", "t.yaml").design();
    }

    @Test
    void indexCountIncludesThePrimaryKeyAndOnlyWriteHeavyTablesCount() throws Exception {
        assertThat(RuleTesting.run(new WriteHeavyTableManyIndexesRule(), events(4, "write-heavy", "1/s"))).isEmpty();
        assertThat(RuleTesting.run(new WriteHeavyTableManyIndexesRule(), events(5, "write-heavy", "1/s"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("maintains 6 indexes", "more than 5"));
        assertThat(RuleTesting.run(new WriteHeavyTableManyIndexesRule(), events(5, "mixed", "1/s"))).isEmpty();
        assertThat(RuleTesting.run(new WriteHeavyTableManyIndexesRule(), events(5, "mixed", "100/s"))).hasSize(1);
    }

    @Test
    void accessPatternsContradictOnlyWhenTheStorageTextIsClear() throws Exception {
        String yaml = """
                quorum: 1
                persistence:
                  storage_choices:
                    - data: clicks
                      type: relational
                      system: PostgreSQL
                      access_patterns: %s
                queries:
                  - name: Record click
                    frequency: %s
                    data_accessed:
                      - clicks
                    access_pattern: write-heavy
                    sql: INSERT INTO clicks (url) VALUES ($1);
                """;
        DesignYaml y = new DesignYaml();
        Rule rule = new AccessPatternContradictionRule();
        assertThat(RuleTesting.run(rule, y.read(String.format(yaml, "read-heavy", "500/s"), "t").design())).hasSize(1);
        assertThat(RuleTesting.run(rule, y.read(String.format(yaml, "read-heavy", "1/s"), "t").design())).isEmpty();
        assertThat(RuleTesting.run(rule, y.read(String.format(yaml, "read-heavy by day, write-heavy at night", "500/s"), "t")
                .design())).isEmpty();
    }

    @Test
    void theFlawedSampleTriggersTheQueryRulesItsHeaderNamesAndGoodSamplesGetNoError() throws Exception {
        SchemaRulesTest.SampleChecks.assertFlawedTriggers(QueryRules.all(), "query.select-star-hot-path",
                "query.hot-query-without-index", "query.unbounded-read");
        SchemaRulesTest.SampleChecks.assertNoErrorsOnGoodSamples(QueryRules.all());
    }
}
