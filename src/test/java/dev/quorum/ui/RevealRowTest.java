package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.bench.LargeDesign;
import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import java.nio.file.Path;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** Going to a row of a table (a finding, an undo) scrolls only when the row is not already in view. */
class RevealRowTest extends FxTestSupport {

    @TempDir
    Path dir;

    private VirtualFlow<?> flow() {
        TableView<?> table = robot.lookup("#table-persistence-data-elements").query();
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    private int first() {
        return fx(() -> flow().getFirstVisibleCell().getIndex());
    }

    private boolean shows(int row) {
        return fx(() -> {
            IndexedCell<?> cell = flow().getVisibleCell(row);
            return cell != null && cell.isVisible();
        });
    }

    @Test
    void aRowInViewStaysPutAndARowOutOfViewIsScrolledTo() throws Exception {
        Path file = dir.resolve("large.quorum.yaml");
        new DesignService().save(DesignFile.of(LargeDesign.generate(60, 5)), file);
        launch(file);
        fxRun(() -> app.view().tree().select("persistence"));
        waitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first()).isZero();

        // A row inside the view, far enough down that scrolling it two rows below the top would move the table.
        int last = fx(() -> flow().getLastVisibleCell().getIndex());
        int inView = last - 1;
        assertThat(inView).isGreaterThanOrEqualTo(3);
        fxRun(() -> app.view().reveal("persistence", "persistence.data_elements[" + inView + "].name", 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first()).isZero();
        assertThat(shows(inView)).isTrue();

        fxRun(() -> app.view().reveal("persistence", "persistence.data_elements[50].name", 0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(first()).isGreaterThan(0);
        assertThat(shows(50)).isTrue();
    }
}
