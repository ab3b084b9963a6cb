package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.TestDesigns;
import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuorumCliTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path completeDesign() throws Exception {
        Path file = dir.resolve("shop.quorum.yaml");
        Files.writeString(file, new DesignYaml().write(DesignFile.of(TestDesigns.complete())));
        return file;
    }

    @Test
    void showSummarisesEverySectionOfACompleteDesign() throws Exception {
        int code = run("show", completeDesign().toString());
        assertThat(code).isEqualTo(ExitCodes.OK);
        assertThat(out.toString())
                .startsWith("Shop  [shop.quorum.yaml]  complete")
                .contains("Data Persistence", "2 data elements; 2 storage choices")
                .contains("Data Replication", "Primary-replica (master-slave); 2 datacenters, 2 nodes, 1 link; lag 0; Automatic failover")
                .contains("Backup and Recovery", "daily full backups; RPO 0; RTO 1 h")
                .doesNotContain("Missing");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void showListsWhatIsMissingWithLineNumbersAndStrictFails() throws Exception {
        Path file = dir.resolve("blank.quorum.yaml");
        assertThat(run("new", "Blank", "-o", file.toString())).isZero();
        int code = run("show", "--strict", file.toString());
        assertThat(code).isEqualTo(ExitCodes.FINDINGS);
        assertThat(out.toString()).contains("Missing or unreadable:")
                .containsPattern("Your Choice is empty \\(consistency\\.model\\) \\(line \\d+\\)")
                .contains("RPO (Recovery Point Objective) is empty (backup.recovery.rpo)");
        assertThat(run("show", file.toString())).isEqualTo(ExitCodes.OK);
    }

    @Test
    void exportWritesMarkdownAndCanonicalYaml() throws Exception {
        Path design = completeDesign();
        Path md = dir.resolve("shop.md");
        assertThat(run("export", design.toString(), "--format", "md", "-o", md.toString())).isZero();
        assertThat(Files.readString(md)).startsWith("# Design - Data and Consistency Issues\n\n**Design:** Shop\n")
                .contains("```mermaid\nflowchart TB\n");
        assertThat(run("export", design.toString(), "--format", "yaml")).isZero();
        assertThat(out.toString()).isEqualTo(Files.readString(design));
    }

    @Test
    void newRefusesToOverwriteWithoutForce() throws Exception {
        Path file = dir.resolve("x.quorum.yaml");
        assertThat(run("new", "X", "-o", file.toString())).isZero();
        assertThat(run("new", "X", "-o", file.toString())).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: " + file + ": already exists (use --force to overwrite)");
        assertThat(run("new", "X", "-o", file.toString(), "--force")).isZero();
        assertThat(new DesignYaml().read(file).design().name()).isEqualTo("X");
    }

    @Test
    void newDerivesTheFileNameFromTheDesignName() {
        assertThat(NewCommand.fileName("Payments v2!")).isEqualTo("payments-v2");
        assertThat(NewCommand.fileName("???")).isEqualTo("design");
    }

    @Test
    void badInputGivesExitTwoAndOneLineNamingFileAndPosition() throws Exception {
        Path bad = dir.resolve("bad.quorum.yaml");
        Files.writeString(bad, "quorum: 1\nname: Shop\nqueries:\n  - name: q\n    frequency: [1, 2]\n");
        int code = run("show", bad.toString());
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo("quorum: bad.quorum.yaml:5:16: queries[0].frequency: "
                + "expected a rate such as '1,000/s', found a list" + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aMissingFileIsBadInputWithoutAStackTrace() {
        int code = run("export", dir.resolve("nope.yaml").toString(), "--format", "md");
        assertThat(code).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: " + dir.resolve("nope.yaml") + ": no such file");
    }

    @Test
    void wrongArgumentsAreBadInput() {
        assertThat(run("export", "x.yaml", "--format", "pdf")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).contains("Invalid value for option '--format'");
        assertThat(run("frobnicate")).isEqualTo(ExitCodes.BAD_INPUT);
    }

    @Test
    void helpAndVersion() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("Usage: quorum", "show", "export", "new", "Exit codes:");
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).containsPattern("Quorum \\d+\\.\\d+\\.\\d+").contains("Design file format 1");
    }
}
