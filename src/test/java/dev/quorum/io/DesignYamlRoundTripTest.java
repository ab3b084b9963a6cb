package dev.quorum.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.BackupRecovery;
import dev.quorum.model.BackupStrategy;
import dev.quorum.model.BackupType;
import dev.quorum.model.ConcurrencyAspect;
import dev.quorum.model.ConcurrentAccess;
import dev.quorum.model.Consistency;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.Count;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataLifecycle;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSharing;
import dev.quorum.model.DataSize;
import dev.quorum.model.Datacenter;
import dev.quorum.model.Deletion;
import dev.quorum.model.DeletionMode;
import dev.quorum.model.Design;
import dev.quorum.model.DocumentStructure;
import dev.quorum.model.Duration;
import dev.quorum.model.Failover;
import dev.quorum.model.FailoverMode;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.FlowEdge;
import dev.quorum.model.FlowNode;
import dev.quorum.model.FlowNodeKind;
import dev.quorum.model.NodeRole;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.RecoveryPlan;
import dev.quorum.model.Replication;
import dev.quorum.model.ReplicationLink;
import dev.quorum.model.ReplicationMode;
import dev.quorum.model.ReplicationStrategy;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SharedData;
import dev.quorum.model.SqlDialect;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.SyncStrategy;
import dev.quorum.model.Topology;
import dev.quorum.model.TopologyNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Write-read-write of designs built in code: the design comes back equal, the second write gives the
 * same bytes, the header comment survives, and the positions point at the lines that were written.
 */
class DesignYamlRoundTripTest {

    private static final String SOURCE = "full.quorum.yaml";

    /** Strings that YAML would turn into something else if the writer did not quote them. */
    private static final List<String> TRICKY = List.of(
            "yes", "no", "on", "off", "y", "n", "true", "False", "null", "NULL", "~", "",
            "0", "012", "0x1F", "1e3", "1_000", "12:30", "2024-01-01", ".nan", ".inf", "-1", "+1",
            "1,000/s", "15 min", "- dash", "? question", "key: value", "# not a comment", "a #b",
            "'single'", "\"double\"", "@at", "`tick", "%pct", "!bang", "&amp", "*star", "[x]", "{y}",
            "|pipe", ">gt", "---", "...", "<<", "=", "  leading spaces", "trailing spaces  ",
            "tab\tinside", "back\\slash", "unicode é 日本語 ✓", "emoji 🚀🎉", "line\u2028separator");

    /** Multi-line texts: with and without a final newline, indented, with blank lines and trailing spaces. */
    private static final List<String> MULTI_LINE = List.of(
            "first line\nsecond line",
            "first line\nsecond line\n",
            "  indented first\n  indented second\n",
            "  indented first\nnot indented",
            "ends with blank lines\n\n\n",
            "\n\nstarts with blank lines",
            "trailing space \nnext",
            "windows\r\nline ends\r\n",
            "\tstarts with a tab\n",
            "emoji 🚀\nsecond # not a comment\nkey: value\n",
            "x\n  ");

    private final DesignYaml yaml = new DesignYaml();

    private static String sql(int i) {
        return i % 2 == 0
                ? "SELECT o.id, o.total\nFROM orders o\nWHERE o.user_id = ?\n  AND o.status <> 'deleted' -- not '#'\nORDER BY o.created_at DESC\n"
                : "SELECT count(*) FROM payments WHERE idempotency_key = :key";
    }

