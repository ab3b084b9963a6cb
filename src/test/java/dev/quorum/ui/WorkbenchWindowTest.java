package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.model.Design;
import dev.quorum.model.StorageChoice;
import dev.quorum.service.DesignService;
import dev.quorum.service.SampleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The real window, headless: start-up, the nine section views, the preview, bad and hostile input. */
class WorkbenchWindowTest extends FxTestSupport {

    private final DesignService service = new DesignService();

    @TempDir
    Path dir;

    private Path write(String fileName, Design design) throws Exception {
        Path file = dir.resolve(fileName);
        service.save(DesignFile.of(design), file);
        return file;
    }

    private Node sectionHost() {
        return robot.lookup("#section-host").query();
    }

    private Node shownSection() {
        return fx(() -> ((StackPane) sectionHost()).getChildren().get(0));
    }

    private <T extends Node> T inSection(String selector) {
        return robot.from(shownSection()).lookup(selector).query();
    }

    private String label(String selector) {
        return fx(() -> ((Label) inSection(selector)).getText());
    }

    /** What an editor shows: a text field's text, an option list's label, or the code editor's text. */
    private String value(String selector) {
        return fx(() -> {
            Node n = inSection(selector);
            if (n instanceof javafx.scene.control.TextInputControl t) {
                return t.getText();
            }
            if (n instanceof javafx.scene.control.ComboBox<?> c) {
                return ((dev.quorum.template.TemplateOption) c.getValue()).label();
            }
            return ((org.fxmisc.richtext.CodeArea) n).getText();
        });
    }

    private void select(String sectionId) {
        clickTreeItem(sectionId);
        waitUntil(() -> ("section-" + sectionId).equals(shownSection().getId()));
    }

