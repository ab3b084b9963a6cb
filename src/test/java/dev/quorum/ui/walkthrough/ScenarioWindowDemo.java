package dev.quorum.ui.walkthrough;

import dev.quorum.ui.QuorumApp;
import dev.quorum.ui.simulation.SimulationViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.SplitPane;
import javafx.stage.Stage;

/**
 * Opens the real window on a design with the walkthrough or the simulation view showing, for screenshots under Xvfb:
 * {@code ... ScenarioWindowDemo samples/flawed-startup.quorum.yaml walkthrough noon-crash 3} (the step from 0), or
 * {@code ... ScenarioWindowDemo samples/ecommerce.quorum.yaml simulation scenario.noon-crash}. Prints READY once the
 * view shows its result. Not a test; the window stays open until the process is stopped.
 */
public final class ScenarioWindowDemo {

    private ScenarioWindowDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path design = Path.of(args[0]).toAbsolutePath();
        String mode = args[1];
        String id = args[2];
        String extra = args.length > 3 ? args[3] : "3";
        QuorumApp app = new QuorumApp(design, Files.createTempDirectory("quorum-demo"));
        Platform.startup(() -> {
            Stage stage = new Stage();
            app.start(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1600);
            stage.setHeight(1000);
        });
        // The design opens in the background; the demo starts once it shows.
        for (int i = 0; i < 600 && (app.model() == null || app.model().design().design() == null); i++) {
            Thread.sleep(100);
        }
        Thread.sleep(500);
        Platform.runLater(() -> {
            // As View > Problems Panel does: the chosen view gets the window's height. The preview steps aside by
            // itself on these tabs.
            SplitPane editorSplit = (SplitPane) app.view().root().lookup("#editor-split");
            editorSplit.getItems().remove(app.view().problems().root());
            ((SplitPane) app.view().root().lookup("#main-split")).setDividerPositions(0.15);
            if (mode.equals("walkthrough")) {
                app.view().selectTab("walkthrough-tab");
                WalkthroughViewModel w = app.model().walkthrough();
                w.walkthroughProperty().addListener((o, was, now) -> {
                    if (now != null) {
                        w.goTo(Integer.parseInt(extra));
                        System.out.println("READY");
                    }
                });
                w.choose(id);
            } else {
                app.view().selectTab("simulation-tab");
                SimulationViewModel s = app.model().simulation();
                s.choose(id);
                s.runsProperty().addListener((o, was, now) -> Platform.runLater(() -> {
                    // "bottom" scrolls the results down to the time series and the distributions.
                    if (extra.equals("bottom")) {
                        ((javafx.scene.control.ScrollPane) app.view().root().lookup("#simulation-results-scroll")).setVvalue(1);
                    }
                    System.out.println("READY");
                }));
                s.run();
            }
        });
    }
}