    /** A design that uses every record type and every option type, full of text that is hard to write. */
    static Design fullDesign() {
        return new Design(
                "Shop: orders & payments",
                "An online shop.\nIt takes orders, \"payments\" and 'refunds'.\n  Indented note # with a hash\n",
                new DataPersistence(
                        List.of(new DataElement("orders", "one row per order", "legal: keep 7 years", DataSize.of("1 KB per row x 10M rows")),
                                new DataElement("sessions", "", "yes", DataSize.of("~10 GB"))),
                        List.of(new StorageChoice("orders", StorageType.RELATIONAL, "PostgreSQL 16", "ACID: needed", "read-heavy\nby user"),
                                new StorageChoice("sessions", StorageType.KEY_VALUE, "Redis", "null", "0"))),
                new SchemaDesign(SqlDialect.POSTGRESQL,
                        "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  user_id bigint NOT NULL,\n  note text DEFAULT '# none'\n);\n"
                                + "CREATE INDEX orders_user ON orders (user_id);",
                        List.of(new DocumentStructure("carts", "{\n  \"user\": 1,\n  \"items\": [\"a\", \"b\"]\n}\n"),
                                new DocumentStructure("empty", ""))),
                List.of(new Query("orders by user", "list a user's orders", Rate.of("1,000/s"), "the hot path",
                                List.of("orders", "users"), AccessPattern.READ_HEAVY, sql(0)),
                        new Query("payment by key", "idempotency check", Rate.of("50 per minute"), "",
                                List.of(), AccessPattern.MIXED, sql(1)),
                        new Query("nightly report", "", Rate.of("daily"), "reporting", List.of("orders"), null, "")),
                new ConcurrentAccess(
                        new ConcurrencyAspect("always", "hot rows", "MVCC"),
                        new ConcurrencyAspect("at checkout", "double submit", "idempotency key: UUID"),
                        ConcurrencyAspect.EMPTY),
                new DataSharing(
                        List.of(new SharedData("orders", List.of("checkout", "billing"), "billing reads orders", "outbox\nthen Kafka")),
                        List.of(new SyncStrategy("outbox", "transactional outbox", List.of("checkout", "billing"),
                                Duration.of("every 5 s"), "last writer wins")),
                        new FlowDiagram(
                                List.of(new FlowNode("app", "Checkout app", FlowNodeKind.COMPONENT),
                                        new FlowNode("db", "Orders DB", FlowNodeKind.DATABASE),
                                        new FlowNode("q", "Kafka", FlowNodeKind.QUEUE)),
                                List.of(new FlowEdge("app", "db", "INSERT order"), new FlowEdge("db", "q", "outbox -> topic")))),
                new Consistency(ConsistencyModel.READ_YOUR_WRITES, "users must see their order", "read from primary for 5 s"),
                new Replication(ReplicationStrategy.PRIMARY_REPLICA,
                        new Topology(
                                List.of(new Datacenter("eu1", "Frankfurt"), new Datacenter("eu2", "Dublin")),
                                List.of(new TopologyNode("pg1", "primary", NodeRole.PRIMARY, "eu1"),
                                        new TopologyNode("pg2", "replica", NodeRole.REPLICA, "eu2")),
                                List.of(new ReplicationLink("pg1", "pg2", ReplicationMode.ASYNC, Duration.of("< 1 s")))),
                        Duration.of("1-2 s"),
                        new Failover(FailoverMode.AUTOMATIC, Duration.of("30 s"), Duration.of("1 min"), "Patroni promotes\nthe replica")),
                new BackupRecovery(
                        new BackupStrategy(Duration.of("daily"), "s3://backups/shop", Duration.of("30 days"), BackupType.FULL, Boolean.TRUE),
                        new RecoveryPlan(Duration.of("1 h"), Duration.of("5 min (with WAL)"), "1. restore\n2. replay WAL\n", Duration.of("quarterly"))),
                new DataLifecycle("on checkout", "status changes only", "after 2 years",
                        new Deletion(DeletionMode.SOFT, "deleted_at column"), "GDPR: 7 years for invoices", Duration.of("7 years")));
    }

