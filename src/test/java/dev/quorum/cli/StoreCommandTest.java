package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum store info|backup|restore|import|export|verify}. */
class StoreCommandTest {

    @TempDir
    Path dir;

    private StringWriter out;
    private StringWriter err;

    private int run(Path store, String... args) {
        out = new StringWriter();
        err = new StringWriter();
        String[] all = java.util.stream.Stream.concat(java.util.Arrays.stream(args), java.util.stream.Stream.of("--store",
                store.toString())).toArray(String[]::new);
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), all);
    }

    @Test
    void backupThenRestoreElsewhereThenRefuseToOverwriteWithoutForce() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(run(a, "store", "import", Path.of("samples").toAbsolutePath().toString())).isZero();
        assertThat(run(a, "store", "info")).isZero();
        assertThat(out.toString()).contains("Store     " + a).contains("Projects  5 (+0 in the trash)").contains("Schema    version 1")
                .contains("read-write, shared with other Quorum processes");
        Path zip = dir.resolve("backup.zip");
        assertThat(run(a, "store", "backup", zip.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Backed up 5 projects to " + zip + "\n");
        assertThat(run(a, "store", "backup", zip.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("quorum: Cannot write the backup to " + zip + ": the file already exists\n");
        assertThat(run(a, "store", "backup", zip.toString(), "--force")).isZero();

        assertThat(run(b, "store", "restore", zip.toString())).isZero();
        assertThat(out.toString()).isEqualTo("Restored 5 projects (+0 in the trash) and 5 revisions into " + b + "\n");
        assertThat(run(b, "projects", "list")).isZero();
        assertThat(out.toString()).contains("Payments service");

        assertThat(run(b, "store", "restore", zip.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("quorum: The store at " + b + " holds 5 projects; restoring would replace them."
                + " Run again with --force (the current store is kept as quorum.mv.db.before-restore-TIME)\n");
        assertThat(run(b, "store", "restore", zip.toString(), "--force")).isZero();
        assertThat(out.toString()).contains("The replaced store is kept as " + b + "/quorum.mv.db.before-restore-");

        Files.writeString(dir.resolve("empty.zip"), "");
        assertThat(run(b, "store", "restore", dir.resolve("empty.zip").toString(), "--force")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("quorum: Cannot restore " + dir.resolve("empty.zip") + ": the file is empty\n");
        assertThat(run(b, "store", "verify")).isZero();
        assertThat(out.toString()).isEqualTo("Checked 5 projects and 5 revisions: all sound\n");
    }

    @Test
    void exportWritesEveryDesignAndImportOfABadFileExitsTwo() throws Exception {
        Path store = dir.resolve("s");
        assertThat(run(store, "store", "import", Path.of("samples/payments.quorum.yaml").toAbsolutePath().toString())).isZero();
        assertThat(out.toString()).startsWith("created    Payments service");
        assertThat(run(store, "store", "export", dir.resolve("out").toString())).isZero();
        Path exported = dir.resolve("out").resolve("payments-service-idempotent-payments-and-double-entry-ledger.quorum.yaml");
        assertThat(exported).exists();
        assertThat(Files.readString(exported)).contains("quorum: 1");
        Files.writeString(dir.resolve("bad.quorum.yaml"), "quorum: 1\nname: x\nunknown_key: 1\n");
        assertThat(run(store, "store", "import", dir.resolve("bad.quorum.yaml").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("quorum: bad.quorum.yaml:3:").hasLineCount(1);
        assertThat(run(store, "store")).isEqualTo(2);
    }
}
