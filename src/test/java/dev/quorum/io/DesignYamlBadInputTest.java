package dev.quorum.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bad-input corpus for design files: every case gives a {@link DesignFormatException} with a one-line
 * message naming the file, the line and the field where they apply; never another exception, never a hang.
 * The timeouts run each case in a separate thread so that a hang fails the test instead of the build.
 */
class DesignYamlBadInputTest {

    private static final String SOURCE = "shop.quorum.yaml";

    private final DesignYaml yaml = new DesignYaml();

    /** Reads {@code text} and returns the one failure it must give, with the checks every failure meets. */
    private DesignFormatException refused(String text) {
        Throwable thrown = catchThrowable(() -> yaml.read(text, SOURCE));
        return checked(thrown, SOURCE);
    }

    private static DesignFormatException checked(Throwable thrown, String source) {
        assertThat(thrown).as("the failure").isInstanceOf(DesignFormatException.class);
        DesignFormatException e = (DesignFormatException) thrown;
        assertThat(e.getMessage()).as("message")
                .startsWith(source + ":")
                .doesNotContain("\n")
                .doesNotContain("\r")
                .hasSizeLessThan(600);
        assertThat(e.source()).isEqualTo(source);
        assertThat(e.reason()).isNotBlank();
        assertThat(e.getMessage()).endsWith(e.reason());
        return e;
    }

    /** Checks that the failure is placed at {@code line} and names {@code field} in its message. */
    private static void placedAt(DesignFormatException e, int line, String field) {
        assertThat(e.position().line()).as("line of: %s", e.getMessage()).isEqualTo(line);
        assertThat(e.position().column()).isPositive();
        assertThat(e.getMessage()).startsWith(SOURCE + ":" + line + ":" + e.position().column() + ": ");
        assertThat(e.field()).isEqualTo(field);
        if (!field.isEmpty()) {
            assertThat(e.getMessage()).contains(": " + field + ": ");
        }
    }

    // ---------------------------------------------------------------- truncated files

