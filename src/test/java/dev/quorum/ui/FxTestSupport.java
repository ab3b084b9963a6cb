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

    /** Scrolls the section tree so that the item of {@code sectionId} ("design" for the root) can be clicked. */
    protected void scrollTreeTo(String sectionId) {
        fxRun(() -> {
            javafx.scene.control.TreeView<Object> tree = app.view().tree().control();
            for (int i = 0; i < tree.getExpandedItemCount(); i++) {
                Object value = tree.getTreeItem(i).getValue();
                boolean match = value instanceof dev.quorum.ui.section.SectionViewModel s ? s.id().equals(sectionId)
                        : "design".equals(sectionId);
                if (match) {
                    tree.scrollTo(Math.max(0, i - 1));
                    return;
                }
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the section tree's item of {@code sectionId}, scrolling the tree to it first. */
    protected void clickTreeItem(String sectionId) {
        // A tree keeps spare cells, hidden, that may still carry an item's id, and a cell can be half outside the
        // tree's viewport; the item is clicked once its cell is visible with its centre inside the tree. A tree that
        // has just been laid out may ignore the first scroll, so it is asked until then.
        javafx.scene.control.TreeView<Object> tree = app.view().tree().control();
        for (int attempt = 0; attempt < 20; attempt++) {
            scrollTreeTo(sectionId);
            java.util.Optional<Node> item = robot.lookup("#tree-" + sectionId).match(Node::isVisible).tryQuery();
            if (item.isPresent() && fx(() -> {
                javafx.geometry.Bounds cell = item.get().localToScreen(item.get().getBoundsInLocal());
                javafx.geometry.Bounds view = tree.localToScreen(tree.getBoundsInLocal());
                return view.contains(cell.getCenterX(), cell.getCenterY());
            })) {
                robot.clickOn(item.get());
                return;
            }
        }
        throw new AssertionError("the tree never showed " + sectionId);
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
