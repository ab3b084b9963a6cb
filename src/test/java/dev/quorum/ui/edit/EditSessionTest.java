package dev.quorum.ui.edit;

import dev.quorum.model.DesignPath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quorum.io.DesignFile;
import dev.quorum.model.AccessPattern;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import dev.quorum.model.ReplicationMode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The editing core without a screen: paths, edits, merging, undo, redo and the save point. */
class EditSessionTest {

    private static Design design() {
        return DesignPath.parse("persistence.data_elements").with(Design.empty("Shop"), List.of(
                new DataElement("users", "Accounts", "Login", DataSize.of("1 KB")),
                new DataElement("orders", "Checkouts", "Fulfilment", DataSize.of("2 KB"))));
    }

    private static EditSession session() {
        EditSession s = new EditSession();
        s.load(DesignFile.of(design()));
        return s;
    }

    @Test
    void aPathReadsAndReplacesOneValueAndSharesTheRest() {
        Design d = design();
        DesignPath path = DesignPath.parse("persistence.data_elements[1].size_estimate");
        assertThat(path.get(d)).isEqualTo(DataSize.of("2 KB"));
        Design changed = path.with(d, DataSize.of("3 KB"));
        assertThat(changed.persistence().dataElements().get(1).sizeEstimate().text()).isEqualTo("3 KB");
        assertThat(changed.persistence().dataElements().get(0)).isSameAs(d.persistence().dataElements().get(0));
        assertThat(changed.backup()).isSameAs(d.backup());
        assertThat(d.persistence().dataElements().get(1).sizeEstimate().text()).isEqualTo("2 KB");
        assertThat(path.valueType(Design.class)).isEqualTo(DataSize.class);
        assertThat(DesignPath.parse("queries[0].data_accessed").valueType(Design.class)).isEqualTo(List.class);
        assertThat(DesignPath.parse("replication.topology.links").elementType(Design.class).getSimpleName())
                .isEqualTo("ReplicationLink");
        assertThat(DesignPath.parse("persistence.data_elements[7].name").get(d)).isNull();
        assertThatThrownBy(() -> DesignPath.parse("persistence.nope").get(d)).hasMessageContaining("no field 'nope'");
        assertThatThrownBy(() -> DesignPath.parse("persistence.data_elements[5].name").with(d, "x"))
                .hasMessageContaining("no row 5");
        // A new row starts empty, normalised by the record's own constructor.
        Query empty = (Query) DesignPath.emptyRecord(Query.class);
        assertThat(empty.name()).isEmpty();
        assertThat(empty.frequency()).isEqualTo(Rate.UNSPECIFIED);
        assertThat(empty.dataAccessed()).isEmpty();
    }

    @Test
    void keystrokesInOneFieldMergeIntoOneUndoStep() {
        EditSession s = session();
        s.set("name", "S", "Design name");
        s.set("name", "Sh", "Design name");
        s.set("name", "Sho", "Design name");
        assertThat(s.history().undoDepth()).isEqualTo(1);
        assertThat(s.history().undoTextProperty().get()).isEqualTo("Undo Edit Design name");
        s.set("summary", "A shop", "Summary");
        assertThat(s.history().undoDepth()).isEqualTo(2);
        assertThat(s.undo()).isTrue();
        assertThat(s.design().summary()).isEmpty();
        assertThat(s.undo()).isTrue();
        assertThat(s.design().name()).isEqualTo("Shop");
        assertThat(s.undo()).isFalse();
        assertThat(s.redo()).isTrue();
        assertThat(s.design().name()).isEqualTo("Sho");
        assertThat(s.touchedPathProperty().get()).isEqualTo("name");
    }

    @Test
    void sealingOrLeavingTheFieldStartsANewStep() {
        EditSession s = session();
        s.set("name", "A", "Design name");
        s.seal();
        s.set("name", "AB", "Design name");
        assertThat(s.history().undoDepth()).isEqualTo(2);
        SetValue first = new SetValue("name", "x", "y", "n", 1000);
        assertThat(first.mergedWith(new SetValue("name", "y", "z", "n", 1000 + SetValue.MERGE_WINDOW_MILLIS + 1))).isEmpty();
        assertThat(first.mergedWith(new SetValue("summary", "y", "z", "n", 1001))).isEmpty();
        assertThat(first.mergedWith(new SetValue("name", "y", "z", "n", 1200))).get()
                .isEqualTo(new SetValue("name", "x", "z", "n", 1200));
    }

