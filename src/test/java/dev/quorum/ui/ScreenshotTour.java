package dev.quorum.ui;

import dev.quorum.ui.section.SectionViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Takes the README's and docs' screenshots on a real display (Xvfb is fine): every section editor with one
 * design, then the problems panel with another, each captured by ImageMagick's {@code import -window root}.
 * {@code DISPLAY=:99 java -cp target/classes:target/test-classes:$(cat cp.txt) dev.quorum.ui.ScreenshotTour
 * samples/ecommerce.quorum.yaml samples/flawed-startup.quorum.yaml docs/screenshots [light|dark]}.
 */
public final class ScreenshotTour {

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path sample = Path.of(args.length > 0 ? args[0] : "samples/ecommerce.quorum.yaml");
        Path flawed = Path.of(args.length > 1 ? args[1] : "samples/flawed-startup.quorum.yaml");
        Path out = Path.of(args.length > 2 ? args[2] : "docs/screenshots");
        String theme = args.length > 3 ? args[3] : "light";
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("quorum-tour-");
        Files.writeString(home.resolve("workbench.properties"), "theme=" + theme + "\n");
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        QuorumApp app = onFx(() -> {
            QuorumApp a = new QuorumApp(sample, home);
            Stage stage = new Stage();
            a.start(stage);
            // No window manager under Xvfb: the window fills the screen, so a root capture is the window.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1600);
            stage.setHeight(1000);
            return a;
        });
        settle(app);
        List<String> ids = new ArrayList<>(List.of("design"));
        ids.addAll(onFx(() -> app.model().design().sections().stream().map(SectionViewModel::id).toList()));
        for (String id : ids) {
            onFx(() -> {
                app.view().tree().select(id);
                return null;
            });
            settle(app);
            capture(out.resolve("section-" + id + ".png"));
        }
        onFx(() -> {
            app.model().open(flawed);
            return null;
        });
        settle(app);
        onFx(() -> {
            app.view().tree().select("schema");
            javafx.scene.control.SplitPane split = (javafx.scene.control.SplitPane) app.view().root().lookup("#editor-split");
            split.setDividerPositions(0.5);
            return null;
        });
        settle(app);
        capture(out.resolve("problems-flawed.png"));
        Platform.exit();
        System.exit(0);
    }

    /** Waits until the window is idle, then for a few frames so that what was laid out is also drawn. */
    private static void settle(QuorumApp app) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end && onFx(() -> app.model().busyProperty().get()
                || app.view().preview().renderingProperty().get())) {
            Thread.sleep(50);
        }
        // Building a section (the schema's code editor, say) can hold the FX thread for a while on a loaded
        // machine: wait for two frames to be laid out after the change, then a moment for them to reach the screen.
        CountDownLatch frames = new CountDownLatch(2);
        onFx(() -> {
            javafx.scene.Scene scene = app.view().root().getScene();
            Runnable[] listener = new Runnable[1];
            listener[0] = () -> {
                frames.countDown();
                if (frames.getCount() == 0) {
                    scene.removePostLayoutPulseListener(listener[0]);
                } else {
                    Platform.requestNextPulse();
                }
            };
            scene.addPostLayoutPulseListener(listener[0]);
            Platform.requestNextPulse();
            return null;
        });
        frames.await(60, TimeUnit.SECONDS);
        Thread.sleep(1500);
    }

    private static void capture(Path png) throws Exception {
        Process p = new ProcessBuilder("import", "-window", "root", png.toString()).inheritIO().start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("import failed for " + png);
        }
        System.out.println("wrote " + png);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }
}
