package dev.quorum.diagram;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.SqlDialect;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.SchemaModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the Mermaid of every sample's three diagrams, of pagila and of the hostile names into a folder,
 * with the number of nodes and edges (or entities and relationships) each must have, for the check with
 * Mermaid's own parser: {@code node src/test/resources/dev/quorum/diagram/check-mermaid.mjs DIR}
 * (see docs/decisions/0014-mermaid-out-and-in.md). Not a test: Mermaid needs Node.js, which the build does not.
 */
public final class MermaidCheckFiles {

    private MermaidCheckFiles() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/mermaid-check");
        Files.createDirectories(dir);
        Map<String, int[]> expected = new LinkedHashMap<>();
        for (String sample : List.of("ecommerce", "live-scores", "payments", "quorum-store", "flawed-startup")) {
            Design d = new DesignYaml().read(Path.of("samples", sample + ".quorum.yaml")).design();
            SchemaModel schema = new DdlImporter().importDdl(d.schema().sql(), d.schema().dialect() == null ? SqlDialect.POSTGRESQL
                    : d.schema().dialect());
            write(dir, sample + "-er.mmd", ErDiagram.mermaid(schema, ErOptions.all()), expected, true);
            write(dir, sample + "-dataflow.mmd", DataFlowDiagram.mermaid(d), expected, false);
            write(dir, sample + "-topology.mmd", TopologyDiagram.mermaid(d.replication().topology(), d.replication().failover()), expected,
                    false);
        }
        SchemaModel pagila = new DdlImporter().importDdl(Files.readString(Path.of("src/test/resources/real-schemas/pagila-schema.sql")),
                SqlDialect.POSTGRESQL);
        write(dir, "pagila-er.mmd", ErDiagram.mermaid(pagila, ErOptions.all()), expected, true);
        write(dir, "hostile-er.mmd", ErDiagram.mermaid(HostileNames.schema(), ErOptions.all()), expected, true);
        write(dir, "hostile-columns-er.mmd", ErDiagram.mermaid(HostileNames.columns(), ErOptions.all()), expected, true);
        write(dir, "hostile-flow.mmd", DataFlowDiagram.mermaid(HostileNames.flow()), expected, false);
        write(dir, "hostile-sharing.mmd", DataFlowDiagram.mermaid(HostileNames.sharing()), expected, false);
        write(dir, "hostile-topology.mmd", TopologyDiagram.mermaid(HostileNames.topology(), HostileNames.failover()), expected, false);
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            json.append("  \"").append(e.getKey()).append("\": {\"nodes\": ").append(e.getValue()[0]).append(", \"edges\": ")
                    .append(e.getValue()[1]).append(", \"frames\": ").append(e.getValue()[2]).append('}')
                    .append(++i < expected.size() ? ",\n" : "\n");
        }
        Files.writeString(dir.resolve("expected.json"), json.append("}\n").toString(), StandardCharsets.UTF_8);
        System.out.println("wrote " + expected.size() + " Mermaid files to " + dir);
    }

    private static void write(Path dir, String name, String text, Map<String, int[]> expected, boolean er) throws Exception {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        MermaidStructure s = er ? MermaidStructure.erDiagram(text) : MermaidStructure.flowchart(text);
        expected.put(name, new int[] {s.nodeLabels().size(), s.edges().size(), s.frames().size()});
    }
}
