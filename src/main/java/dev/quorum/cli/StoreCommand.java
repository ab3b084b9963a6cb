package dev.quorum.cli;

import dev.quorum.service.ImportOutcome;
import dev.quorum.service.ProjectService;
import dev.quorum.store.StoreBackup;
import dev.quorum.store.StoreInfo;
import dev.quorum.store.StoreIntegrity;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum store info|backup|restore|import|export|verify}: the project store as a whole. */
@Command(name = "store", mixinStandardHelpOptions = true,
        description = "Back up, restore, import into, export from and check the project store.",
        subcommands = {StoreCommand.Info.class, StoreCommand.Backup.class, StoreCommand.Restore.class,
                StoreCommand.Import.class, StoreCommand.Export.class, StoreCommand.Verify.class})
final class StoreCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand; see 'quorum store --help'");
    }

    /** {@code quorum store info}. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Where the store is and what it holds.")
    static final class Info extends ProjectsCommand.StoreCall {
        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            StoreInfo info = projects.repository().info();
            out.println("Store     " + info.location());
            out.println("Mode      " + (info.readOnly() ? "read-only" : info.shared() ? "read-write, shared with other Quorum"
                    + " processes on this computer" : "read-write, this process only"));
            out.println("Schema    version " + info.schemaVersion());
            out.println("Projects  " + info.liveProjects() + " (+" + info.trashedProjects() + " in the trash)");
            out.println("Revisions " + info.revisions());
            out.println("File      " + (info.fileBytes() < 0 ? "?" : (info.fileBytes() + 1023) / 1024 + " KB"));
            return ExitCodes.OK;
        }
    }

    /** {@code quorum store backup FILE.zip [--force]}. */
    @Command(name = "backup", mixinStandardHelpOptions = true,
            description = "Write a transactionally consistent backup zip of the whole store (while it is in use, too).")
    static final class Backup extends ProjectsCommand.StoreCall {

        @Parameters(paramLabel = "FILE.zip", description = "The backup file to write.")
        Path file;

        @Option(names = "--force", description = "Replace FILE.zip if it exists.")
        boolean force;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            projects.backup(file, force);
            StoreInfo info = projects.repository().info();
            out.println("Backed up " + StoreText.plural(info.liveProjects() + info.trashedProjects(), "project") + " to "
                    + file.toAbsolutePath().normalize());
            return ExitCodes.OK;
        }
    }

    /** {@code quorum store restore FILE.zip [--force]}: runs without opening the store first. */
    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Replace the store with a backup. The backup is checked completely before anything is"
                    + " replaced; a store with projects is replaced only with --force and is kept beside it.")
    static final class Restore implements java.util.concurrent.Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        StoreOptions store;

        @Parameters(paramLabel = "FILE.zip", description = "A backup written by 'quorum store backup'.")
        Path file;

        @Option(names = "--force", description = "Replace a store that holds projects.")
        boolean force;

        @Override
        public Integer call() throws Exception {
            StoreBackup.RestoreReport report = ProjectService.restore(store.location(), file, force);
            StoreIntegrity r = report.restored();
            PrintWriter out = spec.commandLine().getOut();
            out.println("Restored " + StoreText.plural(r.liveProjects(), "project") + " (+" + r.trashedProjects()
                    + " in the trash) and " + StoreText.plural(r.revisions(), "revision") + " into " + store.location());
            if (report.replacedStore() != null) {
                out.println("The replaced store is kept as " + report.replacedStore());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    /** {@code quorum store import DIR|FILE...}. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add designs to the store: a design becomes a new revision of the live project with its name,"
                    + " or a new project. A folder imports every *.quorum.yaml in it.")
    static final class Import extends ProjectsCommand.StoreCall {

        @Parameters(paramLabel = "DIR|FILE", arity = "1..*", description = "Design files or folders of them.")
        List<Path> paths;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            int failed = 0;
            for (Path path : paths) {
                for (ImportOutcome o : projects.importPath(path)) {
                    switch (o.kind()) {
                        case CREATED -> out.println("created    " + o.project() + "  (" + o.file().getFileName() + ")");
                        case NEW_REVISION -> out.println("updated    " + o.project() + "  (" + o.detail() + ", "
                                + o.file().getFileName() + ")");
                        case UNCHANGED -> out.println("unchanged  " + o.project() + "  (" + o.detail() + ")");
                        case FAILED -> {
                            failed++;
                            spec.commandLine().getErr().println("quorum: " + o.detail());
                        }
                    }
                }
            }
            spec.commandLine().getErr().flush();
            return failed == 0 ? ExitCodes.OK : ExitCodes.BAD_INPUT;
        }
    }

    /** {@code quorum store export DIR}. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every live project's current design into DIR as NAME.quorum.yaml.")
    static final class Export extends ProjectsCommand.StoreCall {

        @Parameters(paramLabel = "DIR", description = "The folder to write into; created if missing.")
        Path dir;

        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            List<Path> written = projects.export(dir);
            for (Path p : written) {
                out.println(p);
            }
            out.println("Exported " + StoreText.plural(written.size(), "design") + " to " + dir.toAbsolutePath().normalize());
            return ExitCodes.OK;
        }
    }

    /** {@code quorum store verify}. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Read every revision and check it against its checksum; exit 1 when anything is wrong.")
    static final class Verify extends ProjectsCommand.StoreCall {
        @Override
        int run(ProjectService projects, PrintWriter out) throws Exception {
            StoreIntegrity r = projects.repository().verify();
            out.println("Checked " + StoreText.plural(r.liveProjects() + r.trashedProjects(), "project") + " and "
                    + StoreText.plural(r.revisions(), "revision") + ": " + (r.problems().isEmpty() ? "all sound"
                    : StoreText.plural(r.problems().size(), "problem")));
            r.problems().forEach(p -> out.println("  - " + p));
            return r.problems().isEmpty() ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }
}
