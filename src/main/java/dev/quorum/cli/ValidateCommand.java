package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignFormatException;
import dev.quorum.service.DesignService;
import dev.quorum.service.ValidationService;
import dev.quorum.service.report.FileFindings;
import dev.quorum.service.report.JsonReport;
import dev.quorum.service.report.SarifReport;
import dev.quorum.service.report.TextReport;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum validate FILE... [--format text|json|sarif] [--fail-on LEVEL]}: the rules, for CI. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Check designs against every rule (see docs/rules.md).%n"
                + "Exit 0 when clean, 1 when a finding reaches --fail-on, 2 when a file cannot be read.")
final class ValidateCommand implements Callable<Integer> {

    /** The report formats. */
    enum Format { text, json, sarif }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "*.quorum.yaml design files.")
    List<Path> files;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, json or sarif (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--fail-on", defaultValue = "error", paramLabel = "LEVEL",
            description = "error, warning or info: the least severe finding that fails the run (default: ${DEFAULT-VALUE}).")
    String failOn;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the report here instead of standard output.")
    Path output;

    private final DesignService designs;
    private final ValidationService validation;

    ValidateCommand(DesignService designs, ValidationService validation) {
        this.designs = designs;
        this.validation = validation;
    }

    @Override
    public Integer call() throws Exception {
        Severity threshold = Severity.byId(failOn).orElseThrow(() ->
                new UserError("--fail-on takes error, warning or info, not '" + failOn + "'"));
        List<FileFindings> results = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        for (Path file : files) {
            try {
                DesignFile design = designs.open(file);
                results.add(new FileFindings(file.toString(), design, validation.validate(design.design())));
            } catch (DesignFormatException | java.io.IOException e) {
                // One unreadable file must not hide the findings of the others; it still decides the exit code.
                unreadable.add("quorum: " + QuorumCli.oneLine(e));
            }
        }
        String report = switch (format) {
            case text -> TextReport.render(results);
            case json -> JsonReport.render(results);
            case sarif -> SarifReport.render(results, validation.registry(), VersionProvider.version());
        };
        if (output == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        }
        unreadable.forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        if (!unreadable.isEmpty()) {
            return ExitCodes.BAD_INPUT;
        }
        boolean failed = results.stream().flatMap(r -> r.findings().stream())
                .map(Finding::severity).anyMatch(s -> s.atLeast(threshold));
        return failed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
