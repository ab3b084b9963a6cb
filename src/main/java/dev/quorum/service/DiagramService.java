package dev.quorum.service;

import dev.quorum.diagram.DataFlowDiagram;
import dev.quorum.diagram.DiagramInputException;
import dev.quorum.diagram.DiagramRenderer;
import dev.quorum.diagram.ErDiagram;
import dev.quorum.diagram.ErOptions;
import dev.quorum.diagram.MermaidImport;
import dev.quorum.diagram.MermaidSyntaxException;
import dev.quorum.diagram.RenderException;
import dev.quorum.diagram.RenderFormat;
import dev.quorum.diagram.RenderedDiagram;
import dev.quorum.diagram.TopologyDiagram;
import dev.quorum.io.MarkdownFigures;
import dev.quorum.model.DataSharing;
import dev.quorum.model.Design;
import dev.quorum.model.FlowDiagram;
import dev.quorum.model.Query;
import dev.quorum.model.Replication;
import dev.quorum.model.SqlDialect;
import dev.quorum.model.Topology;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.Table;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The diagram use cases the window and the command line share: draw a design's ER, data-flow and
 * topology diagrams as DOT or Mermaid, render them to SVG or PNG, read pasted Mermaid into the model,
 * and write the images a Markdown export links to.
 */
public final class DiagramService {

    private final DiagramRenderer renderer;

    /** A service that renders with the automatic engine and the default timeout. */
    public DiagramService() {
        this(new DiagramRenderer());
    }

    /** A service with a chosen renderer (engine and timeout). */
    public DiagramService(DiagramRenderer renderer) {
        this.renderer = renderer;
    }

    /** The renderer this service uses. */
    public DiagramRenderer renderer() {
        return renderer;
    }

    /** The design's SQL schema, parsed (never run) in its dialect, PostgreSQL when none is set. */
    public SchemaModel schema(Design design) {
        SqlDialect dialect = design.schema().dialect() == null ? SqlDialect.POSTGRESQL : design.schema().dialect();
        return design.schema().sql().isBlank() ? SchemaModel.EMPTY : new DdlImporter().importDdl(design.schema().sql(), dialect);
    }