    /** A design whose every text field, list item and quantity is {@code s}. */
    private static Design everywhere(String s) {
        return new Design(s, s,
                new DataPersistence(List.of(new DataElement(s, s, s, DataSize.of(s))), List.of(new StorageChoice(s, null, s, s, s))),
                new SchemaDesign(null, s, List.of(new DocumentStructure(s, s))),
                List.of(new Query(s, s, Rate.of(s), s, List.of(s, s), null, s)),
                new ConcurrentAccess(new ConcurrencyAspect(s, s, s), null, null),
                new DataSharing(List.of(new SharedData(s, List.of(s), s, s)),
                        List.of(new SyncStrategy(s, s, List.of(s), Duration.of(s), s)),
                        new FlowDiagram(List.of(new FlowNode(s, s, null)), List.of(new FlowEdge(s, s, s)))),
                new Consistency(null, s, s),
                new Replication(null, new Topology(List.of(new Datacenter(s, s)), List.of(new TopologyNode(s, s, null, s)),
                        List.of(new ReplicationLink(s, s, null, Duration.of(s)))), Duration.of(s), new Failover(null, Duration.of(s), Duration.of(s), s)),
                new BackupRecovery(new BackupStrategy(Duration.of(s), s, Duration.of(s), null, null),
                        new RecoveryPlan(Duration.of(s), Duration.of(s), s, Duration.of(s))),
                new DataLifecycle(s, s, s, new Deletion(null, s), s, Duration.of(s)));
    }

    private Design roundTrip(Design d) throws DesignFormatException {
        return yaml.read(yaml.write(d), SOURCE).design();
    }

    private void assertRoundTrips(Design d) throws DesignFormatException {
        String written = yaml.write(d);
        Design read = yaml.read(written, SOURCE).design();
        assertThat(read).isEqualTo(d);
        assertThat(yaml.write(read)).as("second write").isEqualTo(written);
    }

    @Test
    void theFullDesignRoundTrips() throws Exception {
        Design d = fullDesign();
        assertRoundTrips(d);
        Design read = roundTrip(d);
        // spot checks on values that a lenient writer or reader would change
        assertThat(read.summary()).isEqualTo(d.summary()).endsWith("\n");
        assertThat(read.schema().sql()).doesNotEndWith("\n").contains("'# none'");
        assertThat(read.queries().get(0).sql()).isEqualTo(sql(0));
        assertThat(read.queries().get(0).frequency().text()).isEqualTo("1,000/s");
        assertThat(read.queries().get(0).frequency().perSecond()).hasValue(1000);
        assertThat(read.queries().get(2).accessPattern()).isNull();
        assertThat(read.backup().strategy().continuousLogShipping()).isTrue();
        assertThat(read.replication().topology().links().get(0).mode()).isEqualTo(ReplicationMode.ASYNC);
        assertThat(read.sharing().diagram().edges()).extracting(FlowEdge::label).containsExactly("INSERT order", "outbox -> topic");
    }

    @Test
    void theWrittenFileStartsWithTheVersionAndKeepsQuantitiesAsTyped() {
        String written = yaml.write(fullDesign());
        assertThat(written).startsWith("quorum: 1\nname: ");
        assertThat(written).contains("frequency: \"1,000/s\"", "rpo: 5 min (with WAL)", "size_estimate: 1 KB per row x 10M rows");
        assertThat(written).doesNotContain("\r").doesNotContain("!!")
                .doesNotContainPattern(":\\s+&\\w").doesNotContainPattern(":\\s+\\*\\w");
    }

