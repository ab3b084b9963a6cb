package dev.quorum.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.SqlDialect;
import org.junit.jupiter.api.Test;

class QueryAnalyzerTest {

    private static final QueryAnalyzer ANALYZER = new QueryAnalyzer();

    private static final SchemaModel SHOP = new DdlImporter().importDdl("""
            CREATE TABLE users (user_id int PRIMARY KEY, name text, email text, created_at timestamptz);
            CREATE TABLE orders (order_id int PRIMARY KEY, user_id int REFERENCES users, status text, total numeric,
                                 created_at timestamptz);
            """, SqlDialect.POSTGRESQL);

    private static ColumnRef ref(String table, String column) {
        return new ColumnRef(table, column);
    }

    @Test
    void theTemplatesQuery() {
        QueryAnalysis q = ANALYZER.analyze("SELECT u.user_id, u.name, COUNT(o.order_id) as order_count FROM users u "
                + "LEFT JOIN orders o ON u.user_id = o.user_id WHERE u.created_at > NOW() - INTERVAL '30 days' "
                + "GROUP BY u.user_id, u.name ORDER BY order_count DESC LIMIT 10;");
        assertThat(q.parseError()).isEmpty();
        assertThat(q.kind()).isEqualTo(QueryAnalysis.Kind.SELECT);
        assertThat(q.tables()).containsExactly("users", "orders");
        assertThat(q.joinColumns()).containsExactlyInAnyOrder(ref("users", "user_id"), ref("orders", "user_id"));
        assertThat(q.rangePredicates()).containsExactly(ref("users", "created_at"));
        assertThat(q.equalityPredicates()).isEmpty();
        assertThat(q.groupByColumns()).containsExactly(ref("users", "user_id"), ref("users", "name"));
        assertThat(q.orderByColumns()).as("order_count is an alias of an aggregate, not a column").isEmpty();
        assertThat(q.hasLimit()).isTrue();
        assertThat(q.selectStar()).isFalse();
        assertThat(q.columns()).contains(ref("users", "user_id"), ref("users", "name"), ref("orders", "order_id"),
                ref("orders", "user_id"), ref("users", "created_at")).doesNotContain(ref("", "order_count"));
        assertThat(q.whereColumns()).containsExactly(ref("users", "created_at"));
        assertThat(q.targetTable()).isEmpty();
    }

    @Test
    void selectStarWithEqualityPredicates() {
        QueryAnalysis q = ANALYZER.analyze("SELECT * FROM orders WHERE user_id = ? AND status IN ('a','b')");
        assertThat(q.selectStar()).isTrue();
        assertThat(q.equalityPredicates()).containsExactly(ref("orders", "user_id"), ref("orders", "status"));
        assertThat(q.rangePredicates()).isEmpty();
        assertThat(q.hasLimit()).isFalse();
        assertThat(q.tables()).containsExactly("orders");
    }

    @Test
    void insertNamesItsTargetAndColumns() {
        QueryAnalysis q = ANALYZER.analyze("INSERT INTO orders (order_id, user_id, status) VALUES (:id, :user, 'new') "
                + "ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status RETURNING order_id");
        assertThat(q.kind()).isEqualTo(QueryAnalysis.Kind.INSERT);
        assertThat(q.targetTable()).isEqualTo("orders");
        assertThat(q.tables()).containsExactly("orders");
        assertThat(q.columns()).containsExactly(ref("orders", "order_id"), ref("orders", "user_id"), ref("orders", "status"));
        assertThat(q.whereColumns()).isEmpty();
    }

    @Test
    void insertFromSelectReadsBothSides() {
        QueryAnalysis q = ANALYZER.analyze("INSERT INTO archive (id) SELECT order_id FROM orders WHERE created_at < ?");
        assertThat(q.targetTable()).isEqualTo("archive");
        assertThat(q.tables()).containsExactly("archive", "orders");
        assertThat(q.rangePredicates()).containsExactly(ref("orders", "created_at"));
    }

    @Test
    void updateWithWhereColumnsAndASubquery() {
        QueryAnalysis q = ANALYZER.analyze("UPDATE orders SET status = 'x', total = total * 2 WHERE order_id = ? "
                + "AND user_id IN (SELECT user_id FROM users WHERE created_at < now())");
        assertThat(q.kind()).isEqualTo(QueryAnalysis.Kind.UPDATE);
        assertThat(q.targetTable()).isEqualTo("orders");
        assertThat(q.tables()).containsExactly("orders", "users");
        assertThat(q.whereColumns()).containsExactly(ref("orders", "order_id"), ref("orders", "user_id"),
                ref("users", "user_id"), ref("users", "created_at"));
        assertThat(q.equalityPredicates()).containsExactly(ref("orders", "order_id"), ref("orders", "user_id"));
        assertThat(q.rangePredicates()).containsExactly(ref("users", "created_at"));
        assertThat(q.columns()).contains(ref("orders", "status"), ref("orders", "total"));
    }

