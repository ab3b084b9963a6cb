package dev.quorum.ui;

import dev.quorum.model.DesignPath;
import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.model.BackupType;
import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.FailoverMode;
import dev.quorum.service.DesignService;
import dev.quorum.ui.problems.FindingDecorations;
import dev.quorum.ui.section.SectionView;
import dev.quorum.validate.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Editing through the real window, headless: filling every section of a new design, table rows from the
 * keyboard, findings appearing and disappearing as the user types, undo and redo, saving, importing SQL.
 */
class WorkbenchEditingTest extends FxTestSupport {

    private final DesignService service = new DesignService();

    @TempDir
    Path dir;

    private Path write(String fileName, Design design) throws Exception {
        Path file = dir.resolve(fileName);
        service.save(DesignFile.of(design), file);
        return file;
    }

    private Node shownSection() {
        return fx(this::shownSectionOnFx);
    }

    private Node shownSectionOnFx() {
        return ((StackPane) robot.lookup("#section-host").query()).getChildren().get(0);
    }

    private <T extends Node> T inSection(String selector) {
        // A section just put in the window has its fields only once its scroll pane has a skin, which the next
        // pulse's CSS pass makes; on a loaded machine a lookup made right after the switch could miss them.
        waitUntil(() -> robot.from(shownSectionOnFx()).lookup(selector).tryQuery().isPresent());
        return robot.from(shownSection()).lookup(selector).query();
    }

    private void select(String sectionId) {
        clickTreeItem(sectionId);
        String shown = sectionId.equals("design") ? "design-overview" : "section-" + sectionId;
        waitUntil(() -> shown.equals(shownSection().getId()));
    }

    private Design design() {
        return fx(() -> app.model().design().design());
    }