    @Test
    void aSecondWriteIsByteForByteTheSame() throws Exception {
        String first = yaml.write(fullDesign());
        String second = yaml.write(yaml.read(first, SOURCE));
        String third = yaml.write(yaml.read(second, SOURCE));
        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {
        "yes", "no", "on", "off", "y", "n", "true", "False", "null", "NULL", "~", "",
        "0", "012", "0x1F", "1e3", "1_000", "12:30", "2024-01-01", ".nan", ".inf", "-1", "+1",
        "1,000/s", "- dash", "? question", "key: value", "# not a comment", "a #b",
        "'single'", "\"double\"", "@at", "`tick", "%pct", "!bang", "&amp", "*star", "[x]", "{y}",
        "|pipe", ">gt", "---", "...", "<<", "=", "  leading spaces", "trailing spaces  ",
        "back\\slash", "unicode é 日本語 ✓", "emoji 🚀🎉"})
    void aTrickyStringInEveryFieldRoundTrips(String s) throws Exception {
        assertRoundTrips(everywhere(s));
        assertThat(roundTrip(everywhere(s)).name()).isEqualTo(s);
    }

    @Test
    void trickyStringsWithControlCharactersRoundTrip() throws Exception {
        for (String s : TRICKY) {
            assertRoundTrips(everywhere(s));
        }
    }

    @Test
    void multiLineTextRoundTrips() throws Exception {
        for (String s : MULTI_LINE) {
            Design d = everywhere(s);
            assertRoundTrips(d);
            assertThat(roundTrip(d).schema().sql()).as("sql %s", s.replace("\n", "\\n")).isEqualTo(s);
        }
    }

    @Test
    void theEmptyDesignRoundTrips() throws Exception {
        Design empty = Design.empty("x");
        String written = yaml.write(empty);
        DesignFile read = yaml.read(written, SOURCE);
        assertThat(read.design()).isEqualTo(empty);
        assertThat(read.design().name()).isEqualTo("x");
        assertThat(read.headerComment()).isEmpty();
        assertThat(yaml.write(read.design())).isEqualTo(written);
    }

    @Test
    void theHeaderCommentIsKept() throws Exception {
        String header = "# Shop design\n# owner: team-orders  (keep: this)\n\n";
        DesignFile file = new DesignFile(header, fullDesign(), Map.of());
        String written = yaml.write(file);
        assertThat(written).startsWith(header + "quorum: 1\n");
        DesignFile read = yaml.read(written, SOURCE);
        assertThat(read.headerComment()).isEqualTo(header);
        assertThat(read.design()).isEqualTo(fullDesign());
        assertThat(yaml.write(read)).isEqualTo(written);
    }

    @Test
    void aHeaderCommentWithoutAFinalNewlineGetsOne() throws Exception {
        DesignFile file = new DesignFile("# one line", Design.empty("x"), Map.of());
        String written = yaml.write(file);
        assertThat(written).startsWith("# one line\nquorum: 1\n");
        assertThat(yaml.read(written, SOURCE).headerComment()).isEqualTo("# one line\n");
    }

    @Test
    void aCommentInsideTheBodyIsNotTheHeader() throws Exception {
        String text = "quorum: 1\n# not the header\nname: x\n";
        assertThat(yaml.read(text, SOURCE).headerComment()).isEmpty();
    }