    @Test
    void deleteWithAliasAndLimit() {
        QueryAnalysis q = ANALYZER.analyze("DELETE FROM sessions s WHERE s.expires_at < now()");
        assertThat(q.kind()).isEqualTo(QueryAnalysis.Kind.DELETE);
        assertThat(q.targetTable()).isEqualTo("sessions");
        assertThat(q.whereColumns()).containsExactly(ref("sessions", "expires_at"));
        assertThat(q.rangePredicates()).containsExactly(ref("sessions", "expires_at"));
        assertThat(q.hasLimit()).isFalse();
        assertThat(ANALYZER.analyze("DELETE FROM sessions WHERE expires_at < now() LIMIT 100").hasLimit()).isTrue();
    }

    @Test
    void commonTableExpressionsTraceColumnsToTheirTables() {
        QueryAnalysis q = ANALYZER.analyze("WITH recent AS (SELECT order_id, user_id FROM orders WHERE created_at > ?) "
                + "SELECT r.order_id, u.email FROM recent r JOIN users u ON u.user_id = r.user_id ORDER BY u.email");
        assertThat(q.tables()).as("a CTE is not a table").containsExactly("orders", "users");
        assertThat(q.rangePredicates()).containsExactly(ref("orders", "created_at"));
        assertThat(q.joinColumns()).containsExactlyInAnyOrder(ref("users", "user_id"), ref("orders", "user_id"));
        assertThat(q.orderByColumns()).containsExactly(ref("users", "email"));
        assertThat(q.whereColumns()).as("the CTE's WHERE is not the statement's").isEmpty();
    }

    @Test
    void subqueriesContributeTablesAndCorrelatedJoins() {
        QueryAnalysis q = ANALYZER.analyze("SELECT name FROM users WHERE user_id IN (SELECT user_id FROM orders "
                + "WHERE total > 100) AND NOT EXISTS (SELECT 1 FROM bans b WHERE b.user_id = users.user_id)");
        assertThat(q.tables()).containsExactly("users", "orders", "bans");
        assertThat(q.equalityPredicates()).containsExactly(ref("users", "user_id"));
        assertThat(q.rangePredicates()).containsExactly(ref("orders", "total"));
        assertThat(q.joinColumns()).containsExactlyInAnyOrder(ref("bans", "user_id"), ref("users", "user_id"));
    }

    @Test
    void derivedTablesResolveThroughTheirSelectList() {
        QueryAnalysis q = ANALYZER.analyze("SELECT x.uid FROM (SELECT user_id AS uid, count(*) AS n FROM orders "
                + "GROUP BY user_id) x WHERE x.n > 5 ORDER BY uid");
        assertThat(q.tables()).containsExactly("orders");
        assertThat(q.groupByColumns()).containsExactly(ref("orders", "user_id"));
        assertThat(q.orderByColumns()).containsExactly(ref("orders", "user_id"));
        assertThat(q.rangePredicates()).as("n is computed, not a table column").containsExactly(ref("", "n"));
    }

    @Test
    void numberedPlaceholdersParse() {
        QueryAnalysis q = ANALYZER.analyze("SELECT order_id FROM orders WHERE user_id = $1 AND created_at >= $2 "
                + "ORDER BY created_at DESC LIMIT $3");
        assertThat(q.parseError()).isEmpty();
        assertThat(q.equalityPredicates()).containsExactly(ref("orders", "user_id"));
        assertThat(q.rangePredicates()).containsExactly(ref("orders", "created_at"));
        assertThat(q.orderByColumns()).containsExactly(ref("orders", "created_at"));
        assertThat(q.columns()).noneMatch(c -> c.column().startsWith("$"));
        assertThat(q.hasLimit()).isTrue();
        assertThat(QueryAnalyzer.numberedParametersAsJdbc("SELECT '$1', $12 FROM t")).isEqualTo("SELECT '$1', ?   FROM t");
    }

    @Test
    void namedAndJdbcPlaceholdersParse() {
        QueryAnalysis q = ANALYZER.analyze("SELECT * FROM orders WHERE user_id = :user AND status = ?");
        assertThat(q.parseError()).isEmpty();
        assertThat(q.equalityPredicates()).containsExactly(ref("orders", "user_id"), ref("orders", "status"));
    }