    /** The names of the schema's tables, for choosing a neighbourhood. */
    public List<String> tableNames(Design design) {
        return schema(design).tables().stream().filter(t -> t.partitionOf().isBlank()).map(Table::name)
                .map(n -> n.name()).sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    /** True when the design has something this diagram draws. */
    public boolean hasContent(Design design, DiagramKind kind) {
        return switch (kind) {
            case ER -> ErDiagram.hasContent(schema(design));
            case DATAFLOW -> DataFlowDiagram.hasContent(design);
            case TOPOLOGY -> TopologyDiagram.hasContent(design.replication().topology());
        };
    }

    /** The scope "tables this query touches" for the design's query with this name (ignoring case). */
    public ErOptions queryScope(Design design, String queryName) throws DiagramInputException {
        for (Query q : design.queries()) {
            if (q.name().strip().equalsIgnoreCase(queryName.strip())) {
                if (q.sql().isBlank()) {
                    throw new DiagramInputException("query '" + queryName.strip() + "' has no SQL to draw");
                }
                return ErOptions.query(q.sql());
            }
        }
        List<String> names = design.queries().stream().map(Query::name).filter(n -> !n.isBlank()).toList();
        throw new DiagramInputException("no query named '" + queryName.strip() + "'"
                + (names.isEmpty() ? "; the design has no queries" : "; queries: " + String.join(", ", names)));
    }

    /** The diagram as DOT text; {@code er} applies to the ER diagram only. */
    public String dot(Design design, DiagramKind kind, ErOptions er) throws DiagramInputException {
        return switch (kind) {
            case ER -> ErDiagram.dot(requireSchema(design), er == null ? ErOptions.all() : er);
            case DATAFLOW -> DataFlowDiagram.dot(design);
            case TOPOLOGY -> TopologyDiagram.dot(design.replication().topology(), design.replication().failover());
        };
    }

    /** The diagram as Mermaid text (an erDiagram or a flowchart). */
    public String mermaid(Design design, DiagramKind kind, ErOptions er) throws DiagramInputException {
        return switch (kind) {
            case ER -> ErDiagram.mermaid(requireSchema(design), er == null ? ErOptions.all() : er);
            case DATAFLOW -> DataFlowDiagram.mermaid(design);
            case TOPOLOGY -> TopologyDiagram.mermaid(design.replication().topology(), design.replication().failover());
        };
    }

    /** Draws and renders the diagram. Slow: call it off the UI thread. */
    public RenderedDiagram render(Design design, DiagramKind kind, ErOptions er, RenderFormat format)
            throws DiagramInputException, RenderException {
        return renderer.render(dot(design, kind, er), format);
    }

    /** Renders DOT text drawn earlier, as PNG at {@code dpi} or as SVG. Slow: call it off the UI thread. */
    public RenderedDiagram render(String dot, RenderFormat format, int dpi) throws RenderException {
        return renderer.render(dot, format, dpi);
    }

    /** As {@link #render(String, RenderFormat, int)}, with the longest PNG side at most {@code maxPixels}. */
    public RenderedDiagram render(String dot, RenderFormat format, int dpi, int maxPixels) throws RenderException {
        return renderer.render(dot, format, dpi, maxPixels);
    }

    /** Reads a pasted Mermaid block as the synchronization diagram. */
    public MermaidImport.Result<FlowDiagram> importFlow(String mermaid) throws MermaidSyntaxException {
        return MermaidImport.flow(mermaid);
    }

    /** Reads a pasted Mermaid block as the replication topology. */
    public MermaidImport.Result<Topology> importTopology(String mermaid) throws MermaidSyntaxException {
        return MermaidImport.topology(mermaid);
    }

    /** A design that holds only this synchronization diagram, for drawing a pasted Mermaid block. */
    public Design flowDesign(String name, FlowDiagram flow) {
        return new Design(name, "", null, null, null, null, new DataSharing(List.of(), List.of(), flow), null, null, null, null);
    }

    /** A design that holds only this replication topology, for drawing a pasted Mermaid block. */
    public Design topologyDesign(String name, Topology topology) {
        return new Design(name, "", null, null, null, null, null, null,
                new Replication(null, topology, dev.quorum.model.Duration.UNSPECIFIED, null), null, null);
    }

    /** The ER diagram as Mermaid under the schema subsection; what every Markdown export carries. */
    public MarkdownFigures markdownFigures() {
        return new DiagramFigures(this, Map.of());
    }

    /**
     * Renders every diagram the design has into image files next to {@code markdownFile}, named after it
     * ({@code NAME-er.svg}, {@code NAME-dataflow.svg}, {@code NAME-topology.svg}), and returns the figures
     * that link them. Each file is written atomically.
     */
    public MarkdownFigures writeImages(Design design, Path markdownFile, RenderFormat format)
            throws IOException, RenderException, DiagramInputException {
        Path target = markdownFile.toAbsolutePath().normalize();
        Path dir = target.getParent();
        String base = target.getFileName().toString().replaceFirst("(?i)\\.(md|markdown)$", "");
        Map<DiagramKind, String> paths = new EnumMap<>(DiagramKind.class);
        for (DiagramKind kind : DiagramKind.values()) {
            if (!hasContent(design, kind)) {
                continue;
            }
            String name = fileSafe(base) + "-" + kind.id() + "." + format.extension();
            RenderedDiagram image = render(design, kind, ErOptions.all(), format);
            writeAtomically(dir.resolve(name), image.bytes());
            paths.put(kind, name);
        }
        return new DiagramFigures(this, paths);
    }

    /** A file name made of letters, digits, dots, dashes and underscores only. */
    static String fileSafe(String base) {
        String s = base.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "design" : s;
    }

    private SchemaModel requireSchema(Design design) throws DiagramInputException {
        SchemaModel schema = schema(design);
        if (!ErDiagram.hasContent(schema)) {
            throw new DiagramInputException(design.schema().sql().isBlank() ? "the design has no SQL schema to draw"
                    : "the design's SQL schema defines no table or view Quorum could read");
        }
        return schema;
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".quorum-image-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
