package dev.quorum.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The renderer on the dot path (which CI covers by installing graphviz) and, forced, on the J2V8 path:
 * SVG and PNG output, a clear error that keeps the DOT, the timeout, and no design text left in /tmp.
 */
class DiagramRendererTest {

    private static final String SMALL = "digraph G { a [label=\"A\"]; b [label=\"B\"]; a -> b; }";
    private final DiagramRenderer dot = new DiagramRenderer(RenderEngine.DOT, Duration.ofSeconds(60));

    @Test
    void theDotPathIsAvailableAndAutoChoosesIt() {
        assertThat(DiagramRenderer.dotAvailable()).as("CI installs graphviz so the dot path is covered").isTrue();
        assertThat(new DiagramRenderer().engine()).isEqualTo(RenderEngine.DOT);
    }

    @Test
    void dotRendersSvgAndPngAtTheAskedResolution() throws Exception {
        RenderedDiagram svg = dot.render(SMALL, RenderFormat.SVG);
        assertThat(svg.engine()).isEqualTo(RenderEngine.DOT);
        assertThat(SvgStructure.parse(svg.text()).nodeTexts()).containsOnlyKeys("a", "b");
        BufferedImage at96 = ImageIO.read(new ByteArrayInputStream(dot.render(SMALL, RenderFormat.PNG, 96).bytes()));
        BufferedImage at192 = ImageIO.read(new ByteArrayInputStream(dot.render(SMALL, RenderFormat.PNG, 192).bytes()));
        assertThat(at96.getWidth()).isGreaterThan(40);
        assertThat(at192.getWidth()).isBetween(at96.getWidth() * 2 - 4, at96.getWidth() * 2 + 4);
    }

    @Test
    void aFailedRenderIsOneLineAndKeepsTheDot() {
        String broken = "digraph G { a -> }";
        assertThatThrownBy(() -> dot.render(broken, RenderFormat.SVG)).isInstanceOfSatisfying(RenderException.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Graphviz (dot) could not render the diagram: syntax error in line 1 near '}'");
            assertThat(e.dot()).isEqualTo(broken);
            assertThat(e.timedOut()).isFalse();
        });
    }

    @Test
    void aRenderThatTakesTooLongIsStoppedAndTheNextOneWorks() throws Exception {
        String large = ErDiagram.dot(new dev.quorum.sql.DdlImporter().importDdl(SyntheticSchema.ddl(300), dev.quorum.model.SqlDialect.POSTGRESQL),
                ErOptions.all().withDetail(ErOptions.Detail.COLUMNS));
        DiagramRenderer impatient = new DiagramRenderer(RenderEngine.DOT, Duration.ofMillis(5));
        assertThatThrownBy(() -> impatient.render(large, RenderFormat.SVG)).isInstanceOfSatisfying(RenderException.class, e -> {
            assertThat(e.timedOut()).isTrue();
            assertThat(e.getMessage()).startsWith("rendering took longer than 5 ms and was stopped");
            assertThat(e.dot()).isEqualTo(large);
        });
        assertThat(dot.render(SMALL, RenderFormat.SVG).text()).contains("<svg");
    }

    @Test
    void bitmapSettingsGoFirstInTheGraphBody() {
        assertThat(DiagramRenderer.withBitmapSettings("digraph G {\n  a\n}\n", 96, 20_000))
                .isEqualTo("digraph G {\n  graph [dpi=96, size=\"125.0,125.0\"]\n  a\n}\n");
        assertThat(DiagramRenderer.withBitmapSettings("digraph G {}", 5000, 6000)).contains("dpi=600", "size=\"10.0,10.0\"");
    }

    @Test
    void graphvizJavasTemporaryFoldersAreRemoved() throws Exception {
        String marker = "digraph G { marker_" + System.nanoTime() + " }";
        dot.render(marker, RenderFormat.SVG);
        dot.render(marker, RenderFormat.PNG);
        // graphviz-java creates this folder for every command-line render.
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "GraphvizJava");
        assertThat(root).isDirectory();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.toList()) {
                Path f = d.resolve("dotfile.dot");
                assertThat(Files.isRegularFile(f) && Files.readString(f).contains(marker.substring(12, 30)))
                        .as("a folder holding this render's DOT: %s", d).isFalse();
            }
        }
    }

    @Test
    void theJ2v8PathRendersSvgAndPngWhenForced() throws Exception {
        DiagramRenderer j2v8 = new DiagramRenderer(RenderEngine.J2V8, Duration.ofSeconds(120));
        RenderedDiagram svg = j2v8.render(SMALL, RenderFormat.SVG);
        assertThat(svg.engine()).isEqualTo(RenderEngine.J2V8);
        assertThat(SvgStructure.parse(svg.text()).nodeTexts()).containsOnlyKeys("a", "b");
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(j2v8.render(SMALL, RenderFormat.PNG).bytes()));
        assertThat(png.getWidth()).isGreaterThan(40);
        assertThatThrownBy(() -> j2v8.render("digraph { a -> }", RenderFormat.SVG)).isInstanceOf(RenderException.class)
                .hasMessage("Graphviz (j2v8) could not render the diagram: syntax error in line 1 near '}'");
    }

    @Test
    void aTimeoutMustBePositive() {
        assertThatThrownBy(() -> new DiagramRenderer(RenderEngine.DOT, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
