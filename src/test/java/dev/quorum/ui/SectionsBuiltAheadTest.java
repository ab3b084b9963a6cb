package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.ui.section.SectionViewModel;
import java.util.List;
import javafx.event.Event;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.junit.jupiter.api.Test;

/**
 * Once the window sits idle, it builds the section editors not opened yet, and styles and lays out those with a code
 * editor hidden behind the shown one, so that opening them later does not hold the FX thread; it waits while the
 * user types.
 */
class SectionsBuiltAheadTest extends FxTestSupport {

    private List<String> sectionIds() throws Exception {
        return fx(() -> app.model().design().sections().stream().map(SectionViewModel::id).toList());
    }

    @Test
    void anIdleWindowBuildsEverySectionAndRehearsesTheSchemaOutOfSight() throws Exception {
        launch(null);
        assertThat(fx(() -> app.view().isBuilt("schema"))).isFalse();
        Node shown = fx(() -> app.view().sectionHostChildren().get(0));

        List<String> ids = sectionIds();
        FxCalls.waitUntil(() -> ids.stream().allMatch(app.view()::isBuilt), 20);
        // The rehearsal is over: the shown editor is alone again, and the schema editor waits outside the window.
        FxCalls.waitUntil(() -> app.view().sectionHostChildren().equals(List.of(shown)), 5);
        Node schema = fx(() -> app.view().sectionView("schema").root());
        assertThat(fx(schema::getScene)).isNull();
        assertThat(fx(schema::isVisible)).isTrue();
        // It was laid out while hidden: a node never laid out has no size, and leaving the window keeps the last one.
        assertThat(fx(() -> app.view().sectionView("schema").editor("schema.sql").code().area().getWidth()))
                .isGreaterThan(100);

        // Opening it shows the same, already built editor.
        fxRun(() -> app.view().tree().select("schema"));
        assertThat(fx(() -> app.view().sectionHostChildren())).containsExactly(schema);
        assertThat(fx(schema::isVisible)).isTrue();
        assertThat(fx(schema::isMouseTransparent)).isFalse();
    }

    @Test
    void nothingIsBuiltAheadWhileTheUserKeepsTyping() throws Exception {
        launch(null);
        Node root = fx(() -> app.view().root());
        long until = System.nanoTime() + 4_000_000_000L;
        while (System.nanoTime() < until) {
            fxRun(() -> Event.fireEvent(root, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.SHIFT,
                    true, false, false, false)));
            Thread.sleep(200);
        }
        // Four seconds of typing, well past the 1.5 s after which an idle window starts building ahead.
        assertThat(fx(() -> app.view().isBuilt("schema"))).isFalse();
        FxCalls.waitUntil(() -> app.view().isBuilt("schema"), 20);
    }
}
