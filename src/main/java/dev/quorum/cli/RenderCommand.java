package dev.quorum.cli;

import dev.quorum.diagram.DiagramInputException;
import dev.quorum.diagram.DiagramRenderer;
import dev.quorum.diagram.ErOptions;
import dev.quorum.diagram.MermaidImport;
import dev.quorum.diagram.MermaidSyntaxException;
import dev.quorum.diagram.RenderEngine;
import dev.quorum.diagram.RenderException;
import dev.quorum.diagram.RenderFormat;
import dev.quorum.diagram.RenderedDiagram;
import dev.quorum.model.Choice;
import dev.quorum.model.Design;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import dev.quorum.service.DesignService;
import dev.quorum.service.DiagramKind;
import dev.quorum.service.DiagramService;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quorum render FILE --diagram er|dataflow|topology --format svg|png|dot|mermaid -o OUT}: one of a
 * design's diagrams, drawn by Graphviz or written as DOT or Mermaid. FILE may also be a DDL script (for
 * the ER diagram) or a Mermaid block (for the data-flow or topology diagram).
 */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Draw a design's ER, data-flow or replication-topology diagram as SVG, PNG, DOT or Mermaid.%n"
                + "FILE is a *.quorum.yaml design, a *.sql DDL script (ER only) or a *.mmd Mermaid block (dataflow, topology).")
final class RenderCommand implements Callable<Integer> {

    /** The output formats. */
    enum Format { svg, png, dot, mermaid }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A *.quorum.yaml design, a *.sql script or a *.mmd Mermaid block.")
    Path file;

    @Option(names = {"-d", "--diagram"}, required = true, paramLabel = "KIND", description = "er, dataflow or topology.")
    String diagram;

    @Option(names = {"-f", "--format"}, required = true, description = "svg, png, dot or mermaid.")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write here; standard output when omitted (not for png).")
    Path output;

    @Option(names = "--table", paramLabel = "T", description = "ER: draw only this table and its neighbours.")
    String table;

    @Option(names = "--hops", paramLabel = "N", description = "ER with --table: foreign-key hops to include (default 1, at most 20).")
    Integer hops;

    @Option(names = "--query", paramLabel = "NAME", description = "ER: draw only the tables this design query touches.")
    String query;

    @Option(names = "--cluster", paramLabel = "MODE", description = "ER grouping: auto, none, schema or prefix (default auto).")
    String cluster;

