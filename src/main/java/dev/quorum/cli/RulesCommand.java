package dev.quorum.cli;

import dev.quorum.service.ValidationService;
import dev.quorum.validate.Rule;
import dev.quorum.validate.RulesDocument;
import dev.quorum.validate.Thresholds;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code quorum rules}: every validation rule, as a list or as the docs/rules.md page. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every validation rule with its id, severity and summary, or write docs/rules.md (--format md).")
final class RulesCommand implements Callable<Integer> {

    /** The listing formats. */
    enum Format { text, md }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or md (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here instead of standard output.")
    Path output;

    private final ValidationService validation;

    RulesCommand(ValidationService validation) {
        this.validation = validation;
    }

    @Override
    public Integer call() throws Exception {
        String text;
        if (format == Format.md) {
            text = RulesDocument.markdown(validation.registry(), Thresholds.DEFAULT);
        } else {
            StringBuilder b = new StringBuilder();
            int width = validation.registry().rules().stream().mapToInt(r -> r.info().id().length()).max().orElse(10);
            for (Rule r : validation.registry().rules()) {
                b.append(String.format("%-" + width + "s  %-7s  %s%n", r.info().id(), r.info().defaultSeverity().id(),
                        r.info().summary()));
            }
            b.append(validation.registry().rules().size()).append(" rules\n");
            text = b.toString();
        }
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, text, StandardCharsets.UTF_8);
        }
        return ExitCodes.OK;
    }
}
