package dev.quorum.ui.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.diagram.DiagramRenderer;
import dev.quorum.diagram.RenderEngine;
import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.service.DiagramKind;
import dev.quorum.service.DiagramService;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.QuorumApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.quorum.ui.FxCalls;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.image.ImageView;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The Diagrams view headless: drawing in the background, the ER controls, zoom and fit, export, errors, and the window's tab. */
class DiagramsViewTest {

    private final FxRobot robot = new FxRobot();
    private BackgroundExecutor executor;
    private QuorumApp app;

    @TempDir
    Path dir;

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (executor != null) {
            executor.close();
        }
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
    }

    private static Design sample(String name) throws Exception {
        return new DesignYaml().read(Path.of("samples").resolve(name)).design();
    }

    private DiagramsViewModel showView(DiagramService service, Design design) throws Exception {
        AtomicReference<DiagramsViewModel> model = new AtomicReference<>();
        FxToolkit.setupSceneRoot(() -> {
            executor = new BackgroundExecutor();
            model.set(new DiagramsViewModel(service, executor, () -> design));
            return new DiagramsView(model.get()).root();
        });
        FxToolkit.setupStage(stage -> {
            stage.setWidth(1200);
            stage.setHeight(800);
            stage.show();
        });
        return model.get();
    }

    @Test
    void drawsInTheBackgroundOnlyOnceShownAndFollowsTheControls() throws Exception {
        DiagramsViewModel model = showView(new DiagramService(), sample("ecommerce.quorum.yaml"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> model.imageProperty().get())).as("nothing is drawn while the view is hidden").isNull();

        // The FX thread hands the work off and returns at once.
        assertThat(fx(() -> {
            model.activeProperty().set(true);
            return model.drawingProperty().get();
        })).isTrue();
        waitUntil(() -> model.imageProperty().get() != null && !model.drawingProperty().get());
        double allTablesWidth = fx(() -> model.imageProperty().get().getWidth());
        assertThat(fx(() -> model.tables())).containsExactly("order_items", "orders", "payments", "products", "users");
        assertThat(fx(() -> robot.lookup("#diagram-er-controls").query().isVisible())).isTrue();

        fxRun(() -> model.focusTableProperty().set("users"));
        fxRun(() -> model.hopsProperty().set(0));
        waitUntil(() -> !model.drawingProperty().get() && model.dotProperty().get().contains("Tables within 0 hops of users"));
        assertThat(fx(() -> model.dotProperty().get())).contains("label=\"users|").doesNotContain("label=\"orders|");
        assertThat(fx(() -> model.imageProperty().get().getWidth())).isLessThan(allTablesWidth);

        fxRun(() -> model.kindProperty().set(DiagramKind.TOPOLOGY));
        waitUntil(() -> !model.drawingProperty().get() && model.imageProperty().get() != null);
        assertThat(fx(() -> robot.lookup("#diagram-er-controls").query().isVisible())).as("ER controls hide for other diagrams").isFalse();
        assertThat(fx(() -> model.messageProperty().get())).isEmpty();
    }

    @Test
    void theDiagramFitsAtFirstAndZoomActualSizeAndFitChangeTheShownSize() throws Exception {
        DiagramsViewModel model = showView(new DiagramService(), sample("payments.quorum.yaml"));
        fxRun(() -> model.activeProperty().set(true));
        waitUntil(() -> model.imageProperty().get() != null && !model.drawingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        ImageView image = robot.lookup("#diagram-image").query();
        double imageWidth = fx(() -> model.imageProperty().get().getWidth());
        double fitted = fx(() -> model.zoomProperty().get());
        assertThat(fx(() -> model.fittingProperty().get())).isTrue();
        assertThat(fitted).isGreaterThan(DiagramsViewModel.MIN_ZOOM).isLessThanOrEqualTo(1.5);
        assertThat(fx(image::getFitWidth)).isCloseTo(imageWidth / 1.5 * fitted, Offset.offset(0.5)).isLessThanOrEqualTo(1200);

        robot.clickOn((Button) robot.lookup("#diagram-zoom-in").query());
        assertThat(fx(() -> model.zoomProperty().get())).isCloseTo(fitted * 1.25, Offset.offset(0.001));
        assertThat(fx(() -> model.fittingProperty().get())).isFalse();
        assertThat(robot.lookup("#diagram-zoom").queryAs(Label.class).getText()).isEqualTo(Math.round(fitted * 125) + " %");

        robot.clickOn((Button) robot.lookup("#diagram-actual-size").query());
        assertThat(fx(image::getFitWidth)).isCloseTo(imageWidth / 1.5, Offset.offset(0.5));
        robot.clickOn((Button) robot.lookup("#diagram-zoom-out").query());
        robot.clickOn((Button) robot.lookup("#diagram-zoom-out").query());
        assertThat(fx(() -> model.zoomProperty().get())).isCloseTo(0.64, Offset.offset(0.001));

        robot.clickOn((Button) robot.lookup("#diagram-fit").query());
        assertThat(fx(() -> model.zoomProperty().get())).isCloseTo(fitted, Offset.offset(0.01));
        assertThat(fx(() -> model.fittingProperty().get())).isTrue();
    }

    @Test
    void exportsSvgPngDotAndMermaidByExtension() throws Exception {
        DiagramsViewModel model = showView(new DiagramService(), sample("live-scores.quorum.yaml"));
        fxRun(() -> model.activeProperty().set(true));
        waitUntil(() -> model.imageProperty().get() != null && !model.drawingProperty().get());
        for (String name : new String[] {"er.svg", "er.png", "er.dot", "er.mmd", "plain"}) {
            fxRun(() -> model.export(dir.resolve(name)));
            Path expected = dir.resolve(name.equals("plain") ? "plain.svg" : name);
            waitUntil(() -> Files.exists(expected) && model.messageProperty().get().startsWith("Exported to "));
        }
        assertThat(Files.readString(dir.resolve("er.svg"))).contains("<svg");
        assertThat(Files.readAllBytes(dir.resolve("er.png"))).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
        assertThat(Files.readString(dir.resolve("er.dot"))).startsWith("digraph G {");
        assertThat(Files.readString(dir.resolve("er.mmd"))).startsWith("erDiagram");
        assertThat(fx(model::suggestedExportName)).isEqualTo("er.svg");
    }

    @Test
    void nothingToDrawAndAFailedRenderAreSaidAndTheDotIsKept() throws Exception {
        DiagramsViewModel empty = showView(new DiagramService(), Design.empty("blank"));
        fxRun(() -> empty.activeProperty().set(true));
        waitUntil(() -> !empty.drawingProperty().get() && !empty.messageProperty().get().isEmpty());
        assertThat(robot.lookup("#diagram-message").queryAs(Label.class).getText()).startsWith("Nothing to draw: the design has no SQL schema");
        FxToolkit.cleanupStages();
        executor.close();

        DiagramService impatient = new DiagramService(new DiagramRenderer(RenderEngine.DOT, Duration.ofMillis(1)));
        DiagramsViewModel failing = showView(impatient, sample("flawed-startup.quorum.yaml"));
        fxRun(() -> failing.activeProperty().set(true));
        waitUntil(() -> !failing.drawingProperty().get() && !failing.failedDotProperty().get().isEmpty());
        assertThat(fx(() -> failing.messageProperty().get())).startsWith("rendering took longer than 1 ms and was stopped")
                .endsWith("The DOT text is below; Export… saves it as a .dot file.");
        TextArea dot = robot.lookup("#diagram-dot").query();
        String dotText = fx(() -> dot.getText());
        boolean dotShown = fx(() -> dot.isVisible());
        assertThat(dotText).startsWith("digraph G {");
        assertThat(dotShown).isTrue();
        assertThat(fx(() -> failing.imageProperty().get())).isNull();
    }

    @Test
    void theWindowHasADiagramsTabThatDrawsTheOpenDesign() throws Exception {
        app = (QuorumApp) FxToolkit.setupApplication(() -> new QuorumApp(Path.of("samples/payments.quorum.yaml").toAbsolutePath(), dir));
        waitUntil(() -> app.model().design().design() != null && !app.model().busyProperty().get());
        TabPane tabs = robot.lookup("#centre-tabs").query();
        Tab diagrams = fx(() -> tabs.getTabs().stream().filter(t -> "diagrams-tab".equals(t.getId())).findFirst().orElseThrow());
        assertThat(fx(() -> app.model().diagrams().imageProperty().get())).isNull();
        fxRun(() -> tabs.getSelectionModel().select(diagrams));
        waitUntil(() -> app.model().diagrams().imageProperty().get() != null && !app.model().diagrams().drawingProperty().get());
        assertThat(fx(() -> app.model().diagrams().tables())).contains("payments", "ledger_entries");
    }

    private static <T> T fx(Callable<T> work) {
        return FxCalls.fx(work);
    }

    private static void fxRun(Runnable work) {
        FxCalls.fxRun(work);
    }

    private static void waitUntil(Callable<Boolean> condition) {
        FxCalls.waitUntil(condition, 60);
    }
}