    @Option(names = "--detail", paramLabel = "MODE", description = "ER detail: auto, columns or tables (default auto: tables only above "
            + ErOptions.OVERVIEW_THRESHOLD + " tables).")
    String detail;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "For a *.sql FILE: postgresql, mysql, h2, sqlserver or ansi (default postgresql).")
    String dialect;

    @Option(names = "--engine", paramLabel = "ENGINE", description = "auto, dot or j2v8 (default auto: dot when installed).")
    String engine;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Stop rendering after this long (default 30).")
    Integer timeoutSeconds;

    @Option(names = "--dpi", paramLabel = "DPI", description = "PNG resolution (default 96).")
    Integer dpi;

    private final DesignService designs;

    RenderCommand(DesignService designs) {
        this.designs = designs;
    }

    @Override
    public Integer call() throws Exception {
        DiagramKind kind = DiagramKind.byId(diagram).orElseThrow(() -> new UserError("--diagram takes er, dataflow or topology, not '"
                + diagram + "'"));
        RenderEngine chosen = engine == null ? RenderEngine.AUTO : java.util.Arrays.stream(RenderEngine.values())
                .filter(e -> e.id().equalsIgnoreCase(engine.strip())).findFirst()
                .orElseThrow(() -> new UserError("--engine takes auto, dot or j2v8, not '" + engine + "'"));
        int seconds = timeoutSeconds == null ? (int) DiagramRenderer.DEFAULT_TIMEOUT.toSeconds() : timeoutSeconds;
        if (seconds < 1 || seconds > 3600) {
            throw new UserError("--timeout takes 1 to 3600 seconds, not " + seconds);
        }
        int resolution = dpi == null ? DiagramRenderer.DEFAULT_DPI : dpi;
        if (resolution < 36 || resolution > 600) {
            throw new UserError("--dpi takes 36 to 600, not " + resolution);
        }
        if (format == Format.png && output == null) {
            throw new UserError("--format png needs -o OUT: a PNG is not written to the terminal");
        }
        checkOutputFolder();
        DiagramService diagrams = new DiagramService(new DiagramRenderer(chosen, Duration.ofSeconds(seconds)));
        Design design = readDesign(kind, diagrams);
        ErOptions er = erOptions(kind, design, diagrams);
        String dotText;
        try {
            if (format == Format.mermaid) {
                write(diagrams.mermaid(design, kind, er).getBytes(StandardCharsets.UTF_8));
                return ExitCodes.OK;
            }
            dotText = diagrams.dot(design, kind, er);
        } catch (DiagramInputException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        if (format == Format.dot) {
            write(dotText.getBytes(StandardCharsets.UTF_8));
            return ExitCodes.OK;
        }
        try {
            RenderedDiagram image = diagrams.render(dotText, format == Format.png ? RenderFormat.PNG : RenderFormat.SVG, resolution);
            write(image.bytes());
        } catch (RenderException e) {
            Path kept = output != null ? output.resolveSibling(output.getFileName() + ".dot")
                    : Path.of(kind.id() + "-diagram.dot").toAbsolutePath();
            Files.writeString(kept, e.dot(), StandardCharsets.UTF_8);
            throw new UserError(file + ": " + e.getMessage() + "; the DOT text is in " + kept);
        }
        return ExitCodes.OK;
    }

    private Design readDesign(DiagramKind kind, DiagramService diagrams) throws Exception {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".sql")) {
            if (kind != DiagramKind.ER) {
                throw new UserError(file + ": a SQL script only draws the ER diagram; use --diagram er");
            }
            SqlDialect chosen = dialect == null ? SqlDialect.POSTGRESQL : Choice.byId(SqlDialect.class, dialect.strip())
                    .orElseThrow(() -> new UserError("--dialect takes " + Choice.allowedIds(SqlDialect.class) + ", not '" + dialect + "'"));
            Design empty = Design.empty(file.getFileName().toString());
            return new Design(empty.name(), "", null, new SchemaDesign(chosen, Files.readString(file, StandardCharsets.UTF_8), List.of()),
                    null, null, null, null, null, null, null);
        }
        if (name.endsWith(".mmd") || name.endsWith(".mermaid")) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            String title = file.getFileName().toString();
            try {
                return switch (kind) {
                    case ER -> throw new UserError(file + ": a Mermaid block draws the dataflow or topology diagram, not er");
                    case DATAFLOW -> {
                        MermaidImport.Result<dev.quorum.model.FlowDiagram> r = diagrams.importFlow(text);
                        notes(r.notes());
                        yield diagrams.flowDesign(title, r.value());
                    }
                    case TOPOLOGY -> {
                        MermaidImport.Result<dev.quorum.model.Topology> r = diagrams.importTopology(text);
                        notes(r.notes());
                        yield diagrams.topologyDesign(title, r.value());
                    }
                };
            } catch (MermaidSyntaxException e) {
                throw new UserError(file + ":" + e.line() + ": " + e.getMessage().replaceFirst("^line \\d+: ", ""));
            }
        }
        return designs.open(file).design();
    }

    private ErOptions erOptions(DiagramKind kind, Design design, DiagramService diagrams) throws UserError {
        if (kind != DiagramKind.ER) {
            if (table != null || hops != null || query != null || cluster != null || detail != null) {
                throw new UserError("--table, --hops, --query, --cluster and --detail apply to --diagram er only");
            }
            return null;
        }
        if (table != null && query != null) {
            throw new UserError("use either --table or --query, not both");
        }
        if (hops != null && table == null) {
            throw new UserError("--hops needs --table");
        }
        int n = hops == null ? 1 : hops;
        if (n < 0 || n > ErOptions.MAX_HOPS) {
            throw new UserError("--hops takes 0 to " + ErOptions.MAX_HOPS + ", not " + n);
        }
        ErOptions options;
        try {
            options = table != null ? ErOptions.neighbourhood(table, n) : query != null ? diagrams.queryScope(design, query) : ErOptions.all();
        } catch (DiagramInputException e) {
            throw new UserError(file + ": " + e.getMessage());
        }
        if (cluster != null) {
            options = options.withClustering(parse(ErOptions.Clustering.class, cluster, "--cluster", "auto, none, schema or prefix"));
        }
        if (detail != null) {
            options = options.withDetail(parse(ErOptions.Detail.class, detail, "--detail", "auto, columns or tables"));
        }
        return options;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String option, String allowed) throws UserError {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(option + " takes " + allowed + ", not '" + value + "'");
        }
    }

    private void notes(List<String> notes) {
        PrintWriter err = spec.commandLine().getErr();
        for (String note : notes) {
            err.println("quorum: note: " + file.getFileName() + ": " + note);
        }
        err.flush();
    }

    private void checkOutputFolder() throws UserError {
        if (output == null) {
            return;
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError(output + ": the folder " + parent + " does not exist");
        }
    }

    private void write(byte[] bytes) throws java.io.IOException {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(new String(bytes, StandardCharsets.UTF_8));
            out.flush();
        } else {
            Files.write(output, bytes);
        }
    }
}
