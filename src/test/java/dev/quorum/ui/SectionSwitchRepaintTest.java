package dev.quorum.ui;

import javafx.scene.layout.Background;
import javafx.scene.layout.Region;
import org.junit.jupiter.api.Test;

/**
 * After each switch of section, once the switch has been drawn, the section editor's area is marked for repainting
 * again: the software renderer sometimes left a section shown before off the screen (see
 * {@code WorkbenchView.repaintSectionHostLater}; the screenshot tour with the flawed sample shows the effect).
 */
class SectionSwitchRepaintTest extends FxTestSupport {

    @Test
    void everySwitchRepaintsTheSectionAreaAFewFramesLater() throws Exception {
        launch(null);
        Region host = robot.lookup("#section-host").query();
        Background first = fx(host::getBackground);
        fxRun(() -> app.view().tree().select("consistency"));
        FxCalls.waitUntil(() -> host.getBackground() != first, 5);

        Background second = fx(host::getBackground);
        fxRun(() -> app.view().tree().select("replication"));
        FxCalls.waitUntil(() -> host.getBackground() != second, 5);
    }
}