    @Test
    void theSavePointDecidesWhetherTheDesignIsDirty() {
        EditSession s = session();
        assertThat(s.dirtyProperty().get()).isFalse();
        s.set("name", "A", "Design name");
        assertThat(s.dirtyProperty().get()).isTrue();
        s.markSaved();
        assertThat(s.dirtyProperty().get()).isFalse();
        // Typing on after a save is a new step, so that undo returns exactly to what was saved.
        s.set("name", "AB", "Design name");
        assertThat(s.dirtyProperty().get()).isTrue();
        s.undo();
        assertThat(s.dirtyProperty().get()).isFalse();
        assertThat(s.design().name()).isEqualTo("A");
        s.undo();
        assertThat(s.dirtyProperty().get()).isTrue();
        // A new edit after undoing past the save point drops the branch that held it: nothing equals the save now.
        s.set("summary", "x", "Summary");
        s.undo();
        assertThat(s.design().name()).isEqualTo("Shop");
        assertThat(s.dirtyProperty().get()).isTrue();
        // A background save of an older revision leaves newer edits dirty.
        long revision = s.revisionProperty().get();
        s.set("summary", "y", "Summary");
        assertThat(s.markSavedIfUnchanged(revision)).isFalse();
        assertThat(s.dirtyProperty().get()).isTrue();
        assertThat(s.markSavedIfUnchanged(s.revisionProperty().get())).isTrue();
        assertThat(s.dirtyProperty().get()).isFalse();
    }

    @Test
    void rowsAreInsertedRemovedAndMovedAsUndoableSteps() {
        EditSession s = session();
        s.insertRow("persistence.data_elements", 1, DesignPath.emptyRecord(DataElement.class), "data element");
        assertThat(names(s)).containsExactly("users", "", "orders");
        s.set("persistence.data_elements[1].name", "payments", "name");
        s.moveRow("persistence.data_elements", 1, 2, "data element");
        assertThat(names(s)).containsExactly("users", "orders", "payments");
        s.removeRow("persistence.data_elements", 0, "data element");
        assertThat(names(s)).containsExactly("orders", "payments");
        assertThat(s.history().undoTextProperty().get()).isEqualTo("Undo Remove data element");
        s.undo();
        assertThat(names(s)).containsExactly("users", "orders", "payments");
        s.undo();
        assertThat(names(s)).containsExactly("users", "payments", "orders");
        s.undo();
        s.undo();
        assertThat(names(s)).containsExactly("users", "orders");
        assertThat(s.dirtyProperty().get()).isFalse();
        s.redo();
        s.redo();
        s.redo();
        s.redo();
        assertThat(names(s)).containsExactly("orders", "payments");
        // Out-of-range operations are ignored rather than recorded.
        int depth = s.history().undoDepth();
        s.removeRow("persistence.data_elements", 9, "data element");
        s.moveRow("persistence.data_elements", 0, 5, "data element");
        assertThat(s.history().undoDepth()).isEqualTo(depth);
    }

    @Test
    void settingTheSameValueRecordsNothing() {
        EditSession s = session();
        long revision = s.revisionProperty().get();
        s.set("persistence.data_elements[0].name", "users", "name");
        assertThat(s.revisionProperty().get()).isEqualTo(revision);
        assertThat(s.history().canUndoProperty().get()).isFalse();
    }

    @Test
    void typedTextBecomesTheModelsValuesAndBack() {
        assertThat(ValueCodec.parse(List.class, "orders, users,\n payments ,")).isEqualTo(List.of("orders", "users", "payments"));
        assertThat(ValueCodec.format(List.of("a", "b"))).isEqualTo("a, b");
        assertThat(ValueCodec.parse(Duration.class, "15 min")).isEqualTo(Duration.of("15 min"));
        assertThat(ValueCodec.parse(Duration.class, "soonish")).isEqualTo(Duration.of("soonish"));
        assertThat(ValueCodec.parse(Boolean.class, "Yes")).isEqualTo(Boolean.TRUE);
        assertThat(ValueCodec.parse(Boolean.class, "")).isNull();
        assertThat(ValueCodec.parse(AccessPattern.class, "Read-heavy")).isEqualTo(AccessPattern.READ_HEAVY);
        assertThat(ValueCodec.option(ReplicationMode.class, "semi-sync")).isEqualTo(ReplicationMode.SEMI_SYNC);
        assertThat(ValueCodec.option(ReplicationMode.class, "")).isNull();
        assertThat(ValueCodec.optionId(Boolean.FALSE)).isEqualTo("no");
        assertThat(ValueCodec.format(Rate.of("200/s"))).isEqualTo("200/s");
        assertThat(ValueCodec.format(null)).isEmpty();
    }

    private static List<String> names(EditSession s) {
        return s.design().persistence().dataElements().stream().map(DataElement::name).toList();
    }
}