    /** Scrolls the section so that {@code node} is in view, as a user would before clicking it. */
    private <T extends Node> T scrolledTo(T node) {
        fxRun(() -> {
            javafx.scene.control.ScrollPane pane = (javafx.scene.control.ScrollPane) shownSection();
            Node content = pane.getContent();
            javafx.geometry.Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double extra = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            if (extra > 0) {
                pane.setVvalue(Math.max(0, Math.min(1, (b.getMinY() - 40) / extra)));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        return node;
    }

    /** Clicks a node of the shown section, scrolling to it first. */
    private void clickIn(String selector) {
        Node node = scrolledTo(inSection(selector));
        robot.clickOn(node);
    }

    /** Clicks a text control, replaces its content by typing, and leaves the caret there. */
    private void typeInto(String selector, String text) {
        TextInputControl field = scrolledTo(inSection(selector));
        robot.clickOn(field);
        fxRun(field::selectAll);
        robot.push(KeyCode.BACK_SPACE);
        robot.write(text);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void choose(String selector, String optionLabel) {
        ComboBox<?> combo = scrolledTo(inSection(selector));
        java.util.function.Supplier<java.util.Optional<Node>> option = () -> robot.lookup(".list-cell").match((Node n) ->
                n instanceof javafx.scene.control.ListCell<?> c && optionLabel.equals(c.getText()) && c.isVisible()).tryQuery();
        // The list is a popup that a loaded machine shows a few pulses after the click.
        robot.clickOn(combo);
        waitUntil(() -> combo.isShowing() && option.get().isPresent());
        robot.clickOn(option.get().orElseThrow());
        waitUntil(() -> !combo.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String text(String selector) {
        return fx(() -> ((TextInputControl) inSection(selector)).getText());
    }

    private List<Finding> problems() {
        return fx(() -> List.copyOf(app.view().problems().table().getItems()));
    }

    private Node focusOwner() {
        return fx(() -> robot.lookup("#section-host").query().getScene().getFocusOwner());
    }

    private String title() {
        return fx(() -> ((Stage) robot.lookup("#section-host").query().getScene().getWindow()).getTitle());
    }

    @Test
    void aNewDesignCanBeFilledInEverySectionAndSaved() throws Exception {
        launch(null);
        clickTreeItem("design");
        robot.push(KeyCode.CONTROL, KeyCode.N);
        waitIdle();
        waitUntil(() -> "Untitled design".equals(app.model().design().nameProperty().get()));
        assertThat(design().persistence().dataElements()).isEmpty();

        // The overview: the design's own name.
        select("design");
        typeInto("#field-name", "Checkout service");

        // Data Persistence: a data element typed into a new row, cell by cell.
        select("persistence");
        clickIn("#table-persistence-data-elements-add");
        robot.write("orders");
        robot.push(KeyCode.TAB);
        robot.write("One row per checkout");
        robot.push(KeyCode.TAB);
        robot.write("Fulfilment");
        robot.push(KeyCode.TAB);
        robot.write("2 KB per row x 10M rows");
        robot.push(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();

        select("schema");
        CodeArea sql = inSection("#field-schema-sql");
        robot.clickOn(sql);
        robot.write("CREATE TABLE orders (id BIGINT PRIMARY KEY);");
        choose("#field-schema-dialect", "PostgreSQL");

        select("queries");
        clickIn("#table-queries-add");
        robot.write("orders by id");
        robot.push(KeyCode.ENTER);
        typeInto("#field-queries-purpose", "Order page");
        typeInto("#field-queries-frequency", "50/s");

        select("concurrency");
        typeInto("#field-concurrency-writes-handling", "SELECT ... FOR UPDATE");

        select("sharing");
        clickIn("#table-sharing-shared-data-add");
        robot.write("sessions");
        robot.push(KeyCode.TAB);
        robot.write("api, worker");
        robot.push(KeyCode.ENTER);

        select("consistency");
        choose("#field-consistency-model", "Strong consistency");

        select("replication");
        typeInto("#field-replication-expected-lag", "200 ms");
        assertThat(fx(() -> ((Label) inSection("#field-replication-expected-lag-value")).getText())).isEqualTo("→ 0.2 s");
        choose("#field-replication-failover-mode", "Automatic");

        select("backup");
        typeInto("#field-backup-recovery-rpo", "15 min");
        assertThat(fx(() -> ((Label) inSection("#field-backup-recovery-rpo-value")).getText())).isEqualTo("→ 900 s");
        choose("#field-backup-strategy-type", "Incremental");

        select("lifecycle");
        typeInto("#field-lifecycle-creation", "At checkout");
        waitIdle();

        Design d = design();
        assertThat(d.name()).isEqualTo("Checkout service");
        assertThat(d.persistence().dataElements()).singleElement().satisfies(e -> {
            assertThat(e.name()).isEqualTo("orders");
            assertThat(e.description()).isEqualTo("One row per checkout");
            assertThat(e.reason()).isEqualTo("Fulfilment");
            assertThat(e.sizeEstimate().text()).isEqualTo("2 KB per row x 10M rows");
        });
        assertThat(d.schema().sql()).isEqualTo("CREATE TABLE orders (id BIGINT PRIMARY KEY);");
        assertThat(d.schema().dialect()).isEqualTo(dev.quorum.model.SqlDialect.POSTGRESQL);
        assertThat(d.queries()).singleElement().satisfies(q -> {
            assertThat(q.name()).isEqualTo("orders by id");
            assertThat(q.purpose()).isEqualTo("Order page");
            assertThat(q.frequency().text()).isEqualTo("50/s");
        });
        assertThat(d.concurrency().writes().handling()).isEqualTo("SELECT ... FOR UPDATE");
        assertThat(d.sharing().sharedData()).singleElement().satisfies(s -> {
            assertThat(s.data()).isEqualTo("sessions");
            assertThat(s.components()).containsExactly("api", "worker");
        });
        assertThat(d.consistency().model()).isEqualTo(ConsistencyModel.STRONG);
        assertThat(d.replication().expectedLag()).isEqualTo(Duration.of("200 ms"));
        assertThat(d.replication().failover().mode()).isEqualTo(FailoverMode.AUTOMATIC);
        assertThat(d.backup().recovery().rpo()).isEqualTo(Duration.of("15 min"));
        assertThat(d.backup().strategy().type()).isEqualTo(BackupType.INCREMENTAL);
        assertThat(d.lifecycle().creation()).isEqualTo("At checkout");
        assertThat(title()).isEqualTo("Quorum — Checkout service *");

        // Saved through the window's save (File > Save As with the file chosen), then read back from disk.
        Path file = dir.resolve("checkout");
        fxRun(() -> app.model().files().saveAs(file));
        waitIdle();
        Path written = dir.resolve("checkout.quorum.yaml");
        assertThat(service.open(written).design()).isEqualTo(d);
        assertThat(title()).isEqualTo("Quorum — Checkout service");
        assertThat(robot.lookup("#status-saved").queryLabeled().getText()).isEqualTo("Saved");
    }

    @Test
    void tableRowsAreAddedRemovedMovedAndEditedFromTheKeyboard() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        select("persistence");
        TableView<?> table = inSection("#table-persistence-data-elements");
        // Select the first row's name cell, then add a row below it with Insert and type its name.
        // The first row is selected already, so clicking its cell starts editing it, as in any JavaFX table;
        // Escape leaves the cell with the table focused.
        robot.clickOn(robot.from(table).lookup(".table-cell").match((Node n) -> n instanceof javafx.scene.control.TableCell<?, ?> c
                && c.getIndex() == 0 && "name".equals(c.getTableColumn().getId())).<Node>query());
        robot.push(KeyCode.ESCAPE);
        waitUntil(table::isFocused);
        robot.push(KeyCode.INSERT);
        waitUntil(() -> design().persistence().dataElements().size() == 3);
        assertThat(design().persistence().dataElements().get(1).name()).isEmpty();
        robot.write("payments");
        robot.push(KeyCode.ENTER);
        waitUntil(() -> "payments".equals(design().persistence().dataElements().get(1).name()));
        assertThat(design().persistence().dataElements()).extracting(e -> e.name()).containsExactly("users", "payments", "orders");

        // Alt+Down moves it below orders; Delete removes it; Ctrl+Z brings it back.
        robot.push(KeyCode.ALT, KeyCode.DOWN);
        waitUntil(() -> design().persistence().dataElements().get(2).name().equals("payments"));
        robot.push(KeyCode.DELETE);
        waitUntil(() -> design().persistence().dataElements().size() == 2);
        assertThat(design().persistence().dataElements()).extracting(e -> e.name()).containsExactly("users", "orders");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> design().persistence().dataElements().size() == 3);
        assertThat(design().persistence().dataElements()).extracting(e -> e.name()).containsExactly("users", "orders", "payments");

        // The buttons do the same: remove the selected row, then add one at the end of an emptied table.
        fxRun(() -> app.model().design().section(dev.quorum.ui.section.PersistenceViewModel.class).dataElements().select(0));
        clickIn("#table-persistence-data-elements-remove");
        waitUntil(() -> design().persistence().dataElements().size() == 2);
        assertThat(design().persistence().dataElements()).extracting(e -> e.name()).containsExactly("orders", "payments");
        assertThat(fx(() -> table.getItems().size())).isEqualTo(2);
    }

    @Test
    void aFindingAppearsWhileTypingAndDisappearsWhenFixed() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        waitIdle();
        assertThat(problems()).noneMatch(f -> f.ruleId().equals("completeness.unreadable-quantity"));
        select("backup");
        typeInto("#field-backup-recovery-rpo", "soonish");
        waitUntil(() -> app.view().problems().table().getItems().stream()
                .anyMatch(f -> f.ruleId().equals("completeness.unreadable-quantity")
                        && f.location().path().equals("backup.recovery.rpo")));
        Control rpo = inSection("#field-backup-recovery-rpo");
        waitUntil(() -> !FindingDecorations.shown(rpo).isEmpty());
        // Hovering the finding in the problems panel shows its fix.
        TableView<Finding> problemsTable = app.view().problems().table();
        fxRun(() -> problemsTable.scrollTo(problemsTable.getItems().stream()
                .filter(f -> f.ruleId().equals("completeness.unreadable-quantity")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(robot.from(problemsTable).lookup(".table-row-cell").match((Node n) ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof Finding f
                        && f.ruleId().equals("completeness.unreadable-quantity")).<Node>query());
        waitUntil(() -> javafx.stage.Window.getWindows().stream().anyMatch(w -> w instanceof javafx.scene.control.Tooltip t
                && t.isShowing() && t.getText().contains("Fix: Write the figure with a unit")));
        assertThat(fx(() -> rpo.getPseudoClassStates().toString())).contains("finding-error");
        assertThat(fx(() -> ((Label) inSection("#field-backup-recovery-rpo-value")).getText())).startsWith("⚠ cannot be read");
        Label treeBadge = robot.from(robot.lookup("#tree-backup").queryAs(Node.class)).lookup(".findings-badge").query();
        assertThat(fx(treeBadge::getText)).contains("1 error");
        assertThat(robot.lookup("#problems-errors").queryLabeled().getText()).isEqualTo("1 error");
        assertThat(robot.lookup("#status-findings").queryLabeled().getText()).startsWith("1 error,");

        typeInto("#field-backup-recovery-rpo", "15 min");
        waitUntil(() -> app.view().problems().table().getItems().stream()
                .noneMatch(f -> f.ruleId().equals("completeness.unreadable-quantity")));
        waitUntil(() -> FindingDecorations.shown(rpo).isEmpty());
        assertThat(fx(() -> rpo.getPseudoClassStates().toString())).doesNotContain("finding-error");
        assertThat(fx(treeBadge::getText)).doesNotContain("error");
    }

    @Test
    void doubleClickingAFindingGoesToItsFieldAndItsRow() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        waitIdle();
        select("lifecycle");
        // The shared-data finding points into row 0 of a table in another section.
        TableView<Finding> problemsTable = app.view().problems().table();
        int row = fx(() -> {
            for (int i = 0; i < problemsTable.getItems().size(); i++) {
                if (problemsTable.getItems().get(i).location().path().equals("sharing.shared_data[0].synchronization")) {
                    return i;
                }
            }
            return -1;
        });
        assertThat(row).isNotNegative();
        fxRun(() -> problemsTable.scrollTo(row));
        WaitForAsyncUtils.waitForFxEvents();
        // The row is found by its finding, not its index: a validation that lands meanwhile may re-sort the table.
        // The whole effect is the condition, so that a retried double-click that steals the focus is retried too.
        TableView<?> shared = nodes(fx(() -> app.view().sectionView("sharing").root()), TableView.class).stream()
                .filter(t -> "table-sharing-shared-data".equals(t.getId())).findFirst().orElseThrow();
        actUntil(() -> robot.doubleClickOn(robot.from(problemsTable).lookup(".table-row-cell").match((Node n) ->
                n instanceof javafx.scene.control.TableRow<?> r && r.getItem() instanceof Finding f
                        && f.location().path().equals("sharing.shared_data[0].synchronization")).<Node>query(),
                MouseButton.PRIMARY), () -> "section-sharing".equals(shownSection().getId())
                        && shared.isFocused() && shared.getFocusModel().getFocusedCell().getRow() == 0
                        && "synchronization".equals(shared.getFocusModel().getFocusedCell().getTableColumn().getId()),
                java.time.Duration.ofSeconds(5));

        // And a field finding focuses the field itself.
        fxRun(() -> app.view().reveal("backup", "backup.recovery.rpo", 0));
        waitUntil(() -> focusOwner() != null && "field-backup-recovery-rpo".equals(focusOwner().getId()));
    }

    @Test
    void undoAndRedoCoverTypingChoicesAndRows() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        // The robot's typing is a burst whatever the machine's load: what merges is decided by the session's clock.
        fxRun(() -> app.model().design().session().useClock(() -> 1_000L));
        select("consistency");
        typeInto("#field-consistency-justification", "Money");
        waitUntil(() -> design().consistency().justification().equals("Money"));
        // Clearing the field and the burst of typing after it merge into one step.
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> design().consistency().justification().equals("Customers must see their own orders."));
        assertThat(text("#field-consistency-justification")).isEqualTo("Customers must see their own orders.");
        assertThat(title()).doesNotEndWith("*");
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z);
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitUntil(() -> design().consistency().justification().equals("Money"));
        assertThat(text("#field-consistency-justification")).isEqualTo("Money");
        assertThat(title()).endsWith("*");

        choose("#field-consistency-model", "Eventual consistency");
        waitUntil(() -> design().consistency().model() == ConsistencyModel.EVENTUAL);
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> design().consistency().model() == ConsistencyModel.READ_YOUR_WRITES);
        assertThat(fx(() -> ((ComboBox<?>) inSection("#field-consistency-model")).getValue().toString()))
                .contains("read-your-writes");

        // Undo takes the window to what it changed: undoing a row removal in another section shows that table.
        select("replication");
        fxRun(() -> app.model().design().section(dev.quorum.ui.section.ReplicationViewModel.class).links().select(0));
        clickIn("#table-replication-topology-links-remove");
        waitUntil(() -> design().replication().topology().links().isEmpty());
        // Away to Data Lifecycle with its shortcut (Design › Data Lifecycle, Ctrl+9).
        robot.push(KeyCode.CONTROL, KeyCode.DIGIT9);
        waitUntil(() -> "section-lifecycle".equals(shownSection().getId()));
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> design().replication().topology().links().size() == 1);
        waitUntil(() -> "section-replication".equals(shownSection().getId()));
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitUntil(() -> design().replication().topology().links().isEmpty());
    }

    @Test
    void theSqlEditorUnderlinesTheLineAFindingPointsAt() throws Exception {
        Design base = TestDesigns.complete();
        String sql = TestDesigns.SCHEMA_SQL + "CREATE TABLE audit_log (\n  message TEXT\n);\n";
        Design withLog = dev.quorum.model.DesignPath.parse("schema.sql").with(base, sql);
        launch(write("shop.quorum.yaml", withLog));
        waitIdle();
        select("schema");
        SectionView<?> view = fx(() -> app.view().sectionView("schema"));
        var editor = fx(() -> view.editor("schema.sql").code());
        int line = (int) TestDesigns.SCHEMA_SQL.lines().count() + 1;
        waitUntil(() -> editor.findingLines().contains(line));
        List<String> styles = fx(() -> List.copyOf(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(line - 1, 3))));
        assertThat(styles).anySatisfy(s -> assertThat(s).startsWith("finding-"));
        List<String> keyword = fx(() -> List.copyOf(editor.area().getStyleOfChar(editor.area().getAbsolutePosition(0, 2))));
        assertThat(keyword).contains("code-keyword");

        // Giving the table a primary key takes the finding away, and its underline with it.
        CodeArea area = editor.area();
        fxRun(() -> area.replaceText(area.getAbsolutePosition(line, 0), area.getAbsolutePosition(line, 0),
                "  id BIGINT PRIMARY KEY,\n"));
        waitUntil(() -> !editor.findingLines().contains(line));
        assertThat(design().schema().sql()).contains("id BIGINT PRIMARY KEY,\n  message TEXT");
    }

