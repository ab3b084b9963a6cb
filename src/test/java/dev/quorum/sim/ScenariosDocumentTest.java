package dev.quorum.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.Model;
import dev.quorum.sim.scenarios.ModelCatalog;
import dev.quorum.sim.scenarios.Parameter;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.quorum.sim.scenarios.guide.GuideModels;
import dev.quorum.sim.scenarios.guide.ScenarioModelsDocument;
import org.junit.jupiter.api.Test;

/** docs/scenarios.md documents every model, parameter (with its default and source) and metric the code has. */
class ScenariosDocumentTest {

    @Test
    void everyModelParameterAndMetricIsDocumentedWithItsDefaultAndSource() throws Exception {
        String doc = Files.readString(Path.of("docs/scenarios.md"));
        for (Model m : ModelCatalog.whatIfs()) {
            assertThat(doc).contains("## " + m.title() + " (`" + m.id() + "`)");
            for (Parameter p : m.parameters()) {
                String row = "| `" + p.name() + "` " + p.label() + " | " + p.defaultText() + " | ";
                assertThat(doc).as(m.id() + " " + p.name()).contains(row);
                assertThat(doc).as(m.id() + " " + p.name() + " source").contains(" | " + p.source().replace("|", "\\|") + " |");
            }
            for (MetricSpec s : m.metrics()) {
                assertThat(doc).as(m.id() + " " + s.name()).contains("| `" + s.name() + "` " + s.label() + " | " + s.unit().symbol() + " |");
            }
        }
    }

    @Test
    void theGuideModelsPartIsGeneratedFromTheCode() throws Exception {
        String doc = Files.readString(Path.of("docs/scenarios.md"));
        assertThat(doc).as("docs/scenarios.md is out of date; regenerate it with scripts/update-scenario-docs.sh")
                .contains(ScenarioModelsDocument.markdown(GuideModels.all()));
    }
}
