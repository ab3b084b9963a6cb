package dev.quorum.ui.editor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.validate.Finding;
import dev.quorum.validate.Location;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The code editor keeps its text and a string property equal both ways, and restyling never writes the property. */
class CodeEditorTest {

    @BeforeAll
    static void startToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static <T> T fx(Callable<T> work) {
        return dev.quorum.ui.FxCalls.fx(work);
    }

    /** A SQL editor bound to {@code text}, whose every new value after binding lands in {@code seen}. */
    private static CodeEditor sqlEditorOn(StringProperty text, List<String> seen) throws Exception {
        return fx(() -> {
            CodeEditor e = new CodeEditor(Highlighter.SQL);
            e.bind(text);
            text.addListener((o, was, now) -> seen.add(now));
            return e;
        });
    }

    @Test
    void typingSetsThePropertyOnceAndAValueReplacesTheText() throws Exception {
        StringProperty text = new SimpleStringProperty("CREATE TABLE a (id INT);\n");
        List<String> seen = new ArrayList<>();
        CodeEditor editor = sqlEditorOn(text, seen);
        assertThat(fx(() -> editor.area().getText())).isEqualTo("CREATE TABLE a (id INT);\n");

        fx(() -> {
            editor.area().insertText(0, "--");
            return null;
        });
        assertThat(text.get()).isEqualTo("--CREATE TABLE a (id INT);\n");
        assertThat(seen).containsExactly("--CREATE TABLE a (id INT);\n");

        fx(() -> {
            text.set("CREATE TABLE b (id INT);\n");
            return null;
        });
        assertThat(fx(() -> editor.area().getText())).isEqualTo("CREATE TABLE b (id INT);\n");
        assertThat(seen).hasSize(2);
    }

    @Test
    void showingFindingsRestylesWithoutTouchingTheText() throws Exception {
        StringProperty text = new SimpleStringProperty("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
        List<String> seen = new ArrayList<>();
        CodeEditor editor = sqlEditorOn(text, seen);
        Finding atLine2 = new Finding("schema.x", Severity.ERROR, Location.field("schema", "schema.sql").atLine(2), "m", "f");
        fx(() -> {
            editor.showFindings(List.of(atLine2));
            return null;
        });
        assertThat(editor.findingLines()).containsExactly(2);
        assertThat(fx(() -> editor.area().getStyleOfChar(1, 3))).contains("finding-error");
        assertThat(seen).isEmpty();
    }

    @Test
    void theSameFindingsAgainLeaveTheGutterAndStylesAloneWhileChangedOnesRestyleTheirLines() throws Exception {
        StringProperty text = new SimpleStringProperty("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
        CodeEditor editor = sqlEditorOn(text, new ArrayList<>());
        Location sql = Location.field("schema", "schema.sql");
        Finding atLine2 = new Finding("schema.x", Severity.ERROR, sql.atLine(2), "m", "f");
        fx(() -> {
            editor.showFindings(List.of(atLine2));
            return null;
        });
        Object gutter = fx(() -> editor.area().getParagraphGraphicFactory());

        // What live validation does after a keystroke that changed nothing about the findings: an equal list.
        fx(() -> {
            editor.showFindings(List.of(new Finding("schema.x", Severity.ERROR, sql.atLine(2), "m", "f")));
            return null;
        });
        assertThat(fx(() -> editor.area().getParagraphGraphicFactory())).isSameAs(gutter);
        assertThat(fx(() -> editor.area().getStyleOfChar(1, 3))).contains("finding-error");

        Finding atLine1 = new Finding("schema.y", Severity.WARNING, sql.atLine(1), "m", "f");
        fx(() -> {
            editor.showFindings(List.of(atLine1));
            return null;
        });
        assertThat(fx(() -> editor.area().getParagraphGraphicFactory())).isNotSameAs(gutter);
        assertThat(editor.findingLines()).containsExactly(1);
        assertThat(fx(() -> editor.area().getStyleOfChar(1, 3))).doesNotContain("finding-error");
        assertThat(fx(() -> editor.area().getStyleOfChar(0, 3))).contains("finding-warning");
    }

    @Test
    void theWarmUpBuildsAnEditorOffTheFxThread() {
        // The background warm-up builds an unshown editor on its own thread; it must not need the FX thread, where
        // JavaFX would refuse it with an IllegalStateException.
        assertThat(javafx.application.Platform.isFxApplicationThread()).isFalse();
        org.assertj.core.api.Assertions.assertThatCode(CodeEditor::warmUp).doesNotThrowAnyException();
    }
}