    @Test
    void saveWritesTheFileAndImportedSqlIsOneUndoableStep() throws Exception {
        Path file = write("shop.quorum.yaml", TestDesigns.complete());
        launch(file);
        select("consistency");
        typeInto("#field-consistency-implementation", "Primary reads");
        assertThat(title()).endsWith(" *");
        assertThat(robot.lookup("#status-saved").queryLabeled().getText()).isEqualTo("Unsaved changes");
        robot.push(KeyCode.CONTROL, KeyCode.S);
        waitIdle();
        waitUntil(() -> !app.model().design().session().dirtyProperty().get());
        assertThat(service.open(file).design().consistency().implementation()).isEqualTo("Primary reads");
        assertThat(title()).doesNotEndWith("*");
        assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("shop.quorum.yaml");

        Path ddl = dir.resolve("schema.sql");
        Files.writeString(ddl, "CREATE TABLE invoices (id BIGINT PRIMARY KEY, total NUMERIC(12,2));\n");
        fxRun(() -> app.view().dropped(List.of(ddl)));
        waitIdle();
        assertThat(design().schema().sql()).contains("CREATE TABLE invoices");
        assertThat(robot.lookup("#status-message").queryLabeled().getText()).startsWith("Imported 1 table from schema.sql");
        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitUntil(() -> design().schema().sql().equals(TestDesigns.SCHEMA_SQL));
        assertThat(design().consistency().implementation()).isEqualTo("Primary reads");
    }

