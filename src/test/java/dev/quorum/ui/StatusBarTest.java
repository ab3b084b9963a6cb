package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.service.DesignService;
import dev.quorum.ui.settings.WorkbenchSettings;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The status bar shows work that takes a while, and leaves short work (most previews and saves) unannounced. */
class StatusBarTest extends FxTestSupport {

    @TempDir
    Path dir;

    @Test
    void workShowsOnlyOnceItHasRunForHalfASecond() throws Exception {
        BackgroundExecutor executor = new BackgroundExecutor();
        try {
            WorkbenchViewModel model = fx(() -> new WorkbenchViewModel(new DesignService(), executor,
                    WorkbenchSettings.load(dir)));
            WorkbenchView view = fx(() -> new WorkbenchView(model));
            Node progress = fx(() -> view.root().lookup("#status-progress"));
            Label message = fx(() -> (Label) view.root().lookup("#status-message"));
            CountDownLatch release = new CountDownLatch(1);
            long[] submitted = new long[1];
            boolean shownAtOnce = fx(() -> {
                submitted[0] = System.nanoTime();
                executor.submit("Working hard…", () -> release.await(30, TimeUnit.SECONDS), r -> { }, e -> { });
                return progress.isVisible() || message.getText().equals("Working hard…");
            });
            assertThat(shownAtOnce).isFalse();

            waitUntil(progress::isVisible);
            // A bar, not a spinner: an indeterminate ProgressIndicator repaints the whole window every frame (decision 0020).
            assertThat(progress).isInstanceOf(ProgressBar.class);
            assertThat(fx(() -> ((ProgressBar) progress).isIndeterminate())).isTrue();
            assertThat(System.nanoTime() - submitted[0]).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
            assertThat(fx(message::getText)).isEqualTo("Working hard…");

            release.countDown();
            waitUntil(() -> !progress.isVisible());
            // No message: the label keeps a no-break space rather than an empty text, which repainted the window.
            assertThat(fx(message::getText)).isEqualTo("\u00a0");
        } finally {
            executor.close();
        }
    }
}
