package dev.quorum.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignYaml;
import dev.quorum.TestMarkdown;
import dev.quorum.template.Gap;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bundled sample loads, round-trips byte for byte, exports the template's headings and is complete. */
class SamplesTest {

    private static final Path SAMPLES = Path.of("samples");
    private static final String FLAWED = "flawed-startup.quorum.yaml";

    private final DesignService service = new DesignService();
    private final DesignYaml yaml = new DesignYaml();

    static Stream<String> samples() {
        return SampleCatalog.FILES.stream();
    }

    @Test
    void theCatalogListsExactlyTheFilesInTheSamplesFolder() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".quorum.yaml")))
                    .containsExactlyInAnyOrderElementsOf(SampleCatalog.FILES);
        }
        assertThat(SampleCatalog.FILES).hasSizeGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void roundTripsByteForByte(String name) throws Exception {
        Path file = SAMPLES.resolve(name);
        String original = Files.readString(file, StandardCharsets.UTF_8);
        DesignFile read = yaml.read(file);
        assertThat(yaml.write(read)).isEqualTo(original);
        assertThat(yaml.read(yaml.write(read), name).design()).isEqualTo(read.design());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void theJarCopyIsTheSameDesign(String name) throws Exception {
        assertThat(service.openSample(name).design()).isEqualTo(yaml.read(SAMPLES.resolve(name)).design());
    }

    @ParameterizedTest
    @MethodSource("samples")
    void markdownHeadingsMatchTheTemplate(String name) throws Exception {
        String md = service.toMarkdown(yaml.read(SAMPLES.resolve(name)).design());
        var doc = TestMarkdown.parse(md);
        assertThat(TestMarkdown.headings(doc)).containsExactlyElementsOf(TestMarkdown.templateHeadings(service.template()));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void goodSamplesAreCompleteAndEveryQuantityReads(String name) throws Exception {
        DesignSummary summary = service.summarize(yaml.read(SAMPLES.resolve(name)).design());
        if (name.equals(FLAWED)) {
            assertThat(summary.complete()).as("the flawed sample leaves fields empty on purpose").isFalse();
            assertThat(summary.allGaps()).extracting(Gap::kind).contains(Gap.Kind.MISSING, Gap.Kind.UNREADABLE);
        } else {
            assertThat(summary.allGaps()).extracting(Gap::describe).isEmpty();
            assertThat(summary.complete()).isTrue();
        }
    }

    @Test
    void theFlawedSampleListsItsFlawsInAHeaderComment() throws Exception {
        DesignFile flawed = yaml.read(SAMPLES.resolve(FLAWED));
        assertThat(flawed.headerComment()).startsWith("#");
        assertThat(flawed.headerComment().lines().filter(l -> l.matches("#\\s+- .*"))).hasSizeGreaterThanOrEqualTo(15);
    }
}