    @Test
    void theThemeAndTheWindowAreRememberedInTheSettingsDirectory() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        Stage stage = fx(() -> (Stage) robot.lookup("#section-host").query().getScene().getWindow());
        fxRun(() -> {
            stage.setWidth(1000);
            stage.setHeight(700);
        });
        robot.clickOn("#menu-view");
        robot.clickOn("Dark Theme");
        waitUntil(() -> stage.getScene().getRoot().getStyleClass().contains("theme-dark"));
        assertThat(fx(() -> stage.getScene().getStylesheets())).anySatisfy(s -> assertThat(s).endsWith("dark.css"));
        org.testfx.api.FxToolkit.cleanupApplication(app);
        app = null;
        String settings = Files.readString(home.resolve("workbench.properties"));
        assertThat(settings).contains("theme=dark").contains("window.width=1000.0").contains("window.height=700.0")
                .contains("recent.0=" + dir.resolve("shop.quorum.yaml").toAbsolutePath().normalize());

        launch(null);
        Stage again = fx(() -> (Stage) robot.lookup("#section-host").query().getScene().getWindow());
        assertThat(fx(() -> again.getScene().getRoot().getStyleClass())).contains("theme-dark");
        assertThat(fx(again::getWidth)).isEqualTo(1000.0);
        fxRun(() -> dev.quorum.ui.settings.Theme.LIGHT.apply(again.getScene()));
    }
}
