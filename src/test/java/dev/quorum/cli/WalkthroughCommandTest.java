package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum walkthrough}: the report, --apply and --record on a copy of a sample, and bad input. */
class WalkthroughCommandTest {

    @TempDir
    Path dir;

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    private Path copy(String sample) throws Exception {
        Path target = dir.resolve(sample + ".quorum.yaml");
        Files.copy(Path.of("samples/" + sample + ".quorum.yaml"), target);
        return target;
    }

    @Test
    void printsTheSixStepsAndLeavesTheFileAlone() throws Exception {
        Path file = copy("flawed-startup");
        String before = Files.readString(file);
        assertThat(run("walkthrough", file.toString(), "--scenario", "noon-crash", "--replications", "2")).isZero();
        assertThat(out.toString()).startsWith("Walkthrough: The Noon Crash (Cache expiry)  [flawed-startup.quorum.yaml]\n")
                .contains("\n1. The scenario\n", "\n4. The fix simulated\n", "\n6. The outcome\n", "Not recorded yet.");
        assertThat(err.toString()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(before);
    }

    @Test
    void applyWritesTheFixAndTheOutcomeIntoTheFile() throws Exception {
        Path file = copy("flawed-startup");
        assertThat(run("walkthrough", file.toString(), "--scenario", "ghost-payment", "--replications", "2", "--apply",
                "--format", "md")).isZero();
        assertThat(out.toString()).startsWith("# Walkthrough: The Ghost Payment").contains("fix applied to the design");
        assertThat(err.toString().strip()).isEqualTo("quorum: fix applied to the design; outcome recorded in " + file);
        Design d = new DesignYaml().read(file).design();
        assertThat(d.schema().sql()).contains("ADD CONSTRAINT uq_payments_idempotency_key UNIQUE (idempotency_key)");
        assertThat(d.outcomes()).anyMatch(o -> o.title().equals("Walkthrough: The Ghost Payment"));

        // The design has the fix now: a second --apply is refused with the reason, and the file is unchanged.
        String applied = Files.readString(file);
        assertThat(run("walkthrough", file.toString(), "--scenario", "ghost-payment", "--replications", "2", "--apply"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("quorum: " + file + ": the fix of ghost-payment cannot be applied: "
                + "the design already uses");
        assertThat(Files.readString(file)).isEqualTo(applied);
    }

    @Test
    void recordKeepsTheDesignAndAddsTheOutcome() throws Exception {
        Path file = copy("ecommerce");
        Design before = new DesignYaml().read(file).design();
        assertThat(run("walkthrough", file.toString(), "--scenario", "noon-crash", "--replications", "2", "--record")).isZero();
        Design after = new DesignYaml().read(file).design();
        assertThat(after.persistence()).isEqualTo(before.persistence());
        assertThat(after.outcomes()).hasSize(before.outcomes().size() + 1);
        assertThat(after.outcomes().get(after.outcomes().size() - 1).verdicts()).anyMatch(v -> v.startsWith("Decision: "));
    }

    @Test
    void badInputIsOneLine() throws Exception {
        assertThat(run("walkthrough", "samples/ecommerce.quorum.yaml", "--scenario", "nope")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("quorum: unknown scenario 'nope'; the scenarios are: live-score,");
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(run("walkthrough", "samples/ecommerce.quorum.yaml", "--scenario", "noon-crash", "--apply", "--record"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run("walkthrough", "missing.quorum.yaml", "--scenario", "noon-crash")).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).isEqualTo("quorum: missing.quorum.yaml: no such file");
        assertThat(run("walkthrough", "samples/ecommerce.quorum.yaml", "--scenario", "noon-crash", "--param", "ttl=soon"))
                .isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString().strip()).startsWith("quorum: --param ttl=soon: cannot read 'soon'");
    }
}
