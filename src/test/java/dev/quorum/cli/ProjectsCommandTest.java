package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum projects ...} on a temporary store seeded with the samples. */
class ProjectsCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = Stream.concat(Arrays.stream(args), Stream.of("--store", dir.resolve("store").toString())).toArray(String[]::new);
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), all);
    }

    @BeforeEach
    void importSamples() {
        assertThat(run("store", "import", Path.of("samples").toAbsolutePath().toString())).isZero();
    }

    @Test
    void listShowsEveryProjectWithRevisionsAndFindings() {
        assertThat(run("projects", "list")).isZero();
        String[] lines = out.toString().split("\n");
        assertThat(lines[0]).matches("ID +NAME +UPDATED +REVS +FINDINGS");
        assertThat(lines).hasSize(6);
        assertThat(out.toString()).contains("Payments service").containsPattern("QuickBite.*\\s1\\s+\\d+ errors, \\d+ warnings");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void showHistoryRestoreAndTheTrashWorkByNameOrId() {
        assertThat(run("projects", "show", "payments")).isZero();
        assertThat(out.toString()).startsWith("Payments service").contains("revisions 1").contains("version   1");
        String id = out.toString().lines().filter(l -> l.strip().startsWith("id ")).findFirst().orElseThrow().strip()
                .substring(3).strip();

        assertThat(run("store", "import", Path.of("samples/payments.quorum.yaml").toAbsolutePath().toString())).isZero();
        assertThat(out.toString()).startsWith("unchanged");

        assertThat(run("projects", "restore", id.substring(0, 8), "1")).isZero();
        assertThat(out.toString()).startsWith("Restored revision 1 of 'Payments service").endsWith("as revision 2\n");
        assertThat(run("projects", "history", "payments")).isZero();
        assertThat(out.toString()).contains(": 2 revisions").containsPattern("\\n\\s+2 .* save .*Restored revision 1")
                .containsPattern("\\n\\s+1 .* save .*Imported from payments.quorum.yaml");
        assertThat(run("projects", "show", "payments", "--revision", "1", "--yaml")).isZero();
        assertThat(out.toString()).contains("quorum: 1").contains("name: Payments service");

        assertThat(run("projects", "delete", "payments")).isZero();
        assertThat(out.toString()).startsWith("Moved 'Payments service").contains("undo: quorum projects undelete " + id.substring(0, 8));
        assertThat(run("projects", "list")).isZero();
        assertThat(out.toString()).doesNotContain("Payments service");
        assertThat(run("projects", "list", "--trash")).isZero();
        assertThat(out.toString()).contains("DELETED").contains("Payments service");
        assertThat(run("projects", "undelete", "payments")).isZero();
        assertThat(out.toString()).startsWith("Restored 'Payments service");
        assertThat(run("projects", "delete", id)).isZero();
        assertThat(run("projects", "purge", "payments")).isZero();
        assertThat(out.toString()).startsWith("Purged 'Payments service").contains("and its 2 revisions for good");
        assertThat(run("projects", "list", "--trash")).isZero();
        assertThat(out.toString()).isEqualTo("The trash is empty.\n");
    }

    @Test
    void mistakesGiveOneLineAndExitCodeTwo() {
        assertThat(run("projects", "show", "nothing-like-this")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("quorum: No project named 'nothing-like-this' (see quorum projects list)\n");
        assertThat(run("projects", "purge", "payments")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("quorum: No project named 'payments' in the trash (see quorum projects list --trash)\n");
        assertThat(run("projects", "purge")).isEqualTo(2);
        assertThat(err.toString()).contains("name the projects to purge, or give --all");
        assertThat(run("projects", "restore", "payments", "7")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quorum: Project 'Payments service").endsWith("has no revision 7 (it has 1)\n");
        assertThat(run("projects", "show", "e")).isEqualTo(2);
        assertThat(err.toString()).startsWith("quorum: 5 projects match 'e'; name one by its id (");
        assertThat(run("projects")).isEqualTo(2);
        assertThat(run("projects", "purge", "--all")).isZero();
        assertThat(out.toString()).isEqualTo("The trash was already empty\n");
        for (String e : err.toString().split("\n")) {
            assertThat(e).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void aStorePathWithASemicolonIsRefusedBeforeAnythingOpens() {
        StringWriter o = new StringWriter();
        StringWriter e = new StringWriter();
        int code = QuorumCli.run(new PrintWriter(o), new PrintWriter(e), "projects", "list", "--store", dir + "/x;INIT=RUNSCRIPT FROM 'x'");
        assertThat(code).isEqualTo(2);
        assertThat(e.toString()).startsWith("quorum: Cannot use store directory '" + dir + "/x;INIT=RUNSCRIPT FROM 'x'' (from --store):"
                + " the path contains ';'").endsWith("\n").hasLineCount(1);
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
