package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.ui.problems.FindingsIndex;
import dev.quorum.ui.section.PersistenceViewModel;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Location;
import dev.quorum.validate.Severity;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** New findings restyle the table cells they point at, and only those: the table keeps its cells. */
class RowTableFindingsTest extends FxTestSupport {

    @TempDir
    Path dir;

    private TableView<?> table() {
        return robot.lookup("#table-persistence-data-elements").query();
    }

    private Set<TableCell<?, ?>> cells() {
        return fx(() -> robot.from(table()).lookup(".table-cell").queryAll().stream()
                .filter(n -> n instanceof TableCell<?, ?> c && !c.isEmpty() && c.getTableColumn() != null)
                .map(n -> (TableCell<?, ?>) n).collect(Collectors.toSet()));
    }

    private TableCell<?, ?> cell(Set<TableCell<?, ?>> cells, int row, String column) {
        return cells.stream().filter(c -> c.getIndex() == row && column.equals(c.getTableColumn().getId())).findFirst()
                .orElseThrow();
    }

    private static boolean marked(Node n) {
        return n.getPseudoClassStates().toString().contains("finding-error");
    }

    @Test
    void findingsRestyleTheirCellsWithoutRebuildingTheTable() throws Exception {
        Path file = dir.resolve("shop.quorum.yaml");
        new DesignService().save(DesignFile.of(TestDesigns.complete()), file);
        launch(file);
        fxRun(() -> app.view().tree().select("persistence"));
        waitIdle();
        WaitForAsyncUtils.waitForFxEvents();
        PersistenceViewModel persistence = fx(() -> app.model().design().section(PersistenceViewModel.class));
        Set<TableCell<?, ?>> before = cells();
        assertThat(before).isNotEmpty();
        assertThat(fx(() -> marked(cell(before, 1, "name")))).isFalse();

        Finding onName = new Finding("test.rule", Severity.ERROR,
                new Location("persistence", "", "persistence.data_elements[1].name", 0), "bad name", "rename it");
        fxRun(() -> persistence.showFindings(new FindingsIndex(List.of(onName))));
        WaitForAsyncUtils.waitForFxEvents();

        Set<TableCell<?, ?>> after = cells();
        // The same cells, restyled in place: a rebuilt table would have made new ones.
        assertThat(after).isEqualTo(before);
        assertThat(fx(() -> marked(cell(after, 1, "name")))).isTrue();
        assertThat(fx(() -> marked(cell(after, 0, "name")))).isFalse();
        assertThat(fx(() -> cell(after, 1, "name").getAccessibleText())).contains("1 finding");

        fxRun(() -> persistence.showFindings(FindingsIndex.EMPTY));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> marked(cell(after, 1, "name")))).isFalse();
        assertThat(cells()).isEqualTo(before);
    }
}
