package dev.quorum.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.diagram.DiagramRenderer;
import dev.quorum.diagram.ErOptions;
import dev.quorum.diagram.RenderEngine;
import dev.quorum.diagram.RenderFormat;
import dev.quorum.diagram.RenderedDiagram;
import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.SchemaDesign;
import dev.quorum.model.SqlDialect;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample renders all three diagrams with dot; pagila and chinook render as ER diagrams, whole and
 * as a neighbourhood, to PNG.
 */
class DiagramSamplesTest {

    private static final Pattern NODE = Pattern.compile("<g id=\"node\\d+\" class=\"node\">");
    private final DiagramService diagrams = new DiagramService(new DiagramRenderer(RenderEngine.DOT, Duration.ofSeconds(60)));
    private final DesignYaml yaml = new DesignYaml();

    static Stream<Arguments> samplesAndKinds() {
        return SampleCatalog.FILES.stream().flatMap(f -> Stream.of(DiagramKind.values()).map(k -> Arguments.of(f, k)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("samplesAndKinds")
    void everySampleRendersEveryDiagram(String sample, DiagramKind kind) throws Exception {
        Design design = yaml.read(Path.of("samples").resolve(sample)).design();
        assertThat(diagrams.hasContent(design, kind)).isTrue();
        RenderedDiagram svg = diagrams.render(design, kind, ErOptions.all(), RenderFormat.SVG);
        long boxes = NODE.matcher(svg.text()).results().count();
        switch (kind) {
            case ER -> assertThat(boxes).isGreaterThanOrEqualTo(diagrams.tableNames(design).size());
            case DATAFLOW -> assertThat(boxes).isGreaterThanOrEqualTo(
                    design.sharing().diagram().nodes().size() + design.sharing().strategies().size());
            case TOPOLOGY -> assertThat(boxes).isEqualTo(design.replication().topology().nodes().size());
        }
        assertThat(diagrams.mermaid(design, kind, ErOptions.all())).startsWith(kind == DiagramKind.ER ? "erDiagram\n" : "flowchart ");
    }

    static Stream<Arguments> realSchemas() {
        return Stream.of(
                Arguments.of("pagila-schema.sql", SqlDialect.POSTGRESQL, "film", 16),
                Arguments.of("chinook-postgresql.sql", SqlDialect.POSTGRESQL, "track", 11),
                Arguments.of("chinook-mysql.sql", SqlDialect.MYSQL, "Track", 11));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realSchemas")
    void realSchemasRenderWholeAndAsANeighbourhood(String file, SqlDialect dialect, String focus, int tables) throws Exception {
        String ddl = Files.readString(Path.of("src/test/resources/real-schemas").resolve(file), StandardCharsets.UTF_8);
        Design design = new Design(file, "", null, new SchemaDesign(dialect, ddl, List.of()), null, null, null, null, null, null, null);

        RenderedDiagram whole = diagrams.render(design, DiagramKind.ER, ErOptions.all(), RenderFormat.PNG);
        BufferedImage wholeImage = ImageIO.read(new ByteArrayInputStream(whole.bytes()));
        assertThat(wholeImage.getWidth()).isGreaterThan(500);
        String wholeSvg = diagrams.render(design, DiagramKind.ER, ErOptions.all(), RenderFormat.SVG).text();
        assertThat(wholeSvg).contains("All tables: " + tables + " tables");

        RenderedDiagram near = diagrams.render(design, DiagramKind.ER, ErOptions.neighbourhood(focus, 1), RenderFormat.PNG);
        BufferedImage nearImage = ImageIO.read(new ByteArrayInputStream(near.bytes()));
        assertThat(nearImage.getWidth() * nearImage.getHeight()).isLessThan(wholeImage.getWidth() * wholeImage.getHeight());
        String nearSvg = diagrams.render(design, DiagramKind.ER, ErOptions.neighbourhood(focus, 1), RenderFormat.SVG).text();
        long nearBoxes = NODE.matcher(nearSvg).results().count();
        assertThat(nearBoxes).isGreaterThan(1).isLessThan(tables);
    }
}
