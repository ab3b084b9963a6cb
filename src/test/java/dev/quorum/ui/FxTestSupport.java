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
        current = app;
        waitIdle();
        return app;
    }

    /** Runs on the FX thread and returns the result. */
    protected static <T> T fx(Callable<T> work) {
        return FxCalls.fx(work);
    }

    /** Runs on the FX thread. */
    protected static void fxRun(Runnable work) {
        FxCalls.fxRun(work);
    }

    /** Waits until the condition, read on the FX thread, holds; a timeout reports what the window was doing. */
    protected static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("condition not met in time; " + snapshot(), e);
        }
    }

    /**
     * Does {@code action} until {@code condition} holds, waiting {@code patience} for it after each try. For
     * gestures that a loaded machine can legitimately lose: a double-click whose two clicks arrive further apart
     * than the platform's double-click time (500 ms on Monocle) is two single clicks, and a user would click again.
     */
    protected static void actUntil(Runnable action, Callable<Boolean> condition, java.time.Duration patience) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            action.run();
            try {
                WaitForAsyncUtils.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS, () -> fx(condition));
                return;
            } catch (java.util.concurrent.TimeoutException again) {
                // not yet: try the gesture again
            }
        }
        throw new AssertionError("condition not met after repeated tries; " + snapshot());
    }

    private static volatile QuorumApp current;

    /** One line on the window's state, for failure messages: what a timed-out wait was up against. */
    private static String snapshot() {
        QuorumApp a = current;
        if (a == null) {
            return "no window";
        }
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node focus = a.view().root().getScene() == null ? null : a.view().root().getScene().getFocusOwner();
                Object selected = a.view().tree().control().getSelectionModel().getSelectedItem();
                return "busy=" + a.model().busyProperty().get() + ", save state='" + a.model().saveStateProperty().get()
                        + "', selected=" + (selected == null ? null : ((javafx.scene.control.TreeItem<?>) selected).getValue())
                        + ", focus=" + (focus == null ? null : focus.getClass().getSimpleName() + "#" + focus.getId())
                        + ", problems=" + a.view().problems().table().getItems().size()
                        + (a.projects() == null ? "" : ", history=" + a.projects().history().stream()
                                .map(r -> r.number() + (r.autosave() ? "a" : "") + ":" + r.message()).toList());
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return "state unavailable (" + e + ")";
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

    /**
     * Clicks the section tree's item of {@code sectionId}, scrolling the tree to it first, until the tree has it
     * selected. A tree keeps spare cells, hidden, that may still carry an item's id, and a cell can be half outside
     * the tree's viewport; the item is clicked once its cell is visible with its centre inside the tree. A tree
     * that has just been laid out may ignore a scroll, and a click can land while a badge change re-lays the tree
     * out, so both are tried again until the selection says the click arrived, within a deadline.
     */
    protected void clickTreeItem(String sectionId) {
        javafx.scene.control.TreeView<Object> tree = app.view().tree().control();
        Callable<Boolean> selected = () -> {
            javafx.scene.control.TreeItem<Object> item = tree.getSelectionModel().getSelectedItem();
            return item != null && (item.getValue() instanceof dev.quorum.ui.section.SectionViewModel s
                    ? s.id().equals(sectionId) : "design".equals(sectionId));
        };
        if (fx(selected)) {
            // Nothing to do, and a second click on the item a moment after the first can be a double click, which
            // collapses the design's root item (seen in CI after "design" was clicked, then Ctrl+N, then "design").
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        String seen = "";
        while (System.nanoTime() < deadline) {
            scrollTreeTo(sectionId);
            java.util.Optional<Node> item = robot.lookup("#tree-" + sectionId).match(Node::isVisible).tryQuery();
            seen = item.map(n -> fx(() -> "cell " + n.localToScreen(n.getBoundsInLocal()) + " in "
                    + tree.localToScreen(tree.getBoundsInLocal()))).orElse("no visible cell; cells " + fx(() -> tree.lookupAll(".tree-cell").stream()
                    .map(c -> c.getId() + "/" + ((javafx.scene.control.IndexedCell<?>) c).getIndex() + (c.isVisible() ? "" : "(hidden)")
                            + "@" + (int) c.getLayoutY()).toList() + ", tree height " + tree.getHeight()
                    + ", expanded " + tree.getExpandedItemCount()));
            javafx.geometry.Point2D target = item.isEmpty() ? null : fx(() -> {
                javafx.geometry.Bounds cell = item.get().localToScreen(item.get().getBoundsInLocal());
                // The flow's clipped viewport, not the tree: a horizontal scroll bar covers the tree's bottom edge.
                Node viewport = tree.lookup(".clipped-container");
                Node area = viewport == null ? tree : viewport;
                javafx.geometry.Bounds view = area.localToScreen(area.getBoundsInLocal());
                if (cell == null || view == null) {
                    return null;
                }
                // A user clicks the part of the cell that shows: a tall last cell (badges on two lines) can stay
                // partly below the viewport when the tree's estimate says there is nothing left to scroll.
                double top = Math.max(cell.getMinY(), view.getMinY());
                double bottom = Math.min(cell.getMaxY(), view.getMaxY());
                double left = Math.max(cell.getMinX(), view.getMinX());
                double right = Math.min(cell.getMaxX(), view.getMaxX());
                return bottom - top >= 10 && right - left >= 10
                        ? new javafx.geometry.Point2D((left + right) / 2, (top + bottom) / 2) : null;
            });
            if (target != null) {
                robot.clickOn(target);
                try {
                    WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, () -> fx(selected));
                    return;
                } catch (java.util.concurrent.TimeoutException missed) {
                    // the cell moved under the pointer: look it up again
                }
            } else {
                // Not laid out yet: let a pulse pass before asking again.
                sleepAPulse();
            }
        }
        throw new AssertionError("the tree never showed " + sectionId + " (" + seen + "); " + snapshot());
    }

    private static void sleepAPulse() {
        WaitForAsyncUtils.sleep(50, TimeUnit.MILLISECONDS);
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
