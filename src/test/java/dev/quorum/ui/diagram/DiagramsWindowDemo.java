package dev.quorum.ui.diagram;

import dev.quorum.service.DiagramKind;
import dev.quorum.ui.QuorumApp;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * Opens the real window on a design with the Diagrams tab showing, for screenshots under Xvfb:
 * {@code java ... dev.quorum.ui.diagram.DiagramsWindowDemo samples/ecommerce.quorum.yaml er [table] [hops]}.
 * Not a test; the window stays open until the process is stopped.
 */
public final class DiagramsWindowDemo {

    private DiagramsWindowDemo() {
    }

    public static void main(String[] args) throws Exception {
        Path design = Path.of(args.length > 0 ? args[0] : "samples/ecommerce.quorum.yaml").toAbsolutePath();
        DiagramKind kind = DiagramKind.byId(args.length > 1 ? args[1] : "er").orElse(DiagramKind.ER);
        String table = args.length > 2 ? args[2] : "";
        int hops = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Path home = Files.createTempDirectory("quorum-demo");
        QuorumApp app = new QuorumApp(design, home);
        Platform.startup(() -> {
            Stage stage = new Stage();
            app.start(stage);
            stage.setWidth(1600);
            stage.setHeight(1000);
            stage.setX(0);
            stage.setY(0);
        });
        Thread.sleep(4000);
        Platform.runLater(() -> {
            TabPane tabs = (TabPane) app.view().root().lookup("#centre-tabs");
            tabs.getSelectionModel().select(1);
            DiagramsViewModel model = app.model().diagrams();
            model.kindProperty().set(kind);
            model.hopsProperty().set(hops);
            model.focusTableProperty().set(table);
        });
    }
}
