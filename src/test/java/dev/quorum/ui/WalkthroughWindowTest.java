package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.Design;
import dev.quorum.service.walkthrough.Decision;
import dev.quorum.ui.walkthrough.WalkthroughViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** One walkthrough driven through the window from the scenario to the recorded outcome, with Apply and Undo. */
class WalkthroughWindowTest extends FxTestSupport {

    @TempDir
    Path out;

    @Test
    void noonCrashOnTheFlawedStartupFromScenarioToOutcomeWithApplyAndUndo() throws Exception {
        launch(Path.of("samples/flawed-startup.quorum.yaml"));
        WalkthroughViewModel model = app.model().walkthrough();
        Design original = fx(() -> app.model().design().session().design());

        robot.clickOn(robot.lookup("#walkthrough-tab").<Node>query());
        waitUntil(() -> robot.lookup("#walkthrough-scenario").tryQuery().map(Node::isVisible).orElse(false));
        robot.clickOn(robot.lookup("#walkthrough-scenario").<Node>query());
        robot.clickOn(robot.lookup(".list-cell").match((Node n) -> n instanceof ListCell<?> c && c.isVisible()
                && "The Noon Crash — Cache expiry".equals(c.getText())).<Node>query());
        waitUntil(() -> model.walkthroughProperty().get() != null && !model.runningProperty().get());

        // 1: the scenario and why it matters.
        assertThat(pageText()).contains("The scenario: The Noon Crash").contains("Why it matters")
                .contains(fx(() -> model.scenarioProperty().get().technicalProblem()));
        // 2: how this design fares, with its own variant and the words it was read from.
        next(1);
        assertThat(fx(() -> robot.lookup("#walkthrough-variant").<Label>query().getText())).isEqualTo("This design: fixed TTL");
        assertThat(pageText()).contains("no jitter").contains("from the design");
        // 3: the mechanism and the fix.
        next(2);
        assertThat(pageText()).contains(fx(() -> model.scenarioProperty().get().mechanism()));
        // 4: the fix simulated, before and after, with a chart per claimed measure.
        next(3);
        assertThat(pageText()).contains("Before").contains("After").contains("lower");
        Pane charts = robot.lookup("#walkthrough-charts").query();
        int claimed = fx(() -> model.walkthroughProperty().get().claimed().size());
        assertThat(fx(() -> charts.getChildren().stream().filter(BarChart.class::isInstance).count())).isEqualTo((long) claimed);
        // 5: what the fix changes; Apply makes it one undoable edit.
        next(4);
        assertThat(pageText()).contains("Menu cache");
        Button apply = robot.lookup("#walkthrough-apply").query();
        assertThat(fx(apply::isDisabled)).isFalse();
        scrollTo(apply);
        robot.clickOn(apply);
        waitUntil(() -> model.appliedProperty().get());
        Design applied = fx(() -> app.model().design().session().design());
        assertThat(applied).isNotEqualTo(original);
        assertThat(applied.persistence().storageChoices().get(5).justification()).contains("TTL gets a random extra");
        assertThat(applied.outcomes()).singleElement().satisfies(o -> assertThat(o.verdicts())
                .contains("Decision: " + Decision.APPLIED.text()));
        assertThat(fx(() -> robot.lookup("#walkthrough-apply").<Button>query().isDisabled())).as("applied once").isTrue();
        assertThat(fx(() -> app.model().titleProperty().get())).endsWith("*");

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> !model.appliedProperty().get());
        assertThat(fx(() -> app.model().design().session().design())).as("one undo takes the whole fix back").isEqualTo(original);
        assertThat(fx(() -> robot.lookup("#walkthrough-apply").<Button>query().isDisabled())).isFalse();
        assertThat(fx(() -> model.stepProperty().get())).as("the walkthrough stays where it was").isEqualTo(4);

        // 6: the outcome, recorded with the decision, and in the Markdown export.
        next(5);
        waitUntil(() -> model.recordedProperty().get() != null);
        assertThat(pageText()).contains("Walkthrough: The Noon Crash").contains("Decision: " + Decision.NOT_APPLIED.text());
        Path markdown = out.resolve("flawed.md");
        fxRun(() -> app.model().exportMarkdown(markdown));
        waitUntil(() -> Files.exists(markdown));
        assertThat(Files.readString(markdown)).contains("## Simulated outcomes").contains("### Walkthrough: The Noon Crash")
                .contains("Decision: " + Decision.NOT_APPLIED.text());
    }

    private void next(int expectedStep) {
        robot.clickOn(robot.lookup("#walkthrough-next").<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> app.model().walkthrough().stepProperty().get() == expectedStep);
        assertThat(fx(() -> robot.lookup("#walkthrough-steps").<javafx.scene.control.ListView<String>>query()
                .getSelectionModel().getSelectedIndex())).as("the step list follows").isEqualTo(expectedStep);
    }

    private void scrollTo(Node node) {
        javafx.scene.control.ScrollPane scroll = robot.lookup("#walkthrough-scroll").query();
        fxRun(() -> {
            Node content = scroll.getContent();
            javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String pageText() {
        Node page = robot.lookup("#walkthrough-page").query();
        java.util.List<Label> labels = nodes(page, Label.class);
        return String.join("\n", fx(() -> labels.stream().map(Label::getText).toList()));
    }
}
