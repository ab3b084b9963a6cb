package dev.quorum.ui;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.text.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real window headless (Monocle) through TestFX and waits for its background work. */
abstract class FxTestSupport {

    protected final FxRobot robot = new FxRobot();
    protected QuorumApp app;
    /** Where the window keeps its settings in this test; never the real home directory. */
    protected Path home;

    @BeforeAll
    static void startToolkit() throws Exception {
        // TestFX owns the toolkit; Platform.startup() here would break its robot (see DESIGN.md).
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void closeWindow() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
            app = null;
        }
        FxToolkit.cleanupStages();
    }

    /** Starts the workbench with {@code file}, or with the default sample when null, and waits until idle. */
    protected QuorumApp launch(Path file) throws Exception {
        if (home == null) {
            home = java.nio.file.Files.createTempDirectory("quorum-ui-test-");
        }
        Path settings = home;
        app = (QuorumApp) FxToolkit.setupApplication(() -> new QuorumApp(file, settings));
        waitIdle();
        return app;
    }

    /** Runs on the FX thread and returns the result. */
    protected static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    /** Runs on the FX thread. */
    protected static void fxRun(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits until the condition, read on the FX thread, holds. */
    protected static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("condition not met in time", e);
        }
    }

    /** Waits until the background executor is idle and the FX queue has drained. */
    protected void waitIdle() {
        waitUntil(() -> !app.model().busyProperty().get() && !app.view().preview().renderingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Every Text node below {@code root}, depth first. */
    protected static List<Text> texts(Node root) {
        return fx(() -> {
            List<Text> out = new ArrayList<>();
            collect(root, Text.class, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            return out;
        });
    }

    /** Every node of {@code type} below {@code root}, including ones not yet laid out. */
    protected static <T> List<T> nodes(Node root, Class<T> type) {
        return fx(() -> {
            List<T> out = new ArrayList<>();
            collect(root, type, out, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
            return out;
        });
    }

    private static <T> void collect(Node node, Class<T> type, List<T> out, java.util.Set<Node> seen) {
        // A skinned ScrollPane holds its content among its children too; each node counts once.
        if (!seen.add(node)) {
            return;
        }
        if (type.isInstance(node)) {
            out.add(type.cast(node));
        }
        if (node instanceof javafx.scene.control.ScrollPane sp && sp.getContent() != null) {
            collect(sp.getContent(), type, out, seen);
        }
        if (node instanceof javafx.scene.control.TitledPane tp && tp.getContent() != null) {
            collect(tp.getContent(), type, out, seen);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, type, out, seen);
            }
        }
    }
}
