package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum export FILE --format md|yaml [-o OUT]}: the design as Markdown or canonical YAML. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a design as Markdown (the filled-in template, with Mermaid diagrams) or as canonical YAML.")
final class ExportCommand implements Callable<Integer> {

    /** The export formats. */
    enum Format { md, yaml }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A *.quorum.yaml design file.")
    Path file;

    @Option(names = {"-f", "--format"}, required = true, description = "md or yaml.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    private final DesignService service;

    ExportCommand(DesignService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        DesignFile design = service.open(file);
        String text = switch (format) {
            case md -> service.toMarkdown(design.design());
            case yaml -> service.toYaml(design);
        };
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UserError(output + ": the folder " + parent + " does not exist");
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
