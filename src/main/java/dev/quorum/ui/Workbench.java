package dev.quorum.ui;

import javafx.application.Application;

/**
 * Starts the window. A plain class, not an {@code Application}, because launching an {@code Application}
 * subclass as the main class from a plain classpath fails with "JavaFX runtime components are missing".
 */
public final class Workbench {

    private Workbench() {
    }

    /** Opens the workbench window and returns when it closes. */
    public static void launch(String[] args) {
        StartupTrace.mark("launch");
        StartupServices.begin(QuorumApp.initialFile(args));
        Application.launch(QuorumApp.class, args);
    }

    /** Runs the window directly, for development and screenshots. */
    public static void main(String[] args) {
        launch(args);
    }
}
