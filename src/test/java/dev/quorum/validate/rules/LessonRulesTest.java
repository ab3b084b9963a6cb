package dev.quorum.validate.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RuleTesting;
import java.util.List;
import org.junit.jupiter.api.Test;

class LessonRulesTest {

    private static List<Finding> run(Rule rule, String yaml) throws Exception {
        Design d = new DesignYaml().read("quorum: 1\n" + yaml, "test.yaml").design();
        return RuleTesting.run(rule, d);
    }

    private static String sql(String ddl) {
        return "schema:\n  dialect: postgresql\n  sql: |\n    " + ddl.replace("\n", "\n    ") + "\n";
    }

    @Test
    void passwordsAndTokensAreRecognisedByTheirLastWord() throws Exception {
        List<Finding> f = run(new PlaintextPasswordRule(), sql("""
                CREATE TABLE users (
                  user_id BIGINT PRIMARY KEY,
                  password_hash VARCHAR(255) NOT NULL,
                  reset_token VARCHAR(64),
                  reset_token_expires_at TIMESTAMPTZ,
                  api_key VARCHAR(64),
                  password_reset_required BOOLEAN NOT NULL,
                  client_secret_enc BYTEA
                );"""));
        assertThat(f).extracting(Finding::message).satisfiesExactly(
                m -> assertThat(m).startsWith("users.reset_token (VARCHAR(64)) stores a secret"),
                m -> assertThat(m).startsWith("users.api_key"));
    }

    @Test
    void aPasswordHashNamedInTheDesignExemptsTheColumn() throws Exception {
        String ddl = sql("CREATE TABLE users (user_id BIGINT PRIMARY KEY, password VARCHAR(100) NOT NULL);");
        assertThat(run(new PlaintextPasswordRule(), ddl)).singleElement()
                .satisfies(f -> assertThat(f.fix()).contains("argon2id"));
        assertThat(run(new PlaintextPasswordRule(), ddl + """
                persistence:
                  data_elements:
                    - name: users
                      description: The password column holds a bcrypt hash (cost 12), never the password.
                """)).isEmpty();
        assertThat(run(new PlaintextPasswordRule(), ddl + """
                persistence:
                  data_elements:
                    - name: users
                      description: Passwords are hashed with SHA-1.
                """)).hasSize(1);
    }

    @Test
    void documentFieldsAreCheckedToo() throws Exception {
        assertThat(run(new PlaintextPasswordRule(), """
                schema:
                  documents:
                    - collection: accounts
                      json: '{"login": "ana", "password": "hunter2", "api_key_prefix": "live_7f"}'
                """)).singleElement().satisfies(f -> {
                    assertThat(f.message()).startsWith("accounts.password stores a password");
                    assertThat(f.location().path()).isEqualTo("schema.documents[0].json");
                });
    }

    private static final String PAYMENTS = """
            CREATE TABLE payments (
              payment_id %s PRIMARY KEY,
              merchant_id BIGINT NOT NULL,
              idempotency_key VARCHAR(64) NOT NULL%s
            );""";

    private static String payment(String idType, String constraint, String insert) {
        return sql(String.format(PAYMENTS, idType, constraint)) + "queries:\n  - name: Pay\n    frequency: 10/s\n    sql: " + insert + "\n";
    }

    @Test
    void idempotencyKeysMustBeUniqueAloneOrWithTheirScope() throws Exception {
        Rule rule = new PaymentWithoutIdempotencyKeyRule();
        String insert = "INSERT INTO payments (merchant_id, idempotency_key) VALUES ($1, $2);";
        assertThat(run(rule, payment("BIGSERIAL", "", insert))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("inserts into payments", "second payment"));
        assertThat(run(rule, payment("BIGSERIAL", ",\n  UNIQUE (merchant_id, idempotency_key)", insert))).isEmpty();
    }

    @Test
    void aClientSuppliedUuidKeyCountsButAGeneratedOneDoesNot() throws Exception {
        Rule rule = new PaymentWithoutIdempotencyKeyRule();
        String supplied = "INSERT INTO payments (payment_id, merchant_id, idempotency_key) VALUES ($1, $2, $3);";
        assertThat(run(rule, payment("UUID", "", supplied))).isEmpty();
        assertThat(run(rule, payment("BIGSERIAL", "", supplied))).hasSize(1);
    }

    private static final String SESSIONS = """
            summary: %s
            persistence:
              storage_choices:
                - data: Sessions
                  type: cache
                  system: %s
            """;

