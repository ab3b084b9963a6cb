package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum new NAME}: an empty design from the template, with every field present to fill in. */
@Command(name = "new", mixinStandardHelpOptions = true,
        description = "Create an empty design from the template. Writes NAME.quorum.yaml unless -o is given.")
final class NewCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "NAME", description = "The design's name.")
    String name;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write it; '-' for standard output.")
    String output;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    private final DesignService service;

    NewCommand(DesignService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        if (name.isBlank()) {
            throw new UserError("the design needs a name");
        }
        DesignFile design = service.create(name.strip());
        String text = service.toYaml(design);
        if ("-".equals(output)) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        Path target = Path.of(output != null ? output : fileName(name) + ".quorum.yaml");
        if (Files.exists(target) && !force) {
            throw new java.nio.file.FileAlreadyExistsException(target.toString());
        }
        Files.writeString(target, text, StandardCharsets.UTF_8);
        spec.commandLine().getOut().println("Created " + target);
        return ExitCodes.OK;
    }

    /** A file-system-safe form of a design name: "Payments v2!" becomes "payments-v2". */
    static String fileName(String name) {
        String slug = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return slug.isEmpty() ? "design" : slug;
    }
}
