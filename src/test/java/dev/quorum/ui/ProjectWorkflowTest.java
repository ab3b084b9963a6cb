package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.Design;
import dev.quorum.service.SampleCatalog;
import dev.quorum.store.RevisionInfo;
import dev.quorum.ui.projects.ProjectRow;
import dev.quorum.ui.section.BackupViewModel;
import dev.quorum.ui.section.ConsistencyViewModel;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window on the project store, headless: autosave after edits, closing with unsaved edits, reopening and
 * finding everything; the project browser's new, duplicate, search and history; and two windows editing the
 * same project, where the second save is a conflict the user resolves, never a silent overwrite.
 */
class ProjectWorkflowTest extends FxTestSupport {

    private QuorumApp second;

    private static dev.quorum.service.DesignService service() {
        return new dev.quorum.service.DesignService();
    }

    @org.junit.jupiter.api.AfterEach
    void closeSecondWindow() {
        if (second != null) {
            QuorumApp b = second;
            second = null;
            fxRun(() -> {
                b.stop();
                Window w = b.view().root().getScene().getWindow();
                w.hide();
            });
        }
    }

    private void openStore(QuorumApp a) {
        fxRun(() -> a.projects().start());
        waitUntil(() -> a.projects().readyProperty().get() && !a.model().busyProperty().get());
    }

    private Design design(QuorumApp a) {
        return fx(() -> a.model().design().design());
    }

    private String saveState(QuorumApp a) {
        return fx(() -> a.model().saveStateProperty().get());
    }

    private Node shownSection() {
        return fx(() -> ((StackPane) robot.lookup("#section-host").query()).getChildren().get(0));
    }

