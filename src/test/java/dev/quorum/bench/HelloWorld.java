package dev.quorum.bench;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The smallest JavaFX window, for comparison in the start-up benchmark: it prints
 * {@code QUORUM_INTERACTIVE <epoch ms>} at the first pulse after its window shows, as the workbench does.
 * Run it through {@link Launcher}, since an Application main class fails from a plain classpath.
 */
public final class HelloWorld extends Application {

    @Override
    public void start(Stage stage) {
        Scene scene = new Scene(new StackPane(new Label("Hello, world")), 400, 200);
        Runnable[] pulse = new Runnable[1];
        pulse[0] = () -> {
            scene.removePostLayoutPulseListener(pulse[0]);
            System.out.println("QUORUM_INTERACTIVE " + System.currentTimeMillis());
            System.out.flush();
        };
        scene.addPostLayoutPulseListener(pulse[0]);
        stage.setScene(scene);
        stage.setTitle("Hello");
        stage.show();
        Platform.requestNextPulse();
    }

    /** Starts {@link HelloWorld} from a plain classpath. */
    public static final class Launcher {
        private Launcher() {
        }

        public static void main(String[] args) {
            Application.launch(HelloWorld.class, args);
        }
    }
}
