package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.ui.simulation.SimulationViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Pane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The simulation view in the window: a run, a parameter change that re-runs by itself, export, and cancel of a long run. */
class SimulationWindowTest extends FxTestSupport {

    @TempDir
    Path out;

    @Test
    void aRunThenAParameterChangeReRunsAndTheResultFollowsThenALongRunIsCancelled() throws Exception {
        launch(null);
        SimulationViewModel model = app.model().simulation();
        assertThat(robot.lookup("#preview-pane").tryQuery()).as("the editor shows the preview").isPresent();
        robot.clickOn(robot.lookup("#simulation-tab").<Node>query());
        waitUntil(() -> robot.lookup("#simulation-model").tryQuery().map(Node::isVisible).orElse(false));
        // The charts take the preview's width while the Simulation tab shows.
        waitUntil(() -> robot.lookup("#preview-pane").tryQuery().isEmpty());
        choose("Disaster restore");
        assertThat(fx(() -> model.selectedProperty().get().id())).isEqualTo("restore");
        // The sample ships its WAL continuously: the window shows the design's value and where it comes from.
        assertThat(fx(() -> robot.lookup("#param-log_shipping").<javafx.scene.control.ChoiceBox<String>>query().getValue()))
                .isEqualTo("on");
        assertThat(fx(() -> robot.lookup("#origin-log_shipping").<Label>query().getText())).isEqualTo("design");
        assertThat(fx(() -> robot.lookup("#origin-archive_delay").<Label>query().getText())).isEqualTo("default");

        typeInto("#param-failures", "200");
        assertThat(fx(() -> robot.lookup("#origin-failures").<Label>query().getText())).isEqualTo("override");
        clickRun();
        waitUntil(() -> model.runsProperty().get() == 1 && !model.runningProperty().get());
        if (!fx(() -> model.autoRerunProperty().get())) {
            // The first run may be slow while the JVM warms up; the second shows the model's real speed.
            clickRun();
            waitUntil(() -> model.runsProperty().get() == 2 && !model.runningProperty().get());
        }
        assertThat(fx(() -> model.autoRerunProperty().get())).isTrue();
        long runs = fx(() -> model.runsProperty().get());
        double before = fx(() -> model.resultProperty().get().value("loss_window"));
        assertThat(cardValue("loss_window")).isEqualTo(fx(() -> model.resultProperty().get().metric("loss_window").orElseThrow().text()));
        assertThat(robot.lookup("#result-verdicts").tryQuery()).isPresent();
        assertThat(robot.lookup("#result-distributions").tryQuery()).isPresent();
        assertThat(robot.lookup("#result-time-series").tryQuery()).isPresent();

        // Archived WAL lags by the archive delay: ten times the delay, about ten times the loss, with no Run pressed.
        typeInto("#param-archive_delay", "10 min");
        // Typing "10 min" passes through other valid values ("1", "10"); each may re-run, the last one counts.
        waitUntil(() -> model.runsProperty().get() > runs && !model.runningProperty().get() && !model.staleProperty().get()
                && model.resultProperty().get().parameters().stream().anyMatch(v -> v.name().equals("archive_delay")
                        && v.number() == 600));
        double after = fx(() -> model.resultProperty().get().value("loss_window"));
        assertThat(after).isGreaterThan(3 * before);
        assertThat(cardValue("loss_window")).isEqualTo(fx(() -> model.resultProperty().get().metric("loss_window").orElseThrow().text()));

        Path png = out.resolve("restore.png");
        Node results = robot.lookup("#simulation-results").query();
        fxRun(() -> {
            WritableImage picture = results.snapshot(null, null);
            model.exportPng(picture, png);
        });
        waitUntil(() -> Files.exists(png) && model.statusProperty().get().startsWith("Exported"));
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes).startsWith(0x89, 'P', 'N', 'G');

        int depth = fx(() -> app.model().design().session().history().undoDepth());
        Node record = robot.lookup("#simulation-record").query();
        fxRun(() -> robot.lookup("#simulation-results-scroll").<ScrollPane>query().setVvalue(0));
        WaitForAsyncUtils.waitForFxEvents();
        ScrollPane resultsScroll = robot.lookup("#simulation-results-scroll").query();
        assertThat(fx(() -> {
            Bounds b = record.localToScene(record.getBoundsInLocal());
            Bounds view = resultsScroll.localToScene(resultsScroll.getLayoutBounds());
            return view.contains(b.getCenterX(), b.getCenterY());
        })).as("Record Outcome is in view, even in the narrow test window").isTrue();
        click(record);
        waitUntil(() -> app.model().design().session().design().outcomes().size() == 1);
        assertThat(fx(() -> app.model().design().session().history().undoDepth())).isEqualTo(depth + 1);

        robot.clickOn(robot.lookup("#editor-tab").<Node>query());
        waitUntil(() -> robot.lookup("#preview-pane").tryQuery().isPresent());
        robot.clickOn(robot.lookup("#simulation-tab").<Node>query());
        waitUntil(() -> robot.lookup("#preview-pane").tryQuery().isEmpty());

        // A long run shows its progress and stops on Cancel, leaving no result behind.
        choose("Replica reads and read-your-writes");
        assertThat(fx(() -> model.selectedProperty().get().id())).isEqualTo("replica-reads");
        typeInto("#param-operations", "100,000,000");
        clickRun();
        waitUntil(() -> model.runningProperty().get());
        assertThat(fx(() -> robot.lookup("#simulation-progress").query().isVisible())).isTrue();
        click(robot.lookup("#simulation-cancel").query());
        waitUntil(() -> !model.runningProperty().get());
        assertThat(fx(() -> robot.lookup("#simulation-status").<Label>query().getText())).isEqualTo("Cancelled.");
        assertThat(fx(() -> model.resultProperty().get())).isNull();
        assertThat(robot.lookup("#simulation-empty").tryQuery()).isPresent();
    }

    /**
     * Clicks a node once no tooltip is showing: a parameter's tooltip stays up while the pointer rests on its field
     * and fades for a moment after it leaves, and a click on it would not reach the node under it.
     */
    private void click(Node node) {
        robot.moveTo(node);
        waitUntil(() -> javafx.stage.Window.getWindows().stream()
                .noneMatch(w -> w instanceof javafx.scene.control.Tooltip && w.isShowing()));
        robot.clickOn(node);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(String title) {
        Node combo = robot.lookup("#simulation-model").query();
        scrollTo(combo);
        robot.clickOn(combo);
        robot.clickOn(robot.lookup(".list-cell").match((Node n) -> n instanceof ListCell<?> c && c.isVisible()
                && c.getText() != null && c.getText().strip().equals(title)).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void clickRun() {
        Button run = robot.lookup("#simulation-run").query();
        scrollTo(run);
        click(run);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Scrolls the parameters' pane so the node is in view, clicks it, and replaces its text by typing. */
    private void typeInto(String selector, String text) {
        TextInputControl field = robot.lookup(selector).query();
        scrollTo(field);
        robot.clickOn(field);
        fxRun(field::selectAll);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil(() -> text.equals(field.getText()));
    }

    private void scrollTo(Node node) {
        ScrollPane scroll = robot.lookup("#simulation-controls-scroll").query();
        fxRun(() -> {
            Node content = scroll.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.max(0, Math.min(1, (b.getMinY() - 40) / room)));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String cardValue(String metric) {
        Pane card = robot.lookup("#metric-" + metric).query();
        return fx(() -> card.getChildrenUnmodifiable().stream().filter(n -> n.getStyleClass().contains("metric-value"))
                .map(n -> ((Label) n).getText()).findFirst().orElseThrow());
    }
}
