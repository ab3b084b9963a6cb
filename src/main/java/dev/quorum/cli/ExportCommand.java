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

/** {@code quorum export FILE --format md|yaml [-o OUT] [--images svg|png]}: the design as Markdown or canonical YAML. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Export a design as Markdown (the filled-in template, with Mermaid diagrams) or as canonical YAML.")
final class ExportCommand implements Callable<Integer> {

    /** The export formats. */
    enum Format { md, yaml }

    /** The image formats for --images. */
    enum Images { svg, png }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A *.quorum.yaml design file.")
    Path file;

    @Option(names = {"-f", "--format"}, required = true, description = "md or yaml.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    @Option(names = "--images", paramLabel = "svg|png",
            description = "With --format md and -o: also draw the diagrams as image files next to the Markdown and link them.")
    Images images;

    private final DesignService service;

    ExportCommand(DesignService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        if (images != null && (format != Format.md || output == null)) {
            throw new UserError("--images needs --format md and -o OUT: the images are written next to the Markdown file");
        }
        checkFolder();
        DesignFile design = service.open(file);
        String text = switch (format) {
            case md -> images == null ? service.toMarkdown(design.design()) : withImages(design);
            case yaml -> service.toYaml(design);
        };
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }

    private void checkFolder() throws UserError {
        if (output == null) {
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError(output + ": the folder " + parent + " does not exist");
        }
    }

    /** Renders the diagrams next to the Markdown file and links them; a failed render keeps its DOT text beside it. */
    private String withImages(DesignFile design) throws Exception {
        try {
            var figures = new dev.quorum.service.DiagramService().writeImages(design.design(), output,
                    images == Images.png ? dev.quorum.diagram.RenderFormat.PNG : dev.quorum.diagram.RenderFormat.SVG);
            return service.toMarkdown(design.design(), figures);
        } catch (dev.quorum.diagram.RenderException e) {
            Path kept = output.resolveSibling(output.getFileName() + ".failed-diagram.dot");
            Files.writeString(kept, e.dot(), StandardCharsets.UTF_8);
            throw new UserError(file + ": " + e.getMessage() + "; the DOT text is in " + kept);
        } catch (dev.quorum.diagram.DiagramInputException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
    }
}