    /**
     * Every text the preview shows, top to bottom: the preview is a virtualized list, so it is scrolled
     * through and what each screen shows is collected.
     */
    private List<String> allPreviewTexts() {
        Node preview = robot.lookup("#preview").query();
        int n = fx(() -> app.view().preview().blocks().size());
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < n; i += 2) {
            int at = i;
            fxRun(() -> app.view().preview().scrollTo(at));
            WaitForAsyncUtils.waitForFxEvents();
            texts(preview).forEach(t -> out.add(t.getText()));
        }
        fxRun(() -> app.view().preview().scrollTo(0));
        WaitForAsyncUtils.waitForFxEvents();
        return out;
    }

    private int firstBlock(Class<?> type) {
        return fx(() -> {
            List<dev.quorum.ui.preview.MdBlock> blocks = app.view().preview().blocks();
            for (int i = 0; i < blocks.size(); i++) {
                if (type.isInstance(blocks.get(i))) {
                    return i;
                }
            }
            return -1;
        });
    }

    private long stages() {
        return fx(() -> javafx.stage.Window.getWindows().stream().filter(w -> w instanceof javafx.stage.Stage && w.isShowing()).count());
    }

    @Test
    void startsWithTheBundledEcommerceSample() throws Exception {
        launch(null);
        DesignViewModel design = app.model().design();
        if (app.model().sampleAvailable(WorkbenchViewModel.DEFAULT_SAMPLE)) {
            Design sample = service.openSample(WorkbenchViewModel.DEFAULT_SAMPLE).design();
            assertThat(fx(() -> design.nameProperty().get())).isEqualTo(sample.name());
            assertThat(fx(() -> design.sourceProperty().get())).isEqualTo("sample: ecommerce.quorum.yaml");
            assertThat(robot.lookup("#status-source").queryLabeled().getText()).isEqualTo("sample: ecommerce.quorum.yaml");
            assertThat(fx(() -> app.model().errorMessageProperty().get())).isEmpty();
            TableView<?> elements = inSection("#table-persistence-data-elements");
            assertThat(fx(() -> elements.getItems().size())).isEqualTo(sample.persistence().dataElements().size());
            String first = sample.persistence().dataElements().get(0).name();
            assertThat(texts(elements)).extracting(Text::getText).contains(first);
            assertThat(fx(() -> ((javafx.stage.Stage) sectionHost().getScene().getWindow()).getTitle()))
                    .isEqualTo("Quorum — " + sample.name());
        } else {
            // The samples are written separately; without one the window still opens, on an empty design.
            assertThat(fx(() -> design.nameProperty().get())).isEqualTo("Untitled design");
            assertThat(fx(() -> app.model().errorMessageProperty().get())).contains("ecommerce.quorum.yaml");
        }
        assertThat(robot.lookup("#tree-persistence").tryQuery()).isPresent();
    }

    @Test
    void everySectionShowsItsContentFromTheDesign() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        Map<String, Consumer<Node>> checks = Map.of(
                "persistence", view -> {
                    TableView<?> t = inSection("#table-persistence-data-elements");
                    assertThat(texts(t)).extracting(Text::getText).contains("users", "orders", "1 KB per row x 5M rows", "→ 5 GB");
                    assertThat(texts(inSection("#table-persistence-storage-choices"))).extracting(Text::getText)
                            .contains("PostgreSQL 16");
                },
                "schema", view -> {
                    assertThat(value("#field-schema-sql")).contains("CREATE TABLE users");
                    assertThat(value("#field-schema-dialect")).isEqualTo("PostgreSQL");
                    assertThat(value("#field-schema-documents-json")).contains("\"user_id\"");
                },
                "queries", view -> {
                    assertThat(texts(inSection("#table-queries"))).extracting(Text::getText).contains("orders by user", "place order");
                    assertThat(value("#field-queries-sql")).startsWith("SELECT id, status");
                },
                "concurrency", view -> assertThat(value("#field-concurrency-writes-handling")).isEqualTo("SELECT ... FOR UPDATE"),
                "sharing", view -> {
                    assertThat(texts(inSection("#table-sharing-shared-data"))).extracting(Text::getText).contains("sessions", "api, worker");
                    assertThat(texts(inSection("#table-sharing-diagram-edges"))).extracting(Text::getText).contains("writes orders");
                },
                "consistency", view -> {
                    assertThat(value("#field-consistency-model")).isEqualTo("Read-your-writes consistency");
                    assertThat(label("#field-consistency-model-help")).startsWith("A client always sees its own writes.");
                    assertThat(value("#field-consistency-justification")).isEqualTo("Customers must see their own orders.");
                },
                "replication", view -> {
                    assertThat(texts(inSection("#table-replication-topology-nodes"))).extracting(Text::getText)
                            .contains("pg-primary", "PostgreSQL replica");
                    assertThat(value("#field-replication-expected-lag")).isEqualTo("< 1 s");
                    assertThat(label("#field-replication-expected-lag-value")).isEqualTo("→ 1 s");
                    assertThat(value("#field-replication-failover-mode")).isEqualTo("Automatic");
                },
                "backup", view -> {
                    assertThat(value("#field-backup-recovery-rpo")).isEqualTo("15 min");
                    assertThat(label("#field-backup-recovery-rpo-value")).isEqualTo("→ 900 s");
                    assertThat(value("#field-backup-strategy-location")).isEqualTo("S3 in another region");
                },
                "lifecycle", view -> {
                    assertThat(value("#field-lifecycle-retention-period")).isEqualTo("7 years");
                    assertThat(value("#field-lifecycle-deletion-mode")).isEqualTo("Soft delete");
                });
        for (String id : List.of("persistence", "schema", "queries", "concurrency", "sharing", "consistency", "replication",
                "backup", "lifecycle")) {
            select(id);
            assertThat(label(".section-title")).isEqualTo(service.template().section(id).orElseThrow().title());
            assertThat(label(".badge")).isEqualTo("✓ complete");
            checks.get(id).accept(shownSection());
        }
        assertThat(robot.lookup("#status-completeness").queryLabeled().getText()).isEqualTo("complete");
    }

    @Test
    void anEmptyFieldSaysNotSpecifiedAndTheTreeCountsWhatIsMissing() throws Exception {
        launch(write("blank.quorum.yaml", Design.empty("Blank")));
        select("backup");
        assertThat(value("#field-backup-recovery-rpo")).isEmpty();
        assertThat(fx(() -> ((javafx.scene.control.TextField) inSection("#field-backup-recovery-rpo")).getPromptText()))
                .isEqualTo("a duration, for example 15 min");
        assertThat(value("#field-backup-strategy-type")).isEqualTo("Not specified");
        Label badge = robot.from(robot.lookup("#tree-backup").queryAs(Node.class)).lookup(".badge").query();
        assertThat(fx(badge::getText)).matches("\\d+ missing");
        assertThat(robot.lookup("#status-completeness").queryLabeled().getText()).matches("\\d+ fields missing");
    }

    @Test
    void thePreviewShowsTheTemplateHeadingsAndTables() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        waitUntil(() -> !app.model().preview().blocksProperty().get().isEmpty());
        waitIdle();
        Node preview = robot.lookup("#preview").query();
        List<String> all = allPreviewTexts().stream().map(String::strip).toList();
        assertThat(all).contains("Design - Data and Consistency Issues", "Data Persistence", "Backup and Recovery",
                "Data Replication", "Test shop");
        int table = firstBlock(dev.quorum.ui.preview.MdBlock.Table.class);
        fxRun(() -> app.view().preview().scrollTo(table));
        WaitForAsyncUtils.waitForFxEvents();
        List<GridPane> tables = nodes(preview, GridPane.class).stream()
                .filter(g -> g.getStyleClass().contains("md-table")).toList();
        assertThat(tables).isNotEmpty();
        assertThat(texts(tables.get(0))).extracting(Text::getText).contains("Data Element", "users");
        int code = firstBlock(dev.quorum.ui.preview.MdBlock.CodeBlock.class);
        fxRun(() -> app.view().preview().scrollTo(code));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(nodes(preview, Label.class)).extracting(Label::getText).anySatisfy(t -> assertThat(t).contains("CREATE TABLE users"));
        // Only the blocks on screen have nodes: the preview of any design stays cheap to lay out.
        assertThat(nodes(preview, GridPane.class).size()).isLessThan(fx(() -> app.view().preview().blocks().size()));
    }

    @Test
    void aMalformedFileShowsOneLineWithItsLineNumberAndKeepsTheOpenDesign() throws Exception {
        Path good = write("shop.quorum.yaml", TestDesigns.complete());
        launch(good);
        Path bad = dir.resolve("bad.quorum.yaml");
        Files.writeString(bad, "quorum: 1\nname: [a, b]\n");

        fxRun(() -> app.model().open(bad));
        waitIdle();

        String message = robot.lookup("#error-message").queryLabeled().getText();
        assertThat(message).matches("bad\\.quorum\\.yaml:2:\\d+: name: .+").doesNotContain("\n").doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(fx(() -> robot.lookup("#error-banner").query().isVisible())).isTrue();
        assertThat(fx(() -> app.model().design().nameProperty().get())).isEqualTo("Test shop");
        assertThat(fx(() -> app.model().design().pathProperty().get())).isEqualTo(good.toAbsolutePath().normalize());
        assertThat(texts(inSection("#table-persistence-data-elements"))).extracting(Text::getText).contains("users");

        robot.clickOn("#error-dismiss");
        waitUntil(() -> !robot.lookup("#error-banner").query().isVisible());
    }

    @Test
    void startingWithABadFileShowsTheErrorOverAFallbackDesign() throws Exception {
        Path bad = dir.resolve("bad.quorum.yaml");
        Files.writeString(bad, "quorum: 1\nname: [a, b]\n");
        launch(bad);
        assertThat(robot.lookup("#error-message").queryLabeled().getText()).matches("bad\\.quorum\\.yaml:2:\\d+: name: .+");
        String expected = app.model().sampleAvailable(WorkbenchViewModel.DEFAULT_SAMPLE)
                ? service.openSample(WorkbenchViewModel.DEFAULT_SAMPLE).design().name()
                : "Untitled design";
        assertThat(fx(() -> app.model().design().nameProperty().get())).isEqualTo(expected);
        assertThat(fx(() -> ((StackPane) sectionHost()).getChildren())).hasSize(1);
    }

    @Test
    void aMissingFileIsOneLineToo() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        fxRun(() -> app.model().open(dir.resolve("nope.quorum.yaml")));
        waitIdle();
        assertThat(robot.lookup("#error-message").queryLabeled().getText()).endsWith("nope.quorum.yaml: no such file");
        assertThat(fx(() -> app.model().design().nameProperty().get())).isEqualTo("Test shop");
    }

    @Test
    void aHostileDesignRendersAsLiteralTextAndNoLinkCanBeActivated() throws Exception {
        Design hostile = TestDesigns.complete("<script>alert(1)</script>", "See [x](javascript:alert(1)) and <b>raw</b>.",
                "<img src=x onerror=alert(1)> is <i>raw HTML</i>");
        launch(write("hostile.quorum.yaml", hostile));
        waitUntil(() -> !app.model().preview().blocksProperty().get().isEmpty());
        waitIdle();
        long stagesBefore = stages();

        Node preview = robot.lookup("#preview").query();
        String all = String.join("", allPreviewTexts());
        assertThat(all).contains("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<b>raw</b>", "<i>raw HTML</i>");
        List<Text> texts = texts(preview);

        List<Text> links = texts.stream().filter(t -> t.getStyleClass().contains("md-link")).toList();
        assertThat(links).extracting(Text::getText).containsExactly("x");
        Text link = links.get(0);
        assertThat(fx(() -> link.getOnMouseClicked() == null && link.getOnMousePressed() == null
                && link.getOnMouseReleased() == null)).isTrue();
        assertThat(nodes(preview, Hyperlink.class)).isEmpty();
        assertThat(nodes(preview, ButtonBase.class)).isEmpty();
        assertThat(robot.from(preview).lookup(".hyperlink").queryAll()).isEmpty();
        assertThat(nodes(preview, Node.class)).allSatisfy(n -> assertThat(n.getOnMouseClicked()).isNull());

        // Clicking the link text opens nothing: no new stage, no dialog, and the design stays.
        robot.clickOn(link);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stages()).isEqualTo(stagesBefore);
        assertThat(fx(() -> app.model().design().nameProperty().get())).isEqualTo("<script>alert(1)</script>");

        // The name is shown as typed everywhere else too, never interpreted.
        assertThat(fx(() -> app.model().titleProperty().get())).isEqualTo("Quorum — <script>alert(1)</script>");
        select("persistence");
        assertThat(value("#field-persistence-storage-choices-justification"))
                .isEqualTo("<img src=x onerror=alert(1)> is <i>raw HTML</i>");
    }

    @Test
    void exportWritesTheMarkdownInTheBackground() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        Path out = dir.resolve("shop-export");
        fxRun(() -> app.model().exportMarkdown(out));
        waitIdle();
        Path written = dir.resolve("shop-export.md");
        assertThat(Files.readString(written)).startsWith("# Design - Data and Consistency Issues")
                .contains("## Backup and Recovery").contains("| users |");
        assertThat(robot.lookup("#status-message").queryLabeled().getText()).isEqualTo("Exported Markdown to " + written);
    }

    @Test
    void theMenusAreFileEditViewDesignHelpWithShortcuts() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        MenuBar bar = robot.lookup("#menu-bar").query();
        Menu file = fx(() -> bar.getMenus().get(0));
        assertThat(fx(() -> file.getItems().stream().map(MenuItem::getText).filter(t -> t != null).toList()))
                .containsSubsequence("New Design", "Open…", "Open Recent", "Open Sample", "Save", "Save As…",
                        "Import SQL DDL…", "Export Markdown…", "Export YAML…", "Quit");
        Map<String, String> accelerators = fx(() -> bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null && i.getText() != null)
                .collect(Collectors.toMap(MenuItem::getText, i -> i.getAccelerator().getName(), (a, b) -> a)));
        assertThat(accelerators).containsEntry("Open…", "Shortcut+O").containsEntry("Save", "Shortcut+S")
                .containsEntry("Save As…", "Shift+Shortcut+S").containsEntry("New Design", "Shortcut+N")
                .containsEntry("Undo", "Shortcut+Z").containsEntry("Redo", "Shift+Shortcut+Z")
                .containsEntry("Next Problem", "F8");
        Menu samples = fx(() -> (Menu) file.getItems().stream().filter(i -> "Open Sample".equals(i.getText())).findFirst().orElseThrow());
        assertThat(fx(() -> samples.getItems().stream().map(MenuItem::getText).toList())).isEqualTo(SampleCatalog.FILES);
        Menu recent = fx(() -> (Menu) file.getItems().stream().filter(i -> "Open Recent".equals(i.getText())).findFirst().orElseThrow());
        assertThat(fx(() -> recent.getItems().stream().map(MenuItem::getText).toList()))
                .containsExactly("shop.quorum.yaml  —  " + dir.toAbsolutePath().normalize());
        assertThat(fx(() -> bar.getMenus().stream().map(Menu::getText).toList()))
                .containsExactly("File", "Edit", "View", "Design", "Help");
        assertThat(app.model().aboutText()).startsWith("Quorum ").contains("data-and-consistency designs");
    }

    @Test
    void openingAnotherDesignUpdatesTreeSectionAndPreview() throws Exception {
        launch(write("shop.quorum.yaml", TestDesigns.complete()));
        Design other = TestDesigns.complete();
        other = new Design("Second design", other.summary(),
                new dev.quorum.model.DataPersistence(other.persistence().dataElements(),
                        List.of(new StorageChoice("users", null, "", "", ""))),
                other.schema(), other.queries(), other.concurrency(), other.sharing(), other.consistency(),
                other.replication(), other.backup(), other.lifecycle());
        Path second = write("second.quorum.yaml", other);
        fxRun(() -> app.model().open(second));
        waitIdle();
        assertThat(robot.lookup("#tree-design").lookup(".tree-title").queryLabeled().getText()).isEqualTo("Second design");
        Label badge = robot.from(robot.lookup("#tree-persistence").queryAs(Node.class)).lookup(".badge").query();
        assertThat(fx(badge::getText)).isEqualTo("4 missing");
        assertThat(texts(robot.lookup("#preview").query())).extracting(t -> t.getText().strip()).contains("Second design");
        assertThat(robot.lookup("#status-source").queryLabeled().getText()).isEqualTo(second.toAbsolutePath().normalize().toString());
    }
}
