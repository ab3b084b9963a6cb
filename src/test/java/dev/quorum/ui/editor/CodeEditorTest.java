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
import javafx.scene.control.Label;
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

    /** An editor shown in a laid-out scene, so that its visible lines have their gutters. */
    private static CodeEditor shownSqlEditorOn(StringProperty text) throws Exception {
        CodeEditor editor = sqlEditorOn(text, new ArrayList<>());
        fx(() -> {
            javafx.scene.layout.StackPane host = new javafx.scene.layout.StackPane(editor.root());
            new javafx.scene.Scene(host, 500, 300);
            host.applyCss();
            host.layout();
            return null;
        });
        return editor;
    }

    private static void show(CodeEditor editor, Finding... findings) throws Exception {
        fx(() -> {
            editor.showFindings(List.of(findings));
            editor.root().getParent().layout();
            return null;
        });
    }

    @Test
    void theSameFindingsAgainLeaveTheMarkersAloneWhileChangedOnesChangeOnlyTheirLines() throws Exception {
        StringProperty text = new SimpleStringProperty("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n"
                + "CREATE TABLE c (id INT);\n");
        CodeEditor editor = shownSqlEditorOn(text);
        Location sql = Location.field("schema", "schema.sql");
        Finding atLine2 = new Finding("schema.x", Severity.ERROR, sql.atLine(2), "m", "f");
        Finding atLine3 = new Finding("schema.z", Severity.INFO, sql.atLine(3), "n", "");
        show(editor, atLine2, atLine3);
        Label marker2 = fx(() -> editor.markerOf(2));
        Label marker3 = fx(() -> editor.markerOf(3));
        assertThat(marker2).isNotNull();
        assertThat(marker2.getText()).isEqualTo("!");
        assertThat(marker2.getStyleClass()).contains("code-marker-error");
        assertThat(marker2.getTooltip().getText()).isEqualTo("error: m\nFix: f");
        assertThat(marker3.getText()).isEqualTo("i");
        assertThat(fx(() -> editor.markerOf(1))).isNull();

        // What live validation does after a keystroke that changed nothing about the findings: equal lists.
        show(editor, new Finding("schema.x", Severity.ERROR, sql.atLine(2), "m", "f"), atLine3);
        assertThat(fx(() -> editor.markerOf(2))).isSameAs(marker2);
        assertThat(fx(() -> editor.area().getStyleOfChar(1, 3))).contains("finding-error");

        // Line 2's finding goes and line 1 gets one: those two lines change, line 3 keeps its marker node.
        Finding atLine1 = new Finding("schema.y", Severity.WARNING, sql.atLine(1), "m", "f");
        show(editor, atLine1, atLine3);
        assertThat(editor.findingLines()).containsExactly(1, 3);
        assertThat(fx(() -> editor.markerOf(2))).isNull();
        assertThat(fx(() -> editor.markerOf(1)).getStyleClass()).contains("code-marker-warning");
        assertThat(fx(() -> editor.markerOf(3))).isSameAs(marker3);
        assertThat(fx(() -> editor.area().getStyleOfChar(1, 3))).doesNotContain("finding-error");
        assertThat(fx(() -> editor.area().getStyleOfChar(0, 3))).contains("finding-warning");
    }

    @Test
    void aLineScrolledIntoViewAfterAChangeShowsTheCurrentFindings() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 1; i <= 200; i++) {
            many.append("CREATE TABLE t").append(i).append(" (id INT);\n");
        }
        CodeEditor editor = shownSqlEditorOn(new SimpleStringProperty(many.toString()));
        Location sql = Location.field("schema", "schema.sql");
        show(editor, new Finding("schema.far", Severity.WARNING, sql.atLine(180), "far away", ""));
        assertThat(fx(() -> editor.markerOf(180))).isNull();
        fx(() -> {
            editor.goToLine(180);
            editor.root().getParent().layout();
            return null;
        });
        assertThat(fx(() -> editor.markerOf(180))).isNotNull();
        assertThat(fx(() -> editor.markerOf(180).getTooltip().getText())).isEqualTo("warning: far away");
    }

    @Test
    void theWarmUpBuildsAnEditorOffTheFxThread() {
        // The background warm-up builds an unshown editor on its own thread; it must not need the FX thread, where
        // JavaFX would refuse it with an IllegalStateException.
        assertThat(javafx.application.Platform.isFxApplicationThread()).isFalse();
        org.assertj.core.api.Assertions.assertThatCode(CodeEditor::warmUp).doesNotThrowAnyException();
    }
}
