package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.SimulationReport;
import dev.quorum.service.SimulationService;
import dev.quorum.sim.engine.ProgressListener;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.SimulationResult;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quorum simulate FILE --model ID [--param k=v ...] [--seed N] [--replications N] [--format text|json|csv]}:
 * runs one of the design's what-ifs (or all that apply) and prints the metrics and verdicts.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulate a design: failover, restore, replica reads, multi-primary conflicts, cache expiry, "
                + "connection pool (see 'quorum models').%n"
                + "Parameters default from the design; every default names its source. The same seed gives the same result.%n"
                + "Exit 0 when it ran, 1 with --strict when a verdict is MISSED, 2 on bad input.")
final class SimulateCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, json, csv }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A *.quorum.yaml design file.")
    Path file;

    @Option(names = {"-m", "--model"}, required = true, paramLabel = "ID",
            description = "The model's id (see 'quorum models'), or 'all' for every model that applies to the design.")
    String model;

    @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE",
            description = "Overrides a parameter, in human units: --param lag=2s --param mode=sync. Repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--seed", defaultValue = "1", description = "The seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-r", "--replications"}, defaultValue = "10",
            description = "Independent replications, run in parallel (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, json or csv (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write the report here instead of standard output.")
    Path output;

    @Option(names = "--record", description = "Record the result in the design file; the Markdown export then shows it "
            + "under 'Simulated outcomes'. The file is rewritten in canonical form.")
    boolean record;

    @Option(names = "--force", description = "Run a model even where it does not apply to the design.")
    boolean force;

    @Option(names = "--strict", description = "Exit 1 when any verdict is MISSED.")
    boolean strict;

    @Option(names = "--progress", description = "Report finished replications on standard error.")
    boolean progress;

    private final DesignService designs;
    private final SimulationService simulation;

    SimulateCommand(DesignService designs, SimulationService simulation) {
        this.designs = designs;
        this.simulation = simulation;
    }

    @Override
    public Integer call() throws Exception {
        DesignFile design = designs.open(file);
        List<Model> models = chosen(design);
        PrintWriter err = spec.commandLine().getErr();
        List<SimulationResult> results = new ArrayList<>();
        DesignFile recorded = design;
        for (Model m : models) {
            ProgressListener listener = progress ? (done, total) -> {
                synchronized (err) {
                    err.println("quorum: " + m.id() + ": replication " + done + " of " + total);
                    err.flush();
                }
            } : ProgressListener.NONE;
            SimulationResult result;
            try {
                result = simulation.run(design.design(), m.id(), params, seed, replications, listener, null);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage());
            }
            results.add(result);
            if (record) {
                recorded = simulation.record(recorded, result);
            }
        }
        String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String report = switch (format) {
            case text -> SimulationReport.text(source, results);
            case json -> SimulationReport.json(source, results);
            case csv -> SimulationReport.csv(results);
        };
        if (output == null) {
            spec.commandLine().getOut().print(report);
            spec.commandLine().getOut().flush();
        } else {
            Files.writeString(output, report, StandardCharsets.UTF_8);
        }
        if (record) {
            designs.save(recorded, file);
            err.println("quorum: recorded " + results.size() + " outcome" + (results.size() == 1 ? "" : "s") + " in " + file);
            err.flush();
        }
        boolean missed = results.stream().anyMatch(SimulationResult::anyMissed);
        return strict && missed ? ExitCodes.FINDINGS : ExitCodes.OK;
    }

    private List<Model> chosen(DesignFile design) throws UserError {
        if (replications < 1 || replications > 10_000) {
            throw new UserError("--replications must be between 1 and 10000, not " + replications);
        }
        if (model.equals("all")) {
            if (!params.isEmpty()) {
                throw new UserError("--param needs one model; parameters differ between models (see 'quorum models')");
            }
            List<Model> all = force ? simulation.models() : simulation.applicableModels(design.design());
            if (all.isEmpty()) {
                throw new UserError(file + ": no model applies to this design");
            }
            return all;
        }
        Model m;
        try {
            m = simulation.model(model);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        Optional<String> na = m.notApplicable(design.design());
        if (na.isPresent() && !force) {
            throw new UserError(file + ": model " + m.id() + " does not apply: " + na.get() + " (use --force to run it anyway)");
        }
        return List.of(m);
    }
}
