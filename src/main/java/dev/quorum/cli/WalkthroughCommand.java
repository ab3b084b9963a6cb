package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.walkthrough.Decision;
import dev.quorum.service.walkthrough.Walkthrough;
import dev.quorum.service.walkthrough.WalkthroughReport;
import dev.quorum.service.walkthrough.WalkthroughService;
import dev.quorum.sim.engine.ProgressListener;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quorum walkthrough FILE --scenario ID [--apply | --record] [--format text|md]}: walks a design through one
 * scenario of the guide, simulated on the design's own parameters before and after the fix.
 */
@Command(name = "walkthrough", mixinStandardHelpOptions = true,
        description = "Walk a design through a scenario of the guide (see 'quorum scenarios'): the scenario, how the design "
                + "fares in simulation, the mechanism, the fix simulated before and after, what the fix changes in the "
                + "design, and the outcome.%n"
                + "--apply writes the fix and the outcome into FILE; --record writes only the outcome.%n"
                + "Exit 0 when it ran, 2 on bad input.")
final class WalkthroughCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, md }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A *.quorum.yaml design file.")
    Path file;

    @Option(names = {"-s", "--scenario"}, required = true, paramLabel = "ID",
            description = "The scenario's id, for example noon-crash or ghost-payment.")
    String scenario;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Overrides a parameter of the scenario's model, in human units. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "The seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-r", "--replications"}, defaultValue = "10",
            description = "Independent replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text or md (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the walkthrough here instead of standard output.")
    Path output;

    @CommandLine.ArgGroup(exclusive = true)
    Change change;

    /** What the walkthrough writes back into the design file, if anything. */
    static final class Change {
        @Option(names = "--apply", required = true, description = "Apply the fix and record the outcome in FILE "
                + "(rewritten in canonical form). Refused when the fix cannot be applied to this design.")
        boolean apply;

        @Option(names = "--record", required = true, description = "Record the outcome in FILE without applying the fix.")
        boolean record;
    }

    private final DesignService designs;
    private final WalkthroughService walkthroughs;

    WalkthroughCommand(DesignService designs, WalkthroughService walkthroughs) {
        this.designs = designs;
        this.walkthroughs = walkthroughs;
    }

    @Override
    public Integer call() throws Exception {
        if (replications < 1 || replications > 10_000) {
            throw new UserError("--replications must be between 1 and 10000, not " + replications);
        }
        DesignFile design = designs.open(file);
        Walkthrough w;
        try {
            w = walkthroughs.run(design.design(), scenario, params, seed, replications, ProgressListener.NONE, null);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Decision decision = null;
        DesignFile changed = null;
        if (change != null && change.apply) {
            if (!w.fix().applicable()) {
                throw new UserError(file + ": the fix of " + scenario + " cannot be applied: " + w.fix().whyNot());
            }
            changed = design.withDesign(walkthroughs.apply(design.design(), w));
            decision = Decision.APPLIED;
        } else if (change != null && change.record) {
            decision = WalkthroughService.unapplied(w);
            changed = design.withDesign(walkthroughs.record(design.design(), w, decision));
        }
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String report = format == Format.md ? WalkthroughReport.markdown(source, w, decision)
                : WalkthroughReport.text(source, w, decision);
        if (output == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        }
        if (changed != null) {
            designs.save(changed, file);
            PrintWriter err = spec.commandLine().getErr();
            err.println("quorum: " + decision.text() + "; outcome recorded in " + file);
            err.flush();
        }
        return ExitCodes.OK;
    }
}
