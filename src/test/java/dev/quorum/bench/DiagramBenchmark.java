package dev.quorum.bench;

import dev.quorum.diagram.DiagramRenderer;
import dev.quorum.diagram.ErDiagram;
import dev.quorum.diagram.ErOptions;
import dev.quorum.diagram.RenderEngine;
import dev.quorum.diagram.RenderFormat;
import dev.quorum.diagram.SyntheticSchema;
import dev.quorum.model.SqlDialect;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.SchemaModel;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Times the ER diagram as SVG for a generated 50-table schema and for pagila, with the dot binary and
 * with graphviz-java's J2V8 engine, first render and warm. The first render includes choosing and
 * starting the engine, which for J2V8 means loading V8 and viz.js, so each run is a fresh JVM.
 *
 * <p>Run from the repository root after {@code mvn test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat /tmp/q/cp) dev.quorum.bench.DiagramBenchmark [RUNS] [WARM]}
 * (defaults 5 fresh JVMs per case, 20 warm renders in each). It prints medians as a Markdown table.
 */
public final class DiagramBenchmark {

    private DiagramBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(RenderEngine.valueOf(args[1]), args[2], Integer.parseInt(args[3]));
            return;
        }
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warm = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        System.out.printf(Locale.ROOT, "ER diagram as SVG; %d fresh JVMs per case, %d warm renders in each; medians.%n%n", runs, warm);
        System.out.println("| schema | tables drawn | DOT size | engine | first render (fresh JVM) | warm render | DOT generation |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (String schema : List.of("synthetic-50", "pagila")) {
            for (RenderEngine engine : List.of(RenderEngine.DOT, RenderEngine.J2V8)) {
                List<Double> firsts = new ArrayList<>();
                List<Double> warms = new ArrayList<>();
                List<Double> generations = new ArrayList<>();
                String tables = "";
                String size = "";
                for (int r = 0; r < runs; r++) {
                    for (String line : runChild(engine, schema, warm)) {
                        String[] kv = line.split("=", 2);
                        switch (kv[0]) {
                            case "first" -> firsts.add(Double.parseDouble(kv[1]));
                            case "warm" -> warms.add(Double.parseDouble(kv[1]));
                            case "generate" -> generations.add(Double.parseDouble(kv[1]));
                            case "tables" -> tables = kv[1];
                            case "dotChars" -> size = kv[1];
                            default -> {
                                // other output is ignored
                            }
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "| %s | %s | %s chars | %s | %.0f ms | %.1f ms | %.1f ms |%n", schema, tables, size,
                        engine.id(), median(firsts), median(warms), median(generations));
            }
        }
    }

    private static List<String> runChild(RenderEngine engine, String schema, int warm) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                DiagramBenchmark.class.getName(), "--child", engine.name(), schema, String.valueOf(warm));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(line);
            }
        }
        if (p.waitFor() != 0) {
            throw new IllegalStateException("benchmark child failed: " + command + " " + lines);
        }
        return lines;
    }

    private static void child(RenderEngine engine, String schemaName, int warm) throws Exception {
        SchemaModel schema = schemaName.equals("pagila")
                ? new DdlImporter().importDdl(Files.readString(Path.of("src/test/resources/real-schemas/pagila-schema.sql")), SqlDialect.POSTGRESQL)
                : new DdlImporter().importDdl(SyntheticSchema.ddl(50), SqlDialect.POSTGRESQL);
        long g0 = System.nanoTime();
        String dot = ErDiagram.dot(schema, ErOptions.all());
        double generate = (System.nanoTime() - g0) / 1e6;
        DiagramRenderer renderer = new DiagramRenderer(engine, Duration.ofSeconds(120));
        long t0 = System.nanoTime();
        String svg = renderer.render(dot, RenderFormat.SVG).text();
        double first = (System.nanoTime() - t0) / 1e6;
        if (!svg.contains("<svg")) {
            throw new IllegalStateException("no SVG");
        }
        System.out.println("first=" + first);
        System.out.println("generate=" + generate);
        System.out.println("tables=" + schema.tables().stream().filter(t -> t.partitionOf().isBlank()).count());
        System.out.println("dotChars=" + dot.length());
        for (int i = 0; i < warm; i++) {
            long w = System.nanoTime();
            renderer.render(dot, RenderFormat.SVG);
            System.out.println("warm=" + (System.nanoTime() - w) / 1e6);
        }
        System.out.flush();
        System.exit(0);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
