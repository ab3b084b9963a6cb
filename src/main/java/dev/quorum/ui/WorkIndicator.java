package dev.quorum.ui;

import javafx.scene.control.ProgressBar;

/**
 * The small "working" mark of the status bar and the diagram toolbar: an indeterminate progress bar, not a spinner.
 * An indeterminate {@code ProgressIndicator} makes JavaFX repaint the whole window on every frame while it turns
 * (its dirty area covers the scene), which on the software renderer cost 20 to 40 ms a frame for as long as work ran;
 * a progress bar repaints only its own few pixels. See decision 0020.
 */
public final class WorkIndicator {

    private WorkIndicator() {
    }

    /** A new indicator with the id {@code id}, running while it is visible. */
    public static ProgressBar create(String id) {
        ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
        bar.setId(id);
        bar.getStyleClass().add("work-indicator");
        bar.setPrefSize(48, 8);
        bar.setMaxSize(48, 8);
        bar.setMinSize(48, 8);
        return bar;
    }
}