    private void typeInto(String selector, String text) {
        TextInputControl field = robot.from(shownSection()).lookup(selector).query();
        robot.clickOn(field);
        fxRun(field::selectAll);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void select(String sectionId) {
        clickTreeItem(sectionId);
        String shown = sectionId.equals("design") ? "design-overview" : "section-" + sectionId;
        waitUntil(() -> shown.equals(shownSection().getId()));
    }

    private void newProjectFromTemplate(QuorumApp a) {
        fxRun(() -> a.projects().newProject(null));
        waitUntil(() -> a.model().project().projectProperty().get() != null && !a.model().busyProperty().get());
    }

    private ProjectRow row(QuorumApp a, String name) {
        return fx(() -> a.projects().rows().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow());
    }

    @Test
    void editsAreAutosavedAndAClosedWindowLosesNothing() throws Exception {
        launch(null);
        openStore(app);
        assertThat(robot.lookup("#status-store").queryLabeled().getText()).isEqualTo("store: " + home.resolve("store"));
        newProjectFromTemplate(app);
        assertThat(saveState(app)).isEqualTo("Saved in the store · revision 1");

        select("design");
        typeInto("#field-name", "Ledger");
        select("backup");
        typeInto("#field-backup-recovery-rpo", "5 min");
        assertThat(saveState(app)).startsWith("Unsaved changes");
        // A couple of seconds after the last keystroke the store has it, as one coalesced autosave revision.
        waitUntil(() -> app.model().saveStateProperty().get().startsWith("Autosaved"));
        assertThat(saveState(app)).endsWith("revision 2");
        assertThat(fx(() -> app.model().titleProperty().get())).isEqualTo("Quorum — Ledger");

        // One more edit, then the window is closed before the autosave delay: the close writes it first.
        typeInto("#field-backup-recovery-rto", "1 h");
        Stage stage = fx(() -> (Stage) app.view().root().getScene().getWindow());
        fxRun(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
        waitUntil(() -> !stage.isShowing());
        FxToolkit.cleanupApplication(app);
        app = null;

        // A new window on the same store finds everything; it reopens the project from File › Open Recent.
        launch(null);
        javafx.scene.control.MenuItem recent = fx(() -> ((javafx.scene.control.Menu) ((javafx.scene.control.MenuBar)
                app.view().root().lookup("#menu-bar")).getMenus().get(0).getItems().stream()
                .filter(i -> "menu-recent".equals(i.getId())).findFirst().orElseThrow()).getItems().stream()
                .filter(i -> i.getStyleClass().contains("recent-project")).findFirst().orElseThrow());
        assertThat(fx(recent::getText)).startsWith("Untitled design");
        fxRun(recent::fire);
        waitUntil(() -> app.model().project().projectProperty().get() != null && !app.model().busyProperty().get());
        ProjectRow project = row(app, "Untitled design");
        assertThat(project.revisions()).isEqualTo(2);
        fxRun(() -> app.projects().selectedProperty().set(project));
        Design reopened = design(app);
        assertThat(reopened.name()).isEqualTo("Ledger");
        assertThat(reopened.backup().recovery().rpo().text()).isEqualTo("5 min");
        assertThat(reopened.backup().recovery().rto().text()).isEqualTo("1 h");
        select("backup");
        assertThat(fx(() -> ((TextInputControl) robot.from(shownSection()).lookup("#field-backup-recovery-rto").query())
                .getText())).isEqualTo("1 h");
        // The history shows the first revision and the coalesced autosave, the close's write included.
        waitUntil(() -> app.projects().history().size() == 2);
        List<RevisionInfo> history = fx(() -> List.copyOf(app.projects().history()));
        assertThat(history.get(0).autosave()).isTrue();
        assertThat(history.get(1).message()).isEqualTo("Created from the template");
    }

    @Test
    void theBrowserCreatesDuplicatesSearchesAndRestoresAnyRevision() throws Exception {
        launch(null);
        openStore(app);
        assertThat(fx(() -> app.projects().rows().size())).isEqualTo(SampleCatalog.FILES.size());
        // New from a sample: a second project with the sample's design, beside the seeded one.
        fxRun(() -> app.projects().newProject("live-scores.quorum.yaml"));
        waitUntil(() -> app.model().project().projectProperty().get() != null && !app.model().busyProperty().get());
        assertThat(fx(() -> app.model().design().nameProperty().get())).isEqualTo(service().openSample("live-scores.quorum.yaml")
                .design().name());
        waitUntil(() -> app.projects().rows().size() == SampleCatalog.FILES.size() + 1);
        // New from the template.
        newProjectFromTemplate(app);
        String name = "Untitled design";
        assertThat(fx(() -> app.model().design().nameProperty().get())).isEqualTo(name);
        waitUntil(() -> app.projects().rows().size() == SampleCatalog.FILES.size() + 2);

        // An explicit save with a message (Ctrl+S asks for it).
        fxRun(() -> app.model().design().section(ConsistencyViewModel.class).justification().edit("Money must not diverge."));
        robot.push(KeyCode.CONTROL, KeyCode.S);
        // The dialog is a window of its own, shown a few pulses later on a loaded machine.
        waitUntil(() -> robot.lookup("#save-message").tryQuery().isPresent());
        TextInputControl message = robot.lookup("#save-message").query();
        robot.clickOn(message).write("Stricter wording");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> app.model().saveStateProperty().get().startsWith("Saved ") && !app.model().busyProperty().get());

        // Search narrows the list; duplicate copies the current revision into a new project.
        fxRun(() -> app.projects().searchProperty().set("untitled"));
        assertThat(fx(() -> app.projects().visibleRows().stream().map(ProjectRow::name).toList())).containsExactly(name);
        fxRun(() -> app.projects().selectedProperty().set(row(app, name)));
        fxRun(() -> app.projects().duplicateSelected());
        waitUntil(() -> app.projects().visibleRows().size() == 2 && !app.model().busyProperty().get());
        assertThat(fx(() -> app.projects().visibleRows().stream().map(ProjectRow::name).toList())).contains(name + " (copy)");

        // Rename: the copy gets a name of its own; its revisions stay as they were.
        fxRun(() -> app.projects().selectedProperty().set(row(app, name + " (copy)")));
        fxRun(() -> app.projects().renameSelected("Ledger draft"));
        waitUntil(() -> !app.model().busyProperty().get()
                && app.projects().rows().stream().anyMatch(r -> r.name().equals("Ledger draft")));
        assertThat(fx(() -> app.projects().rows().stream().map(ProjectRow::name).toList())).doesNotContain(name + " (copy)");
        assertThat(row(app, "Ledger draft").revisions()).isEqualTo(1);
        fxRun(() -> app.projects().searchProperty().set(""));

        // History: revision 2 carries the message; restoring revision 1 brings back the empty justification.
        fxRun(() -> app.projects().selectedProperty().set(row(app, name)));
        waitUntil(() -> app.projects().history().size() == 2);
        assertThat(fx(() -> app.projects().history().get(0).message())).isEqualTo("Stricter wording");
        fxRun(() -> app.projects().restoreRevision(1));
        waitUntil(() -> !app.model().busyProperty().get() && app.model().project().projectProperty().get() != null
                && app.model().project().projectProperty().get().revisionCount() == 3);
        assertThat(design(app).consistency().justification()).isEmpty();
        fxRun(() -> app.projects().selectedProperty().set(row(app, name)));
        waitUntil(() -> app.projects().history().size() == 3);

        // Move to the trash and back.
        fxRun(() -> app.projects().deleteOrRestoreSelected());
        waitUntil(() -> !app.model().busyProperty().get()
                && app.projects().rows().stream().noneMatch(r -> r.name().equals(name)));
        fxRun(() -> app.projects().showTrashProperty().set(true));
        waitUntil(() -> !app.model().busyProperty().get() && app.projects().rows().size() == 1);
        fxRun(() -> app.projects().selectedProperty().set(app.projects().rows().get(0)));
        fxRun(() -> app.projects().deleteOrRestoreSelected());
        fxRun(() -> app.projects().showTrashProperty().set(false));
        waitUntil(() -> !app.model().busyProperty().get()
                && app.projects().rows().stream().anyMatch(r -> r.name().equals(name)));
    }

    @Test
    void twoWindowsOnOneProjectNeverOverwriteEachOtherSilently() throws Exception {
        launch(null);
        openStore(app);
        newProjectFromTemplate(app);
        String name = fx(() -> app.model().project().projectProperty().get().name());

        // A second window on the same store opens the same project.
        second = fx(() -> {
            QuorumApp b = new QuorumApp(null, home);
            b.start(new Stage());
            return b;
        });
        QuorumApp b = second;
        waitUntil(() -> b.model().design().design() != null && !b.model().busyProperty().get());
        openStore(b);
        fxRun(() -> b.projects().selectedProperty().set(row(b, name)));
        fxRun(() -> b.projects().openSelected());
        waitUntil(() -> b.model().project().projectProperty().get() != null && !b.model().busyProperty().get());

        // The first window's edit reaches the store.
        fxRun(() -> app.model().design().overview().summary().edit("Written in window A"));
        fxRun(() -> app.model().project().autosave());
        waitUntil(() -> app.model().saveStateProperty().get().startsWith("Autosaved") && !app.model().busyProperty().get());

        // The second window's edit is based on the older version: its save is refused and the user is asked.
        fxRun(() -> b.model().design().overview().summary().edit("Written in window B"));
        fxRun(() -> b.model().project().autosave());
        waitUntil(() -> b.model().project().conflictProperty().get() && !b.model().busyProperty().get());
        Node banner = fx(() -> b.view().root().lookup("#conflict-banner"));
        assertThat(fx(banner::isVisible)).isTrue();
        assertThat(fx(() -> ((Label) b.view().root().lookup("#conflict-message")).getText()))
                .contains("was changed elsewhere").contains("Nothing was overwritten");
        assertThat(fx(() -> b.model().saveStateProperty().get())).isEqualTo("Not saved: the project changed in the store");
        // The store still has A's text.
        fxRun(() -> app.projects().selectedProperty().set(row(app, name)));
        waitUntil(() -> app.projects().history().size() == 2);
        assertThat(fx(() -> b.projects().service().open(row(b, name).id()).design().design().summary()))
                .isEqualTo("Written in window A");

        // Compare shows both versions of the summary.
        fxRun(() -> ((ButtonBase) b.view().root().lookup("#conflict-compare")).fire());
        waitUntil(() -> Window.getWindows().stream().anyMatch(w -> w.getScene() != null
                && w.getScene().lookup("#compare-differences") != null));
        String differences = fx(() -> ((TextArea) Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().lookup("#compare-differences") != null).findFirst()
                .orElseThrow().getScene().lookup("#compare-differences")).getText());
        assertThat(differences).containsPattern("(?m)^- .*Written in window A").containsPattern("(?m)^\\+ .*Written in window B");
        fxRun(() -> Window.getWindows().stream().filter(w -> w.getScene() != null
                && w.getScene().lookup("#compare-differences") != null).toList().forEach(Window::hide));

        // Keep mine: B's design becomes a new revision on top; A's revision stays in the history.
        fxRun(() -> ((ButtonBase) b.view().root().lookup("#conflict-keep")).fire());
        waitUntil(() -> !b.model().project().conflictProperty().get() && !b.model().busyProperty().get());
        assertThat(fx(() -> b.projects().service().open(row(b, name).id()).design().design().summary()))
                .isEqualTo("Written in window B");
        assertThat(fx(() -> b.projects().service().history(row(b, name).id())).stream().map(RevisionInfo::number))
                .containsExactly(3, 2, 1);
        assertThat(fx(() -> b.projects().service().openRevision(row(b, name).id(), 2).design().design().summary()))
                .isEqualTo("Written in window A");

        // Now A is behind: its next save is a conflict too, and Reload brings B's version into A.
        fxRun(() -> app.model().design().section(BackupViewModel.class).recovery().field("rpo").edit("1 min"));
        fxRun(() -> app.model().project().autosave());
        waitUntil(() -> app.model().project().conflictProperty().get() && !app.model().busyProperty().get());
        fxRun(() -> ((ButtonBase) app.view().root().lookup("#conflict-reload")).fire());
        waitUntil(() -> !app.model().project().conflictProperty().get() && !app.model().busyProperty().get());
        assertThat(design(app).summary()).isEqualTo("Written in window B");
        assertThat(saveState(app)).isEqualTo("Saved in the store · revision 3");
    }
}
