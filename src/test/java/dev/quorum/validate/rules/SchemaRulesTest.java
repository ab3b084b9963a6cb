package dev.quorum.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import dev.quorum.sql.Column;
import dev.quorum.sql.Index;
import dev.quorum.sql.KeyConstraint;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.SqlName;
import dev.quorum.sql.Table;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleTesting;
import dev.quorum.validate.Severity;
import dev.quorum.validate.Thresholds;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SchemaRulesTest {

    private static Design schema(SqlDialect dialect, String sql) {
        return new Design("t", "", null, new SchemaDesign(dialect, sql, List.of()), null, null, null, null, null, null, null);
    }

    private static List<Finding> run(Rule rule, String sql) {
        return RuleTesting.run(rule, schema(SqlDialect.POSTGRESQL, sql));
    }

    private static List<Finding> run(Rule rule, DesignContext context) {
        List<Finding> out = new ArrayList<>();
        rule.check(context, (l, m, f) -> out.add(new Finding(rule.info().id(), rule.info().defaultSeverity(), l, m, f)));
        return out;
    }

    @Test
    void fkTypeSpellingsOfOneFamilyAreEqual() {
        String sql = """
                CREATE TABLE a (id SERIAL PRIMARY KEY, code VARCHAR(10) UNIQUE, big BIGSERIAL UNIQUE);
                CREATE TABLE b (
                  b_id INT PRIMARY KEY,
                  a_id INTEGER REFERENCES a(id),
                  a_code CHARACTER VARYING(20) REFERENCES a(code),
                  a_big INT8 REFERENCES a(big)
                );
                """;
        assertThat(run(new FkTypeMismatchRule(), sql)).isEmpty();
    }

    @Test
    void fkTypeMismatchNamesBothTypesAndTheAlter() {
        List<Finding> f = run(new FkTypeMismatchRule(), """
                CREATE TABLE restaurants (restaurant_id BIGSERIAL PRIMARY KEY);
                CREATE TABLE orders (order_id BIGSERIAL PRIMARY KEY,
                  restaurant_id INT REFERENCES restaurants(restaurant_id));
                """);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("orders.restaurant_id is INT (INTEGER)", "BIGSERIAL (BIGINT)");
            assertThat(x.fix()).isEqualTo("ALTER TABLE orders ALTER COLUMN restaurant_id TYPE BIGINT;");
            assertThat(x.location().textLine()).isEqualTo(3);
        });
    }

    @Test
    void fkWithoutIndexAcceptsAnyLeadingOrderAndIgnoresPartialIndexes() {
        String base = """
                CREATE TABLE p (a INT, b INT, PRIMARY KEY (a, b));
                CREATE TABLE c (id INT PRIMARY KEY, a INT, b INT, FOREIGN KEY (a, b) REFERENCES p(a, b));
                """;
        assertThat(run(new FkWithoutIndexRule(), base + "CREATE INDEX ix ON c(b, a, id);")).isEmpty();
        assertThat(run(new FkWithoutIndexRule(), base + "CREATE INDEX ix ON c(a, b) WHERE a > 0;")).singleElement()
                .satisfies(x -> assertThat(x.fix()).isEqualTo("CREATE INDEX idx_c_a_b ON c(a, b);"));
    }

    @Test
    void redundantIndexKeepsUniqueIndexesAndComparesOnlyEqualPredicates() {
        String table = "CREATE TABLE t (id INT PRIMARY KEY, a INT NOT NULL, b INT NOT NULL);\n";
        assertThat(run(new RedundantIndexRule(), table + "CREATE UNIQUE INDEX u ON t(a);\nCREATE INDEX ab ON t(a, b);"))
                .isEmpty();
        assertThat(run(new RedundantIndexRule(), table + "CREATE INDEX a1 ON t(a) WHERE b > 0;\nCREATE INDEX ab ON t(a, b);"))
                .isEmpty();
        assertThat(run(new RedundantIndexRule(), table + "CREATE INDEX x1 ON t(a, b);\nCREATE INDEX x2 ON t(a, b);"))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("x2", "duplicates index x1"));
        assertThat(run(new RedundantIndexRule(), table + "CREATE INDEX pk_dup ON t(id);"))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("the primary key (id)"));
    }

    @Test
    void redundantIndexSeesPrefixesOfUniqueConstraints() {
        // Built by hand: the pair is what the e-commerce sample declares (uq_order_items_line and idx_order_items_order).
        Table t = new Table("", new SqlName("order_items", false),
                List.of(new Column(new SqlName("order_item_id", false), "BIGINT", "BIGINT", false, null, 2),
                        new Column(new SqlName("order_id", false), "UUID", "UUID", false, null, 3),
                        new Column(new SqlName("line_no", false), "SMALLINT", "SMALLINT", false, null, 4)),
                Optional.of(new KeyConstraint("", List.of(new SqlName("order_item_id", false)), 2)),
                List.of(new KeyConstraint("uq_order_items_line", List.of(new SqlName("order_id", false),
                        new SqlName("line_no", false)), 5)),
                List.of(), List.of(new Index("idx_order_items_order", List.of(new SqlName("order_id", false)), false, "", 7)),
                "", 1);
        DesignContext ctx = new DesignContext(schema(SqlDialect.POSTGRESQL, ""), new SchemaModel(List.of(t), List.of(),
                List.of()), List.of(), Thresholds.DEFAULT);
        assertThat(run(new RedundantIndexRule(), ctx)).singleElement().satisfies(x -> {
            assertThat(x.message()).contains("idx_order_items_order", "unique constraint uq_order_items_line");
            assertThat(x.fix()).isEqualTo("DROP INDEX idx_order_items_order;");
            assertThat(x.location().textLine()).isEqualTo(7);
        });
    }

    @Test
    void partitionsInheritTheirParentsPrimaryKey() {
        String sql = """
                CREATE TABLE payment (payment_id INT NOT NULL, paid_on DATE NOT NULL, PRIMARY KEY (paid_on, payment_id))
                  PARTITION BY RANGE (paid_on);
                CREATE TABLE payment_2024 PARTITION OF payment FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
                """;
        assertThat(run(new NoPrimaryKeyRule(), sql)).isEmpty();
        assertThat(run(new NoPrimaryKeyRule(), "CREATE TABLE t (email VARCHAR(100) NOT NULL UNIQUE, n INT);"))
                .singleElement().satisfies(x -> assertThat(x.fix()).isEqualTo("ALTER TABLE t ADD PRIMARY KEY (email);"));
    }

    @Test
    void selfReferencesAreNoCycleButRingsAreOneFinding() {
        assertThat(run(new FkCycleRule(), "CREATE TABLE e (id INT PRIMARY KEY, boss INT REFERENCES e(id));")).isEmpty();
        assertThat(run(new FkCycleRule(), """
                CREATE TABLE a (id INT PRIMARY KEY, c_id INT REFERENCES c(id));
                CREATE TABLE b (id INT PRIMARY KEY, a_id INT REFERENCES a(id));
                CREATE TABLE c (id INT PRIMARY KEY, b_id INT REFERENCES b(id));
                CREATE TABLE d (id INT PRIMARY KEY, a_id INT REFERENCES a(id));
                """)).singleElement().satisfies(x -> assertThat(x.message()).contains("3 tables: a, b, c"));
    }

    @Test
    void incrementingColumnsCountTheBareStemButNotOneNumberedColumn() {
        assertThat(run(new IncrementingColumnNamesRule(),
                "CREATE TABLE a (id INT PRIMARY KEY, address TEXT, address2 TEXT, sha256 CHAR(64));"))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("address, address2"));
        assertThat(run(new IncrementingColumnNamesRule(), "CREATE TABLE a (id INT PRIMARY KEY, sha256 CHAR(64));")).isEmpty();
    }

    @Test
    void moneyWordsNeedAFloatTypeAndNoRatioOrUnitWord() {
        List<Finding> f = run(new MoneyAsFloatRule(), """
                CREATE TABLE t (id INT PRIMARY KEY, tax_rate FLOAT, weight_kg REAL, total_cents DOUBLE PRECISION,
                  price NUMERIC(10,2), unitPrice FLOAT8);
                """);
        assertThat(f).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("t.total_cents"),
                m -> assertThat(m).startsWith("t.unitPrice"));
        assertThat(f.get(0).fix()).contains("TYPE BIGINT");
    }

    @Test
    void timestampZonesAreOnlyCheckedForPostgresqlAndAnsi() {
        String sql = "CREATE TABLE t (id INT PRIMARY KEY, a TIMESTAMP, b TIMESTAMP WITH TIME ZONE, c TIMESTAMPTZ);";
        assertThat(RuleTesting.run(new TimestampWithoutTimeZoneRule(), schema(SqlDialect.MYSQL, sql))).isEmpty();
        assertThat(run(new TimestampWithoutTimeZoneRule(), sql)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("stores a as TIMESTAMP"));
    }

    @Test
    void reservedWordsAreReportedOnceAndOnlyByTheirRule() {
        String sql = "CREATE TABLE language (id INT PRIMARY KEY, \"user\" INT, \"order\" INT, \"Mixed\" INT);";
        assertThat(run(new ReservedWordNameRule(), sql)).extracting(Finding::message)
                .satisfiesExactly(m -> assertThat(m).contains("language.user"), m -> assertThat(m).contains("language.order"));
        assertThat(run(new BadIdentifierRule(), sql)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("\"Mixed\"").doesNotContain("order"));
    }

    @Test
    void lobLimitComesFromTheThresholds() {
        Design d = schema(SqlDialect.POSTGRESQL,
                "CREATE TABLE t (id INT PRIMARY KEY, a TEXT, b BYTEA, c JSONB, d XML, e VARCHAR(10));");
        assertThat(RuleTesting.run(new TooManyLobsRule(), d)).singleElement()
                .satisfies(x -> assertThat(x.message()).contains("4 large-object columns", "limit of 3"));
        DesignContext lenient = RuleTesting.context(d, new Thresholds(10, 100e6, 100_000, 5, 4));
        assertThat(run(new TooManyLobsRule(), lenient)).isEmpty();
    }

    @Test
    void nullableUniqueColumnsExcludedByAPartialPredicateAreFine() {
        assertThat(run(new NullableColumnInUniqueIndexRule(), """
                CREATE TABLE t (id INT PRIMARY KEY, ext VARCHAR(20));
                CREATE UNIQUE INDEX ux ON t(ext) WHERE ext IS NOT NULL;
                """)).isEmpty();
    }

    /**
     * The real-world schemas lint to known results. Pagila's unindexed foreign keys are the classic Sakila
     * lint findings, its payment partitions repeat customer_id indexes, and its 55 partitions do not count
     * as tables without a key because they inherit the parent's.
     */
    @Test
    void realSchemasLintToKnownFindings() throws Exception {
        Map<String, Integer> pagila = lint("pagila-schema.sql", SqlDialect.POSTGRESQL);
        assertThat(pagila).containsEntry("schema.fk-without-index", 13)
                .containsEntry("schema.redundant-index", 6)
                .containsEntry("schema.incrementing-column-names", 1)
                .containsEntry("schema.too-many-lobs", 2)
                .containsEntry("schema.no-primary-key", 0)
                .containsEntry("schema.fk-to-missing-table", 0)
                .containsEntry("schema.fk-type-mismatch", 0);
        Map<String, Integer> chinookPg = lint("chinook-postgresql.sql", SqlDialect.POSTGRESQL);
        assertThat(chinookPg).containsEntry("schema.redundant-index", 1)
                .containsEntry("schema.timestamp-without-time-zone", 2)
                .containsEntry("schema.no-primary-key", 0);
        Map<String, Integer> chinookMy = lint("chinook-mysql.sql", SqlDialect.MYSQL);
        assertThat(chinookMy).containsEntry("schema.bad-identifier", 11)
                .containsEntry("schema.redundant-index", 1)
                .containsEntry("schema.timestamp-without-time-zone", 0);
    }

    private static Map<String, Integer> lint(String file, SqlDialect dialect) throws Exception {
        Path p = Path.of("src", "test", "resources", "real-schemas", file);
        DesignContext ctx = RuleTesting.context(schema(dialect, Files.readString(p)));
        assertThat(ctx.schema().tables()).as(file).isNotEmpty();
        Map<String, Integer> counts = new TreeMap<>();
        for (Rule r : SchemaRules.all()) {
            counts.put(r.info().id(), run(r, ctx).size());
        }
        return counts;
    }

    @Test
    void theFlawedSampleTriggersTheSchemaRulesItsHeaderNamesAndGoodSamplesGetNoError() throws Exception {
        SampleChecks.assertFlawedTriggers(SchemaRules.all(), "schema.no-primary-key", "schema.fk-without-index",
                "schema.fk-type-mismatch", "schema.fk-to-missing-table", "schema.redundant-index",
                "schema.single-column-table", "schema.incrementing-column-names", "schema.money-as-float",
                "schema.timestamp-without-time-zone", "schema.reserved-word-name", "schema.too-many-lobs");
        SampleChecks.assertNoErrorsOnGoodSamples(SchemaRules.all());
    }

    /** Runs a group's rules over the shipped samples: the flawed one must trip them, the good ones must not error. */
    static final class SampleChecks {

        static final List<String> GOOD = List.of("ecommerce", "live-scores", "payments", "quorum-store");

        static List<Finding> run(List<Rule> rules, String sample) throws Exception {
            Path p = Path.of("samples", sample + ".quorum.yaml");
            DesignContext ctx = RuleTesting.context(new DesignYaml().read(p).design());
            List<Finding> out = new ArrayList<>();
            for (Rule r : rules) {
                r.check(ctx, (l, m, f) -> out.add(new Finding(r.info().id(), r.info().defaultSeverity(), l, m, f)));
            }
            return out;
        }

        static void assertFlawedTriggers(List<Rule> rules, String... ids) throws Exception {
            Set<String> fired = new LinkedHashSet<>();
            for (Finding f : run(rules, "flawed-startup")) {
                fired.add(f.ruleId());
            }
            assertThat(fired).as("rules triggered by flawed-startup").contains(ids);
        }

        static void assertNoErrorsOnGoodSamples(List<Rule> rules) throws Exception {
            for (String sample : GOOD) {
                if (!Files.exists(Path.of("samples", sample + ".quorum.yaml"))) {
                    continue;
                }
                assertThat(run(rules, sample)).as(sample).noneMatch(f -> f.severity() == Severity.ERROR);
            }
        }
    }
}