    @Test
    void fetchFirstAndTopCountAsLimits() {
        assertThat(ANALYZER.analyze("SELECT order_id FROM orders ORDER BY order_id FETCH FIRST 10 ROWS ONLY").hasLimit())
                .isTrue();
        assertThat(ANALYZER.analyze("SELECT TOP 10 order_id FROM orders").hasLimit()).isTrue();
        assertThat(ANALYZER.analyze("SELECT order_id FROM orders ORDER BY order_id").hasLimit()).isFalse();
        assertThat(ANALYZER.analyze("SELECT * FROM (SELECT order_id FROM orders LIMIT 5) x").hasLimit())
                .as("a LIMIT inside a subquery does not bound the result").isFalse();
    }

    @Test
    void garbageIsUnparseableWithAPosition() {
        QueryAnalysis q = ANALYZER.analyze("SELEC order_id FROM orders");
        assertThat(q.parseError()).get().asString().startsWith("not understood by the SQL parser").contains("line 1, column 1");
        assertThat(q.kind()).isEqualTo(QueryAnalysis.Kind.OTHER);
        assertThat(q.tables()).isEmpty();
        QueryAnalysis second = ANALYZER.analyze("SELECT 1;\n\nSELECT FROM WHERE;");
        assertThat(second.parseError()).get().asString().contains("line 3");
        assertThat(ANALYZER.analyze("   ").parseError()).isPresent();
        assertThat(ANALYZER.analyze(null).parseError()).isPresent();
    }

    @Test
    void withoutASchemaAmbiguousColumnsStayUnresolved() {
        QueryAnalysis q = ANALYZER.analyze("SELECT email FROM users u JOIN orders o ON o.user_id = u.user_id WHERE status = 'x'");
        assertThat(q.equalityPredicates()).containsExactly(ref("", "status"));
        assertThat(q.columns()).contains(ref("", "email"));
    }

    @Test
    void aSchemaResolvesUnqualifiedColumnsToTheTableThatHasThem() {
        QueryAnalysis q = ANALYZER.analyze("SELECT email FROM users u JOIN orders o ON o.user_id = u.user_id "
                + "WHERE status = 'x' AND user_id = 3", SHOP);
        assertThat(q.equalityPredicates()).containsExactly(ref("orders", "status"), ref("", "user_id"));
        assertThat(q.columns()).contains(ref("users", "email"));
        QueryAnalysis single = ANALYZER.analyze("SELECT nope FROM users", SHOP);
        assertThat(single.columns()).as("an unknown column still names the only table, so checks can report it")
                .containsExactly(ref("users", "nope"));
    }

    @Test
    void joinUsingAndImplicitJoins() {
        QueryAnalysis using = ANALYZER.analyze("SELECT 1 FROM orders JOIN users USING (user_id)");
        assertThat(using.joinColumns()).containsExactlyInAnyOrder(ref("users", "user_id"), ref("orders", "user_id"));
        QueryAnalysis implicit = ANALYZER.analyze("SELECT 1 FROM orders o, users u WHERE o.user_id = u.user_id AND u.name LIKE 'A%'");
        assertThat(implicit.joinColumns()).containsExactlyInAnyOrder(ref("users", "user_id"), ref("orders", "user_id"));
        assertThat(implicit.rangePredicates()).as("a prefix LIKE is a range").containsExactly(ref("users", "name"));
    }

    @Test
    void severalStatementsAreAnalysedTogether() {
        QueryAnalysis q = ANALYZER.analyze("""
                UPDATE orders SET status = :s WHERE order_id = :id;
                INSERT INTO audit (order_id, status) VALUES (:id, :s);
                """);
        assertThat(q.kind()).isEqualTo(QueryAnalysis.Kind.UPDATE);
        assertThat(q.targetTable()).isEqualTo("orders");
        assertThat(q.tables()).containsExactly("orders", "audit");
        assertThat(q.equalityPredicates()).containsExactly(ref("orders", "order_id"));
        assertThat(q.columns()).contains(ref("audit", "order_id"), ref("audit", "status"));
    }

    @Test
    void unionsSetOperationOrderAndLimit() {
        QueryAnalysis q = ANALYZER.analyze("SELECT o.order_id FROM orders o WHERE o.user_id = ? "
                + "UNION ALL SELECT order_id FROM old_orders ORDER BY 1 LIMIT 5");
        assertThat(q.tables()).containsExactly("orders", "old_orders");
        assertThat(q.orderByColumns()).containsExactly(ref("orders", "order_id"));
        assertThat(q.hasLimit()).isTrue();
    }
}
