package dev.quorum.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code quorum render} and {@code quorum export --images}: outputs, and one-line errors with exit code 2. */
class RenderCommandTest {

    private static final String SHOP = "samples/ecommerce.quorum.yaml";
    private static final String PAGILA = "src/test/resources/real-schemas/pagila-schema.sql";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return QuorumCli.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void rendersSvgAndPngFiles() throws Exception {
        Path svg = dir.resolve("er.svg");
        assertThat(run("render", SHOP, "--diagram", "er", "--format", "svg", "-o", svg.toString())).isZero();
        assertThat(Files.readString(svg)).contains("<svg", "orders");
        Path png = dir.resolve("topology.png");
        assertThat(run("render", SHOP, "-d", "topology", "-f", "png", "-o", png.toString(), "--dpi", "72")).isZero();
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(200);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void writesDotAndMermaidToStandardOutput() {
        assertThat(run("render", SHOP, "-d", "dataflow", "-f", "dot")).isZero();
        assertThat(out.toString()).startsWith("digraph G {\n").contains("shape=cylinder");
        out.getBuffer().setLength(0);
        assertThat(run("render", SHOP, "-d", "er", "-f", "mermaid")).isZero();
        assertThat(out.toString()).startsWith("erDiagram\n").contains("[\"orders\"] {");
    }

    @Test
    void drawsANeighbourhoodOrAQueryFromASqlFileOrADesign() {
        assertThat(run("render", PAGILA, "-d", "er", "--table", "film", "--hops", "1", "-f", "dot")).isZero();
        assertThat(out.toString()).contains("Tables within 1 hop of film: 6 tables").doesNotContain("label=\"country|");
        out.getBuffer().setLength(0);
        assertThat(run("render", SHOP, "-d", "er", "--query", "Customer order history", "-f", "dot", "--cluster", "none",
                "--detail", "tables")).isZero();
        assertThat(out.toString()).contains("Tables the query touches", "Overview: tables only");
    }

    @Test
    void drawsAPastedMermaidBlockAndReportsWhatItAdapted() throws Exception {
        Path mmd = dir.resolve("topology.mmd");
        Files.writeString(mmd, "graph TB\nsubgraph P[\"Primary\"]\nM[Master]\nend\nM -->|Replicate| S[Slave]\n", StandardCharsets.UTF_8);
        assertThat(run("render", mmd.toString(), "-d", "topology", "-f", "dot")).isZero();
        assertThat(out.toString()).contains("label=\"Primary\"", "label=\"Master\\nprimary\"", "label=\"Slave\\nreplica\"");
        assertThat(err.toString()).isEqualTo("quorum: note: topology.mmd: line 5: the link label 'Replicate' is neither a mode"
                + " (sync, semi-sync, async) nor a lag; the link is kept without it\n");
    }

    @Test
    void badInputIsOneLineWithExitCodeTwo() throws Exception {
        Path bad = dir.resolve("bad.mmd");
        Files.writeString(bad, "graph TB\nA --> B\nclick A \"x\"\n", StandardCharsets.UTF_8);
        assertError(new String[] {"render", SHOP, "-d", "pie", "-f", "svg"}, "quorum: --diagram takes er, dataflow or topology, not 'pie'");
        assertError(new String[] {"render", SHOP, "-d", "er", "-f", "png"}, "quorum: --format png needs -o OUT: a PNG is not written to the terminal");
        assertError(new String[] {"render", SHOP, "-d", "er", "--hops", "2", "-f", "dot"}, "quorum: --hops needs --table");
        assertError(new String[] {"render", SHOP, "-d", "topology", "--table", "x", "-f", "dot"},
                "quorum: --table, --hops, --query, --cluster and --detail apply to --diagram er only");
        assertError(new String[] {"render", PAGILA, "-d", "er", "--table", "films", "-f", "dot"},
                "quorum: " + PAGILA + ": no table named 'films' in the schema; tables: actor, address, category, city, country, customer,"
                        + " film, film_actor, film_category, film_embedding, inventory, language and 4 more");
        assertError(new String[] {"render", bad.toString(), "-d", "dataflow", "-f", "svg"},
                "quorum: " + bad + ":3: 'click' is not supported: Quorum reads nodes, labelled edges and subgraphs");
        assertError(new String[] {"render", SHOP, "-d", "er", "-f", "svg", "--engine", "graal"}, "quorum: --engine takes auto, dot or j2v8, not 'graal'");
        assertError(new String[] {"render", SHOP, "-d", "er", "-f", "svg", "-o", dir.resolve("no/such/dir.svg").toString()},
                "quorum: " + dir.resolve("no/such/dir.svg") + ": the folder " + dir.resolve("no/such") + " does not exist");
    }

    @Test
    void exportWritesImagesNextToTheMarkdownAndLinksThem() throws Exception {
        Path md = dir.resolve("shop.md");
        assertThat(run("export", SHOP, "--format", "md", "-o", md.toString(), "--images", "png")).isZero();
        String text = Files.readString(md);
        for (String kind : new String[] {"er", "dataflow", "topology"}) {
            assertThat(ImageIO.read(dir.resolve("shop-" + kind + ".png").toFile()).getWidth()).isGreaterThan(100);
            assertThat(text).contains("(shop-" + kind + ".png)");
        }
        assertThat(text).contains("```mermaid\nerDiagram\n");
        assertError(new String[] {"export", SHOP, "--format", "md", "--images", "svg"},
                "quorum: --images needs --format md and -o OUT: the images are written next to the Markdown file");
    }

    private void assertError(String[] args, String message) {
        err.getBuffer().setLength(0);
        assertThat(run(args)).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(err.toString()).isEqualTo(message + "\n");
    }
}
