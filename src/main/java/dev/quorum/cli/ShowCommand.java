package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.DesignSummary;
import dev.quorum.service.SectionStatus;
import dev.quorum.template.Gap;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum show FILE}: a summary of each section and what is missing. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Summarise each section of a design and list what is missing or unreadable.")
final class ShowCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A *.quorum.yaml design file.")
    Path file;

    @Option(names = "--strict", description = "Exit with code 1 when anything is missing.")
    boolean strict;

    private final DesignService service;

    ShowCommand(DesignService service) {
        this.service = service;
    }

    @Override
    public Integer call() throws Exception {
        DesignFile design = service.open(file);
        DesignSummary summary = service.summarize(design.design());
        PrintWriter out = spec.commandLine().getOut();
        String name = summary.name().isBlank() ? "(unnamed design)" : summary.name();
        int gaps = summary.allGaps().size();
        out.println(name + "  [" + file.getFileName() + "]  "
                + (summary.complete() ? "complete" : gaps + (gaps == 1 ? " gap" : " gaps")));
        out.println();
        int width = summary.sections().stream().mapToInt(s -> s.title().length()).max().orElse(20);
        for (SectionStatus s : summary.sections()) {
            String mark = s.complete() ? "ok  " : String.format("%-4s", s.gaps().size());
            out.printf("  %-" + width + "s  %s %s%n", s.title(), mark, s.digest());
        }
        if (!summary.complete()) {
            out.println();
            out.println("Missing or unreadable:");
            for (Gap g : summary.allGaps()) {
                String where = design.positionOf(g.path()).line() > 0 ? " (line " + design.positionOf(g.path()).line() + ")" : "";
                out.println("  - " + g.describe() + where);
            }
        }
        out.flush();
        return strict && !summary.complete() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
