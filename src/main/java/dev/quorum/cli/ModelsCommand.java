package dev.quorum.cli;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.ModelListing;
import dev.quorum.service.SimulationService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quorum models [FILE] [--format text|json]}: the simulation models and their parameters. */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "List the simulation models with their parameters: unit, default, range, where the default comes "
                + "from and the design field that fills it.%nWith a design file, also show the values it gives and which models apply.")
final class ModelsCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { text, json, md }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "A *.quorum.yaml design file (optional).")
    Path file;

    @Option(names = {"-f", "--format"}, defaultValue = "text", description = "text, json, or md for the guide models' part of docs/scenarios.md (default: ${DEFAULT-VALUE}).")
    Format format;

    private final DesignService designs;
    private final SimulationService simulation;

    ModelsCommand(DesignService designs, SimulationService simulation) {
        this.designs = designs;
        this.simulation = simulation;
    }

    @Override
    public Integer call() throws Exception {
        DesignFile design = file == null ? null : designs.open(file);
        String source = file == null ? "" : file.getFileName() == null ? file.toString() : file.getFileName().toString();
        String text = switch (format) {
            case text -> ModelListing.text(simulation, design == null ? null : design.design(), source);
            case json -> ModelListing.json(simulation, design == null ? null : design.design());
            case md -> dev.quorum.sim.scenarios.guide.ScenarioModelsDocument.markdown(
                    dev.quorum.sim.scenarios.guide.GuideModels.all());
        };
        spec.commandLine().getOut().print(text);
        spec.commandLine().getOut().flush();
        return ExitCodes.OK;
    }
}