    @Test
    void localSessionsNeedSeveralServersToBeAProblem() throws Exception {
        Rule rule = new LocalSessionsBehindLoadBalancerRule();
        assertThat(run(rule, String.format(SESSIONS, "One server.", "In-process memory (HttpSession)"))).isEmpty();
        assertThat(run(rule, String.format(SESSIONS, "Three app servers behind nginx.", "Redis 7 (shared)"))).isEmpty();
        assertThat(run(rule, String.format(SESSIONS, "Three app servers behind nginx.", "In-process memory (HttpSession)")))
                .singleElement().satisfies(f -> {
                    assertThat(f.message()).contains("\"Three app servers\"");
                    assertThat(f.location().path()).isEqualTo("persistence.storage_choices[0].system");
                });
        assertThat(run(rule, String.format(SESSIONS, "Internal tool.", "Server memory") + """
                replication:
                  topology:
                    nodes:
                      - id: app1
                        role: application
                      - id: app2
                        role: application
                """)).singleElement().satisfies(f -> assertThat(f.message()).contains("2 application nodes"));
    }

    private static final String CACHE = """
            persistence:
              storage_choices:
                - data: %s
                  type: cache
                  system: Redis 7
                  access_patterns: %s
            """;

    @Test
    void negatedJitterIsNoJitterAndSlidingSessionsAreExempt() throws Exception {
        Rule rule = new CacheExpiryWithoutJitterRule();
        assertThat(run(rule, String.format(CACHE, "Prices", "SET with a fixed 1 h TTL, no jitter."))).hasSize(1);
        assertThat(run(rule, String.format(CACHE, "Prices", "TTL 1 h with 10% random jitter."))).isEmpty();
        assertThat(run(rule, String.format(CACHE, "Prices", "Written through on every change; never expires."))).isEmpty();
        assertThat(run(rule, String.format(CACHE, "Sessions", "TTL 30 min, sliding."))).isEmpty();
    }

    private static String pool(String handling, String... rates) {
        StringBuilder sb = new StringBuilder("concurrency:\n  reads:\n    handling: \"" + handling + "\"\nqueries:\n");
        for (String r : rates) {
            sb.append("  - name: q").append(r.hashCode()).append("\n    frequency: ").append(r).append('\n');
        }
        return sb.toString();
    }

    @Test
    void poolDemandIsTheSumOfQueryRatesTimesQueryTime() throws Exception {
        Rule rule = new PoolTooSmallRule();
        assertThat(run(rule, pool("HikariCP maximumPoolSize = 4.", "300/s", "200/s"))).singleElement()
                .satisfies(f -> assertThat(f.message())
                        .contains("pool of 4", "500/s (sum of 2 query rates) x 10 ms (default 10 ms per query) = 5"));
        assertThat(run(rule, pool("HikariCP maximumPoolSize = 5.", "300/s", "200/s"))).isEmpty();
        assertThat(run(rule, pool("A pool of 20; queries take about 50 ms.", "300/s", "200/s"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("x 50 ms", "= 25"));
        assertThat(run(rule, pool("No pool size stated.", "300/s"))).isEmpty();
    }

    @Test
    void aTimePerRequestUsesTheStatedRequestRate() throws Exception {
        assertThat(run(new PoolTooSmallRule(), "summary: 1,500 requests/s at peak.\n"
                + pool("pool_size = 100; each request runs about 80 ms of queries.", "10/s"))).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("1,500 requests/s x 80 ms", "= 120"));
    }

    private static final String TRACKING = """
            sharing:
              strategies:
                - name: %s
                  description: %s
            """;

    @Test
    void pollingIsOnlyWrongForLiveDataAndNotAsAFallback() throws Exception {
        Rule rule = new PollingForRealTimeRule();
        assertThat(run(rule, String.format(TRACKING, "Live score updates", "Clients poll every 5 s."))).hasSize(1);
        assertThat(run(rule, String.format(TRACKING, "Nightly report", "The dashboard polls every 5 s."))).isEmpty();
        assertThat(run(rule, String.format(TRACKING, "Live score updates", "Goals are pushed over SSE, never polled."))).isEmpty();
        assertThat(run(rule, String.format(TRACKING, "Real-time tracking",
                "WebSocket push; if the socket drops the app falls back to polling every 30 s."))).isEmpty();
    }

    @Test
    void theFlawedSampleTriggersEveryLessonAndGoodSamplesGetNoError() throws Exception {
        SchemaRulesTest.SampleChecks.assertFlawedTriggers(LessonRules.all(), "lesson.plaintext-password",
                "lesson.payment-without-idempotency-key", "lesson.local-sessions-behind-load-balancer",
                "lesson.cache-expiry-without-jitter", "lesson.pool-too-small", "lesson.polling-for-real-time");
        SchemaRulesTest.SampleChecks.assertNoErrorsOnGoodSamples(LessonRules.all());
    }
}