    /** The one-based line of the {@code n}-th (zero-based) line that, stripped, starts with {@code prefix}. */
    private static int lineOf(String text, String prefix, int n) {
        List<String> lines = text.lines().toList();
        int seen = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.startsWith("- ")) {
                l = l.substring(2);
            }
            if (l.startsWith(prefix) && seen++ == n) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " #" + n + " not in the text");
    }

    @Test
    void positionsPointAtTheWrittenLines() throws Exception {
        String header = "# header\n# two lines\n";
        String written = yaml.write(new DesignFile(header, fullDesign(), Map.of()));
        DesignFile read = yaml.read(written, SOURCE);
        int queries = lineOf(written, "queries:", 0);
        // "frequency:" is also a key of sync strategies and backups; take those after "queries:"
        int q0 = lineOf(written.lines().skip(queries).reduce("", (a, b) -> a + b + "\n"), "frequency:", 0) + queries;
        int q1 = lineOf(written.lines().skip(queries).reduce("", (a, b) -> a + b + "\n"), "frequency:", 1) + queries;
        assertThat(read.positionOf("queries[0].frequency").line()).isEqualTo(q0);
        assertThat(read.positionOf("queries[1].frequency").line()).isEqualTo(q1);
        assertThat(written.lines().toList().get(q0 - 1)).contains("frequency: \"1,000/s\"");
        assertThat(written.lines().toList().get(q1 - 1)).contains("frequency: 50 per minute");
        assertThat(read.positionOf("queries[0].frequency").column()).isEqualTo(written.lines().toList().get(q0 - 1).indexOf("frequency") + 1);
        assertThat(read.positionOf("name").line()).isEqualTo(3 + 1);
        assertThat(read.positionOf("queries").line()).isEqualTo(queries);
        assertThat(read.positionOf("backup.recovery.rpo").line()).isEqualTo(lineOf(written, "rpo:", 0));
        assertThat(read.positionOf("replication.topology.links[0].lag").line()).isEqualTo(lineOf(written, "lag:", 0));
        // an unknown path falls back to its nearest enclosing field
        assertThat(read.positionOf("queries[0].frequency.nothing")).isEqualTo(read.positionOf("queries[0].frequency"));
        assertThat(read.positionOf("nowhere")).isEqualTo(SourcePosition.UNKNOWN);
    }

    @Test
    void positionsOfAHandWrittenFile() throws Exception {
        String text = """
                # hand written
                quorum: 1
                name: Shop
                queries:
                  - name: a
                    frequency: 10/s
                  - name: b

                    frequency: hourly
                """;
        DesignFile read = yaml.read(text, SOURCE);
        assertThat(read.positionOf("queries[0].frequency")).isEqualTo(new SourcePosition(6, 5));
        assertThat(read.positionOf("queries[1].frequency")).isEqualTo(new SourcePosition(9, 5));
        assertThat(read.positionOf("queries[1]").line()).isEqualTo(7);
        // a field not written falls back to its item
        assertThat(read.positionOf("queries[1].sql").line()).isEqualTo(7);
        assertThat(read.design().queries().get(1).frequency()).isEqualTo(Rate.of("hourly"));
    }

    @Test
    void quantitiesThatCannotBeReadStillRoundTrip() throws Exception {
        Design d = new Design("x", "", null, null,
                List.of(new Query("q", "", Rate.of("lots"), "", List.of(), null, "")), null, null, null, null,
                new BackupRecovery(new BackupStrategy(Duration.of("soon"), "", Duration.of("5"), null, null), null), null);
        assertRoundTrips(d);
        Design read = roundTrip(d);
        assertThat(read.queries().get(0).frequency().problem()).isPresent();
        assertThat(read.backup().strategy().frequency().text()).isEqualTo("soon");
        assertThat(Count.of("many").problem()).isPresent();
    }

    @Test
    void writingToAFileAndReadingItBack(@TempDir Path dir) throws Exception {
        Path target = dir.resolve("shop.quorum.yaml");
        DesignFile file = new DesignFile("# on disk\n", fullDesign(), Map.of());
        yaml.write(file, target);
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo(yaml.write(file));
        DesignFile read = yaml.read(target);
        assertThat(read.design()).isEqualTo(fullDesign());
        assertThat(read.headerComment()).isEqualTo("# on disk\n");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("shop.quorum.yaml");
        }
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        String written = yaml.write(fullDesign());
        assertThat(yaml.read("\uFEFF" + written, SOURCE).design()).isEqualTo(fullDesign());
    }

    @Test
    void windowsLineEndingsReadTheSame() throws Exception {
        String written = yaml.write(new DesignFile("# header\n", fullDesign(), Map.of()));
        // the full design has no carriage return in its values, so only the line ends change
        DesignFile read = yaml.read(written.replace("\n", "\r\n"), SOURCE);
        assertThat(read.design()).isEqualTo(fullDesign());
        assertThat(read.headerComment()).isEqualTo("# header\n");
    }
}
