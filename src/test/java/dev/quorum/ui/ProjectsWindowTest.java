package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.service.SampleCatalog;
import dev.quorum.ui.projects.ProjectRow;
import java.nio.file.Files;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.Test;

/** File › Projects…: the store's projects in the window, on a temporary store seeded with the samples. */
class ProjectsWindowTest extends FxTestSupport {

    private <T extends javafx.scene.Node> T inProjects(String selector) {
        return robot.from(app.projectsView().root()).lookup(selector).query();
    }

    @SuppressWarnings("unchecked")
    private TableView<ProjectRow> table() {
        return inProjects("#projects-table");
    }

    private void click(String selector) {
        fxRun(() -> ((javafx.scene.control.ButtonBase) inProjects(selector)).fire());
        waitIdle();
    }

    @Test
    void theProjectsWindowListsTheSeededStoreAndOpensDeletesAndRestoresProjects() throws Exception {
        launch(null);
        // Tests open the store only when the window asks for it, and never under the real home directory.
        assertThat(fx(() -> app.projects().readyProperty().get())).isFalse();
        MenuItem item = fx(() -> {
            MenuBar bar = (MenuBar) app.view().root().lookup("#menu-bar");
            Menu file = bar.getMenus().stream().filter(m -> "menu-file".equals(m.getId())).findFirst().orElseThrow();
            return file.getItems().stream().filter(i -> "menu-projects".equals(i.getId())).findFirst().orElseThrow();
        });
        assertThat(item.getText()).isEqualTo("Projects…");
        fxRun(item::fire);
        waitUntil(() -> app.projects().readyProperty().get() && table().getItems().size() == SampleCatalog.FILES.size());
        waitIdle();
        assertThat(home.resolve("store").resolve("quorum.mv.db")).exists();
        assertThat(Files.exists(home.resolve("store"))).isTrue();
        String status = fx(() -> ((Label) inProjects("#projects-status")).getText());
        assertThat(status).isEqualTo(SampleCatalog.FILES.size() + " projects in " + home.resolve("store")
                + " (the samples were added on this first start)");
        assertThat(fx(() -> table().getItems().stream().map(ProjectRow::name).toList()))
                .anyMatch(n -> n.startsWith("Payments service")).anyMatch(n -> n.startsWith("QuickBite"));
        ProjectRow flawed = fx(() -> table().getItems().stream().filter(r -> r.name().startsWith("QuickBite")).findFirst().orElseThrow());
        assertThat(flawed.findings()).matches("\\d+ errors, \\d+ warnings");
        assertThat(flawed.revisions()).isEqualTo(1);
        // What the table shows, cell by cell.
        java.util.List<String> cells = fx(() -> robot.from(table()).lookup(".table-cell").queryAll().stream()
                .map(n -> ((javafx.scene.control.TableCell<?, ?>) n).getText()).filter(t -> t != null && !t.isBlank()).toList());
        assertThat(cells).contains(flawed.name(), flawed.findings(), flawed.updated(), "1");

        // Open one: the main window shows its design.
        ProjectRow payments = fx(() -> table().getItems().stream().filter(r -> r.name().startsWith("Payments")).findFirst().orElseThrow());
        fxRun(() -> table().getSelectionModel().select(payments));
        assertThat(fx(() -> ((Button) inProjects("#projects-open")).isDisabled())).isFalse();
        click("#projects-open");
        waitUntil(() -> app.model().design().nameProperty().get().equals(payments.name()));
        assertThat(fx(() -> app.model().design().sourceProperty().get())).isEqualTo("project: " + payments.name());

        // Move it to the trash, find it there, bring it back.
        click("#projects-delete");
        waitUntil(() -> table().getItems().size() == SampleCatalog.FILES.size() - 1);
        assertThat(fx(() -> ((Label) inProjects("#projects-status")).getText())).isEqualTo("Moved '" + payments.name() + "' to the trash");
        fxRun(() -> ((ToggleButton) inProjects("#projects-trash-toggle")).setSelected(true));
        waitUntil(() -> table().getItems().size() == 1);
        waitIdle();
        assertThat(fx(() -> ((Button) inProjects("#projects-delete")).getText())).isEqualTo("Restore from Trash");
        assertThat(fx(() -> ((Button) inProjects("#projects-open")).isDisabled())).isTrue();
        fxRun(() -> table().getSelectionModel().select(0));
        click("#projects-delete");
        waitUntil(() -> table().getItems().isEmpty());
        fxRun(() -> ((ToggleButton) inProjects("#projects-trash-toggle")).setSelected(false));
        waitUntil(() -> table().getItems().size() == SampleCatalog.FILES.size());
        assertThat(fx(() -> app.projects().errorProperty().get())).isEmpty();
    }
}
