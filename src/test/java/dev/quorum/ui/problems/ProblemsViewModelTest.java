package dev.quorum.ui.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.service.DesignService;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Location;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.ListChangeListener;
import org.junit.jupiter.api.Test;

/** New findings reach the problems list as the changes they are, so that the table redraws only those rows. */
class ProblemsViewModelTest {

    private static Finding finding(String rule, String path) {
        return new Finding(rule, Severity.WARNING, new Location("persistence", "", path, 0), rule + " at " + path, "");
    }

    /** Each change the list announced, as "+added -removed @from", with replacements told apart. */
    private static List<String> record(ProblemsViewModel model) {
        List<String> changes = new ArrayList<>();
        model.visible().addListener((ListChangeListener<Finding>) c -> {
            while (c.next()) {
                changes.add((c.wasReplaced() ? "replaced " : "") + "+" + c.getAddedSize() + " -" + c.getRemovedSize()
                        + " @" + c.getFrom());
            }
        });
        return changes;
    }

    private final Finding a = finding("a", "persistence.data_elements[1]");
    private final Finding b = finding("b", "persistence.data_elements[2]");
    private final Finding c = finding("c", "persistence.data_elements[3]");
    private final Finding d = finding("d", "persistence.data_elements[4]");

    @Test
    void oneChangedFindingIsOneRemovalAndOneAdditionNotAReplacementOfTheList() {
        ProblemsViewModel model = new ProblemsViewModel(new DesignService().template());
        model.show(new FindingsIndex(List.of(a, b, c)));
        Finding firstBefore = model.visible().get(0);
        List<String> changes = record(model);

        Finding changed = finding("b", "persistence.data_elements[9]");
        model.show(new FindingsIndex(List.of(a, changed, c)));

        assertThat(model.visible()).containsExactly(a, changed, c);
        // A replacement would make the table rebuild every row; a removal and an addition redraw the rows below.
        assertThat(changes).containsExactly("+0 -1 @1", "+1 -0 @1");
        assertThat(model.visible().get(0)).isSameAs(firstBefore);
    }

    @Test
    void addedAndRemovedFindingsTouchOnlyTheirPlace() {
        ProblemsViewModel model = new ProblemsViewModel(new DesignService().template());
        model.show(new FindingsIndex(List.of(a, b, c)));
        List<String> changes = record(model);

        model.show(new FindingsIndex(List.of(a, b, d, c)));
        model.show(new FindingsIndex(List.of(a, d, c)));
        model.show(new FindingsIndex(List.of(a, d, c)));

        assertThat(model.visible()).containsExactly(a, d, c);
        assertThat(changes).containsExactly("+1 -0 @2", "+0 -1 @1");
    }

    @Test
    void entirelyNewFindingsReplaceTheList() {
        ProblemsViewModel model = new ProblemsViewModel(new DesignService().template());
        model.show(new FindingsIndex(List.of(a, b)));
        model.show(new FindingsIndex(List.of(c, d)));
        assertThat(model.visible()).containsExactly(c, d);
        model.show(FindingsIndex.EMPTY);
        assertThat(model.visible()).isEmpty();
        assertThat(model.all()).isEmpty();
    }
}
