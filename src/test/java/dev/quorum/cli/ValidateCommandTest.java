package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quorum.TestDesigns;
import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    private static final String FLAWED = "samples/flawed-startup.quorum.yaml";
    private static final String PAYMENTS = "samples/payments.quorum.yaml";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aCleanDesignExitsZero() {
        assertThat(run("validate", PAYMENTS)).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("0 errors, 0 warnings, 0 infos in 1 file\n");
    }

    @Test
    void errorsExitOneWithCompilerStyleLines() {
        assertThat(run("validate", FLAWED, PAYMENTS)).isEqualTo(ExitCodes.FINDINGS);
        String text = out.toString();
        assertThat(text).contains(FLAWED + ":123:1: error: customers.password (VARCHAR(64)) stores a password")
                .contains("[lesson.plaintext-password]")
                .contains("    fix: ")
                .containsPattern("\\d+ errors, \\d+ warnings, \\d+ infos in 2 files\n$");
        assertThat(text).doesNotContain(PAYMENTS + ":");
    }

    @Test
    void failOnDecidesTheExitCode() throws Exception {
        Path warnOnly = dir.resolve("warn.quorum.yaml");
        // A complete design whose only problem is a missing storage choice (a warning).
        var d = TestDesigns.complete();
        var persistence = new dev.quorum.model.DataPersistence(d.persistence().dataElements(),
                d.persistence().storageChoices().subList(0, 1));
        Files.writeString(warnOnly, new DesignYaml().write(DesignFile.of(new dev.quorum.model.Design(d.name(), d.summary(),
                persistence, d.schema(), d.queries(), d.concurrency(), d.sharing(), d.consistency(), d.replication(),
                d.backup(), d.lifecycle()))));
        assertThat(run("validate", warnOnly.toString())).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("warning:").contains("[completeness.data-without-storage]");
        assertThat(run("validate", "--fail-on", "warning", warnOnly.toString())).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run("validate", "--fail-on", "sometimes", warnOnly.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("--fail-on takes error, warning or info, not 'sometimes'");
    }

    @Test
    void jsonListsEveryFindingWithItsPlace() throws Exception {
        Path report = dir.resolve("report.json");
        assertThat(run("validate", FLAWED, "--format", "json", "-o", report.toString())).isEqualTo(ExitCodes.FINDINGS);
        JsonNode root = new ObjectMapper().readTree(report.toFile());
        JsonNode findings = root.get("files").get(0).get("findings");
        assertThat(root.get("findings").asInt()).isEqualTo(findings.size()).isGreaterThan(15);
        JsonNode password = null;
        for (JsonNode f : findings) {
            if (f.get("rule").asText().equals("lesson.plaintext-password")) {
                password = f;
            }
        }
        assertThat(password).isNotNull();
        assertThat(password.get("severity").asText()).isEqualTo("error");
        assertThat(password.get("path").asText()).isEqualTo("schema.sql");
        assertThat(password.get("line").asInt()).isEqualTo(123);
        assertThat(Files.readAllLines(Path.of(FLAWED)).get(122)).contains("password VARCHAR(64)");
    }

    @Test
    void anUnreadableFileIsBadInputButTheOthersAreStillReported() throws Exception {
        Path bad = dir.resolve("bad.quorum.yaml");
        Files.writeString(bad, "quorum: 1\nname: [x]\n");
        assertThat(run("validate", PAYMENTS, bad.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(out.toString()).contains("in 1 file");
        assertThat(err.toString().strip()).isEqualTo("quorum: bad.quorum.yaml:2:7: name: expected text, found a list");
    }

    @Test
    void sarifIsWrittenForCodeScanning() throws Exception {
        assertThat(run("validate", FLAWED, "--format", "sarif")).isEqualTo(ExitCodes.FINDINGS);
        JsonNode sarif = new ObjectMapper().readTree(out.toString());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").size()).isGreaterThanOrEqualTo(50);
        JsonNode first = run.get("results").get(0);
        assertThat(first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText())
                .isEqualTo(FLAWED);
    }

    @Test
    void rulesListsTheRegistryAndWritesTheDocsPage() throws Exception {
        assertThat(run("rules")).isZero();
        assertThat(out.toString()).contains("lesson.plaintext-password").containsPattern("\\n\\d\\d rules\\n$");
        Path md = dir.resolve("rules.md");
        assertThat(run("rules", "--format", "md", "-o", md.toString())).isZero();
        assertThat(Files.readString(md)).isEqualTo(Files.readString(Path.of("docs", "rules.md")));
    }
}
