package dev.quorum.cli;

import dev.quorum.io.DesignFormatException;
import dev.quorum.service.DesignService;
import dev.quorum.service.ValidationService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code quorum} command: the same services as the window, for terminals and CI pipelines. */
@Command(name = "quorum",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Check, validate, export and create data-and-consistency designs (*.quorum.yaml).%n"
                + "Run with no arguments to open the workbench window.",
        subcommands = {ShowCommand.class, ValidateCommand.class, ExportCommand.class, NewCommand.class,
                ImportSqlCommand.class, RulesCommand.class, ProjectsCommand.class, StoreCommand.class, RenderCommand.class,
                SimulateCommand.class, ModelsCommand.class, ScenariosCommand.class, WalkthroughCommand.class},
        exitCodeOnInvalidInput = ExitCodes.BAD_INPUT,
        exitCodeOnExecutionException = ExitCodes.BAD_INPUT,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:findings at or above the failure level", "2:bad input (unreadable file, wrong arguments)"})
public final class QuorumCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final DesignService service;

    public QuorumCli(DesignService service) {
        this.service = service;
    }

    /** The shared service the subcommands use. */
    DesignService service() {
        return service;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command; see 'quorum --help'");
    }

    /** Runs the command line on the console and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        return run(out, err, args);
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        DesignService service = new DesignService();
        CommandLine cli = new CommandLine(new QuorumCli(service), new SubcommandFactory(service, new ValidationService()));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("quorum: " + oneLine(ex));
            commandLine.getErr().flush();
            return ExitCodes.BAD_INPUT;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A one-line message for an error the user caused, never a stack trace. */
    static String oneLine(Exception ex) {
        if (ex instanceof DesignFormatException d) {
            return d.getMessage();
        }
        if (ex instanceof NoSuchFileException n) {
            return n.getFile() + ": no such file";
        }
        if (ex instanceof AccessDeniedException a) {
            return a.getFile() + ": permission denied";
        }
        if (ex instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + ": already exists (use --force to overwrite)";
        }
        if (ex instanceof java.io.IOException io) {
            return io.getMessage() == null ? io.getClass().getSimpleName() : io.getMessage();
        }
        if (ex instanceof UserError u) {
            return u.getMessage();
        }
        if (ex instanceof dev.quorum.store.StoreException st) {
            return st.getMessage();
        }
        return "internal error: " + ex + " (please report it)";
    }

    /** Builds subcommands with the shared service. */
    private record SubcommandFactory(DesignService service, ValidationService validation) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> type) throws Exception {
            if (type == ShowCommand.class) {
                return type.cast(new ShowCommand(service));
            }
            if (type == ExportCommand.class) {
                return type.cast(new ExportCommand(service));
            }
            if (type == NewCommand.class) {
                return type.cast(new NewCommand(service));
            }
            if (type == ValidateCommand.class) {
                return type.cast(new ValidateCommand(service, validation));
            }
            if (type == ImportSqlCommand.class) {
                return type.cast(new ImportSqlCommand(service));
            }
            if (type == RenderCommand.class) {
                return type.cast(new RenderCommand(service));
            }
            if (type == RulesCommand.class) {
                return type.cast(new RulesCommand(validation));
            }
            if (type == SimulateCommand.class) {
                return type.cast(new SimulateCommand(service, new dev.quorum.service.SimulationService()));
            }
            if (type == WalkthroughCommand.class) {
                return type.cast(new WalkthroughCommand(service,
                        new dev.quorum.service.walkthrough.WalkthroughService(new dev.quorum.service.SimulationService())));
            }
            if (type == ModelsCommand.class) {
                return type.cast(new ModelsCommand(service, new dev.quorum.service.SimulationService()));
            }
            return CommandLine.defaultFactory().create(type);
        }
    }
}