    /** A valid design as the writer writes it: multi-line SQL, a double-quoted rate, and flow lists. */
    private String validText() {
        Query q = new Query("orders by user", "list a user's orders", Rate.of("1,000/s"), "the hot path",
                List.of("orders", "users"), AccessPattern.READ_HEAVY,
                "SELECT id, total\nFROM orders\nWHERE user_id = ?\nORDER BY created_at DESC\n");
        Design d = new Design("Shop", "an online shop", null,
                new SchemaDesign(SqlDialect.POSTGRESQL, "CREATE TABLE orders (\n  id bigint PRIMARY KEY\n);\n", List.of()),
                List.of(q), null, null, null, null, null, null);
        return yaml.write(d);
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void theValidTextReads() throws Exception {
        String text = validText();
        assertThat(yaml.read(text, SOURCE).design().queries()).hasSize(1);
        assertThat(text).contains("\"1,000/s\"").contains("[]").contains("sql: |");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void truncatedInADoubleQuotedScalar() {
        String text = validText();
        int cut = text.indexOf("\"1,000/s\"") + "\"1,0".length();
        int line = (int) text.substring(0, cut).lines().count();
        DesignFormatException e = refused(text.substring(0, cut));
        placedAt(e, line, "");
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void truncatedInAFlowSequence() {
        String text = validText();
        int cut = text.indexOf("[]") + 1;
        int line = (int) text.substring(0, cut).lines().count();
        DesignFormatException e = refused(text.substring(0, cut));
        placedAt(e, line, "");
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void truncatedInAFlowSequenceWithItems() {
        DesignFormatException e = refused("quorum: 1\nqueries:\n  - name: q\n    data_accessed: [orders, users,");
        placedAt(e, 4, "");
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void truncatedInAMultiLineDoubleQuotedScalar() {
        DesignFormatException e = refused("quorum: 1\nsummary: \"line one\\n  indented two\n  and more");
        placedAt(e, 2, "");
        assertThat(e.reason()).contains("truncated");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void everyCutOfAValidFileReadsOrFailsClearly() {
        String text = validText();
        for (int cut = 0; cut < text.length(); cut += 3) {
            String prefix = text.substring(0, cut);
            Throwable thrown = catchThrowable(() -> yaml.read(prefix, SOURCE));
            if (thrown != null) {
                checked(thrown, SOURCE);
            }
        }
    }

    // ---------------------------------------------------------------- wrong types

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aListWhereTextIsExpected() {
        DesignFormatException e = refused("quorum: 1\nname: [a, b]\n");
        placedAt(e, 2, "name");
        assertThat(e.reason()).contains("text").contains("list");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aMappingWhereAListIsExpected() {
        DesignFormatException e = refused("quorum: 1\nqueries: {a: 1}\n");
        placedAt(e, 2, "queries");
        assertThat(e.reason()).contains("list").contains("mapping");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void textWhereAMappingIsExpected() {
        DesignFormatException e = refused("quorum: 1\nname: Shop\nbackup: daily\n");
        placedAt(e, 3, "backup");
        assertThat(e.reason()).contains("mapping");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void notABoolean() {
        DesignFormatException e = refused("quorum: 1\nbackup:\n  strategy:\n    continuous_log_shipping: maybe\n");
        placedAt(e, 4, "backup.strategy.continuous_log_shipping");
        assertThat(e.reason()).contains("true or false").contains("'maybe'");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aMappingWhereAQuantityIsExpected() {
        DesignFormatException e = refused("quorum: 1\nqueries:\n  - name: q\n    frequency: {per: s}\n");
        placedAt(e, 4, "queries[0].frequency");
        assertThat(e.reason()).contains("rate");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void anUnknownOption() {
        DesignFormatException e = refused("quorum: 1\nqueries:\n  - name: q\n    access_pattern: sideways\n");
        placedAt(e, 4, "queries[0].access_pattern");
        assertThat(e.reason()).contains("'sideways'").contains("read-heavy").contains("write-heavy").contains("mixed");
    }

    // ---------------------------------------------------------------- unknown and duplicate keys

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void anUnknownTopLevelKey() {
        DesignFormatException e = refused("quorum: 1\nname: Shop\nnmae: typo\n");
        placedAt(e, 3, "nmae");
        assertThat(e.reason()).contains("unknown key 'nmae'")
                .contains("name, summary, persistence, schema, queries, concurrency, sharing, consistency,"
                        + " replication, backup, lifecycle");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void anUnknownNestedKey() {
        DesignFormatException e = refused("quorum: 1\nbackup:\n  strategy:\n    frequncy: daily\n");
        placedAt(e, 4, "backup.strategy.frequncy");
        assertThat(e.reason()).contains("unknown key 'frequncy'")
                .contains("frequency, location, retention, type, continuous_log_shipping");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void anUnknownKeyInAListItem() {
        DesignFormatException e = refused("quorum: 1\nqueries:\n  - name: a\n  - name: b\n    sql_text: SELECT 1\n");
        placedAt(e, 5, "queries[1].sql_text");
        assertThat(e.reason()).contains("unknown key 'sql_text'").contains("frequency").contains("sql");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aDuplicateTopLevelKey() {
        DesignFormatException e = refused("quorum: 1\nname: a\nsummary: s\nname: b\n");
        placedAt(e, 4, "name");
        assertThat(e.reason()).contains("duplicate").contains("first at line 2");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aDuplicateNestedKey() {
        DesignFormatException e = refused("quorum: 1\nbackup:\n  recovery:\n    rto: 1 h\n    rpo: 5 min\n    rto: 2 h\n");
        placedAt(e, 6, "backup.recovery.rto");
        assertThat(e.reason()).contains("duplicate").contains("first at line 4");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aDuplicateQuorumKey() {
        DesignFormatException e = refused("quorum: 1\nname: a\nquorum: 1\n");
        placedAt(e, 3, "quorum");
        assertThat(e.reason()).contains("duplicate").contains("first at line 1");
    }

    // ---------------------------------------------------------------- tabs

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void tabIndentation() {
        DesignFormatException e = refused("quorum: 1\nbackup:\n  strategy:\n\t  frequency: daily\n");
        assertThat(e.position().line()).isEqualTo(4);
        assertThat(e.reason()).contains("tab");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void tabIndentationOfATopLevelValue() {
        DesignFormatException e = refused("quorum: 1\nbackup:\n\tstrategy: {}\n");
        assertThat(e.position().line()).isBetween(2, 3);
        assertThat(e.reason()).contains("tab");
    }

    // ---------------------------------------------------------------- anchors, aliases and tags

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void theBillionLaughsAreRefused() {
        String bomb = """
                quorum: 1
                a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
                b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
                c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
                d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
                e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
                f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
                g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
                h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
                i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
                """;
        DesignFormatException e = refused(bomb);
        placedAt(e, 2, "a");
        assertThat(e.reason()).contains("anchors").contains("&a");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aliasesOfScalarsAreRefused() {
        DesignFormatException e = refused("quorum: 1\nname: &n lol\nsummary: *n\n");
        placedAt(e, 3, "summary");
        assertThat(e.reason()).contains("aliases").contains("*n");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aliasesInsideAListAreRefused() {
        DesignFormatException e = refused("quorum: 1\nname: &n lol\nqueries: [*n, *n, *n]\n");
        placedAt(e, 3, "queries[0]");
        assertThat(e.reason()).contains("aliases");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aJavaObjectTagIsRefused() {
        DesignFormatException e = refused("quorum: 1\nname: !!java/object:java.net.URL [\"http://localhost:1/\"]\n");
        placedAt(e, 2, "name");
        assertThat(e.reason()).contains("tags").contains("java.net.URL").contains("never executed");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aScriptEngineManagerGadgetIsRefused() {
        String gadget = "quorum: 1\nsummary: !!javax.script.ScriptEngineManager "
                + "[!!java.net.URLClassLoader [[!!java.net.URL [\"http://localhost:1/\"]]]]\n";
        DesignFormatException e = refused(gadget);
        placedAt(e, 2, "summary");
        assertThat(e.reason()).contains("tags").contains("javax.script.ScriptEngineManager");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aTagOnTheRootIsRefused() {
        DesignFormatException e = refused("!!java/object:java.net.URL\nquorum: 1\n");
        placedAt(e, 1, "");
        assertThat(e.reason()).contains("tags");
    }

    /** Counts constructions: a YAML library that built objects from tags would build this one. */
    public static final class Canary {
        static final AtomicInteger BUILT = new AtomicInteger();

        public Canary() {
            BUILT.incrementAndGet();
        }

        public Canary(String ignored) {
            BUILT.incrementAndGet();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "quorum: 1\nname: !!dev.quorum.io.DesignYamlBadInputTest$Canary []\n",
        "quorum: 1\nname: !!java/object:dev.quorum.io.DesignYamlBadInputTest$Canary {}\n",
        "quorum: 1\nbackup: !!dev.quorum.io.DesignYamlBadInputTest$Canary {}\n",
        "quorum: 1\nname: !<tag:yaml.org,2002:java/object:dev.quorum.io.DesignYamlBadInputTest$Canary> [x]\n",
    })
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void nothingIsConstructedFromATag(String text) {
        int before = Canary.BUILT.get();
        DesignFormatException e = refused(text);
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.reason()).contains("tags").contains("Canary");
        assertThat(Canary.BUILT.get()).as("objects built from tags").isEqualTo(before);
    }

    // ---------------------------------------------------------------- deep nesting

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void deepBlockMappings() {
        // One space per level keeps 3,000 levels under the size limit, so the depth limit is what answers.
        StringBuilder b = new StringBuilder("quorum: 1\nname:\n");
        for (int i = 1; i < 3000; i++) {
            b.append(" ".repeat(i)).append("a:\n");
        }
        DesignFormatException e = refused(b.toString());
        assertThat(e.position().line()).isPositive();
        assertThat(e.field()).startsWith("name.a.a.a");
        assertThat(e.reason()).contains("nested more than");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void fiveThousandLevelsOfBlockMappings() {
        // At two spaces per level 5,000 levels is 25 MB of indentation: refused as too large, or too deep.
        StringBuilder b = new StringBuilder("quorum: 1\n");
        for (int i = 0; i < 5000; i++) {
            b.append("  ".repeat(i)).append("a:\n");
        }
        DesignFormatException e = refused(b.toString());
        assertThat(e.reason()).containsAnyOf("nested more than", "at most 8 MB");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void fiveThousandLevelsOfBlockSequences() {
        DesignFormatException e = refused("quorum: 1\nqueries:\n" + "- ".repeat(5000) + "x\n");
        assertThat(e.position().line()).isEqualTo(3);
        assertThat(e.field()).startsWith("queries[0][0][0]");
        assertThat(e.reason()).contains("nested more than");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void fiveThousandLevelsOfFlowSequences() {
        DesignFormatException e = refused("quorum: 1\nname: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.field()).startsWith("name[0][0][0]");
        assertThat(e.reason()).contains("nested more than");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void fiveThousandUnclosedFlowSequences() {
        DesignFormatException e = refused("quorum: 1\nname: " + "[".repeat(5000) + "\n");
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.reason()).contains("nested more than");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void fiveThousandLevelsOfFlowMappings() {
        DesignFormatException e = refused("quorum: 1\nname: " + "{a: ".repeat(5000) + "x" + "}".repeat(5000) + "\n");
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.field()).startsWith("name.a.a.a");
        assertThat(e.reason()).contains("nested more than");
    }

    // ---------------------------------------------------------------- size

    private static String twentyMegabytes() {
        StringBuilder b = new StringBuilder(21 * 1024 * 1024).append("quorum: 1\nsummary: \"");
        String words = "lorem ipsum dolor sit amet ";
        while (b.length() < 20 * 1024 * 1024) {
            b.append(words);
        }
        return b.append("\"\n").toString();
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void twentyMegabytesInMemory() {
        DesignFormatException e = refused(twentyMegabytes());
        assertThat(e.reason()).contains("20 MB").contains("at most 8 MB");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void twentyMegabytesOnDisk(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("huge.quorum.yaml");
        Files.writeString(file, twentyMegabytes(), StandardCharsets.UTF_8);
        Throwable thrown = catchThrowable(() -> yaml.read(file));
        DesignFormatException e = checked(thrown, "huge.quorum.yaml");
        assertThat(e.reason()).contains("20 MB").contains("at most 8 MB");
    }

    // ---------------------------------------------------------------- not a design

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void theQuorumKeyIsMissing() {
        DesignFormatException e = refused("name: Shop\nsummary: s\n");
        assertThat(e.position().line()).isEqualTo(1);
        assertThat(e.reason()).contains("quorum: 1").contains("missing");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aNewerFormat() {
        DesignFormatException e = refused("quorum: 2\nname: Shop\n");
        placedAt(e, 1, "quorum");
        assertThat(e.reason()).contains("format 2").contains("newer");
    }

    @ParameterizedTest(name = "quorum: {0}")
    @ValueSource(strings = {"0", "one", "1.0", "[1]", "{v: 1}", "\"\""})
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aVersionThatIsNotAFormat(String version) {
        DesignFormatException e = refused("quorum: " + version + "\nname: Shop\n");
        placedAt(e, 1, "quorum");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void notUtf8(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("latin1.quorum.yaml");
        Files.write(file, "quorum: 1\nname: Caf\u00e9 \u00e0 la carte\n".getBytes(StandardCharsets.ISO_8859_1));
        Throwable thrown = catchThrowable(() -> yaml.read(file));
        DesignFormatException e = checked(thrown, "latin1.quorum.yaml");
        assertThat(e.reason()).contains("UTF-8");
    }

    @ParameterizedTest(name = "empty: \"{0}\"")
    @ValueSource(strings = {"", "\n\n", "# only a comment\n", "   \n# c\n"})
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void anEmptyFile(String text) {
        DesignFormatException e = refused(text);
        assertThat(e.position().line()).isEqualTo(1);
        assertThat(e.reason()).contains("empty");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aDocumentThatIsAList() {
        DesignFormatException e = refused("- quorum: 1\n- name: Shop\n");
        placedAt(e, 1, "");
        assertThat(e.reason()).contains("mapping").contains("a list");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aDocumentThatIsOneValue() {
        DesignFormatException e = refused("just some text\n");
        placedAt(e, 1, "");
        assertThat(e.reason()).contains("mapping");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void twoDocuments() {
        DesignFormatException e = refused("quorum: 1\nname: a\n---\nquorum: 1\nname: b\n");
        placedAt(e, 4, "");
        assertThat(e.reason()).contains("more than one YAML document");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void twoDocumentsWithMarkers() {
        DesignFormatException e = refused("---\nquorum: 1\nname: a\n---\nname: b\n");
        assertThat(e.position().line()).isEqualTo(5);
        assertThat(e.reason()).contains("more than one YAML document");
    }

    // ---------------------------------------------------------------- other malformed YAML

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aKeyThatIsAList() {
        DesignFormatException e = refused("quorum: 1\n? [a, b]\n: c\n");
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.reason()).contains("key").doesNotContain("org.yaml");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aBadEscape() {
        DesignFormatException e = refused("quorum: 1\nname: \"a\\qb\"\n");
        assertThat(e.position().line()).isEqualTo(2);
        assertThat(e.reason()).contains("not valid YAML").contains("escape");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aControlCharacter() {
        DesignFormatException e = refused("quorum: 1\nname: a\u0000b\n");
        assertThat(e.reason()).contains("not valid YAML");
    }

    @Test
    @Timeout(value = 2, threadMode = ThreadMode.SEPARATE_THREAD)
    void aMergeKeyIsJustAnUnknownKey() {
        DesignFormatException e = refused("quorum: 1\n<<: {name: x}\n");
        placedAt(e, 2, "<<");
        assertThat(e.reason()).contains("unknown key");
    }
}
