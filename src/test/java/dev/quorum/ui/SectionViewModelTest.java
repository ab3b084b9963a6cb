package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.RecoveryPlan;
import dev.quorum.service.DesignService;
import dev.quorum.ui.section.BackupViewModel;
import dev.quorum.ui.section.PersistenceViewModel;
import dev.quorum.ui.section.QueriesViewModel;
import dev.quorum.ui.section.ReplicationViewModel;
import dev.quorum.ui.section.SchemaViewModel;
import dev.quorum.ui.section.SectionViewModel;
import dev.quorum.ui.section.ValueFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The view models without a screen: JavaFX properties and lists work without the toolkit running. */
class SectionViewModelTest {

    private final DesignService service = new DesignService();
    private final DesignViewModel design = new DesignViewModel(service);

    @Test
    void oneViewModelPerTemplateSectionInTemplateOrder() {
        assertThat(design.sections()).extracting(SectionViewModel::id).containsExactly(
                "persistence", "schema", "queries", "concurrency", "sharing", "consistency", "replication", "backup", "lifecycle");
        assertThat(design.sections()).extracting(SectionViewModel::title)
                .containsExactlyElementsOf(service.template().sections().stream().map(s -> s.title()).toList());
    }

    @Test
    void persistenceShowsRowsWithParsedSizesAndTemplateLabels() {
        design.designFileProperty().set(DesignFile.of(TestDesigns.complete()));
        PersistenceViewModel p = design.section(PersistenceViewModel.class);

        assertThat(p.dataElements().label()).isEqualTo("Data elements");
        assertThat(p.dataElements().columns()).extracting(c -> c.label())
                .containsExactly("Data Element", "Description", "Reason for Storage", "Size Estimate");
        assertThat(p.dataElements().columnTexts(0)).containsExactly("users", "orders");
        assertThat(p.dataElements().cell(0, 3).text()).isEqualTo("1 KB per row x 5M rows");
        assertThat(p.dataElements().cell(0, 3).detail()).isEqualTo("→ 5 GB");
        assertThat(p.storageChoices().cell(0, 1).text()).isEqualTo("Relational database (SQL)");
        assertThat(p.missingCount()).isZero();
        assertThat(p.badgeProperty().get()).isEqualTo("✓ complete");
        assertThat(design.statusTextProperty().get()).isEqualTo("complete");
    }

    @Test
    void backupShowsQuantitiesWithTheirValueInSeconds() {
        design.designFileProperty().set(DesignFile.of(TestDesigns.complete()));
        BackupViewModel b = design.section(BackupViewModel.class);

        assertThat(b.recovery().field("rpo").text()).isEqualTo("15 min");
        assertThat(b.recovery().field("rpo").detail()).isEqualTo("→ 900 s");
        assertThat(b.strategy().field("frequency").detail()).isEqualTo("→ 86,400 s (24 h)");
        assertThat(b.strategy().field("continuous_log_shipping").text()).isEqualTo("Yes");
        assertThat(b.strategy().field("type").text()).isEqualTo("Full");
        assertThat(b.strategy().field("type").detail()).isEqualTo("Every backup copies everything.");
        assertThat(b.recovery().field("rpo").label()).isEqualTo("RPO (Recovery Point Objective)");
    }

    @Test
    void missingAndUnreadableFieldsAreCountedPerSection() {
        Design full = TestDesigns.complete();
        // Drop the RPO and make the RTO unreadable; remove the data elements entirely.
        Design broken = new Design(full.name(), full.summary(),
                new dev.quorum.model.DataPersistence(List.of(), full.persistence().storageChoices()),
                full.schema(), full.queries(), full.concurrency(), full.sharing(), full.consistency(), full.replication(),
                new dev.quorum.model.BackupRecovery(full.backup().strategy(),
                        new RecoveryPlan(Duration.of("soonish"), Duration.UNSPECIFIED, "Restore.", Duration.of("quarterly"))),
                full.lifecycle());
        design.designFileProperty().set(DesignFile.of(broken));

        BackupViewModel b = design.section(BackupViewModel.class);
        assertThat(b.missingCount()).isEqualTo(1);
        assertThat(b.unreadableCount()).isEqualTo(1);
        assertThat(b.badgeProperty().get()).isEqualTo("1 missing, 1 unreadable");
        assertThat(b.recovery().field("rpo").isEmpty()).isTrue();
        assertThat(b.recovery().field("rto").problem()).isTrue();
        assertThat(b.recovery().field("rto").detail()).startsWith("⚠ cannot be read: ").contains("soonish");
        assertThat(b.gaps()).anySatisfy(g -> assertThat(g).contains("RPO (Recovery Point Objective)").contains("empty"));

        PersistenceViewModel p = design.section(PersistenceViewModel.class);
        assertThat(p.missingCount()).isEqualTo(1);
        assertThat(p.dataElements().rows()).isEmpty();
        assertThat(p.badgeProperty().get()).isEqualTo("1 missing");

        assertThat(design.section(ReplicationViewModel.class).missingCount()).isZero();
        assertThat(design.missingCountProperty().get()).isEqualTo(2);
        assertThat(design.statusTextProperty().get()).isEqualTo("2 fields missing, 1 unreadable");
    }

    @Test
    void anEmptyDesignIsMissingEverySectionsRequiredFields() {
        design.designFileProperty().set(service.create("Blank"));
        ReplicationViewModel r = design.section(ReplicationViewModel.class);
        // strategy 1, topology datacenters/nodes/links 3, expected lag 1, failover mode/detection/promotion/process 4
        assertThat(r.missingCount()).isEqualTo(9);
        assertThat(r.badgeProperty().get()).isEqualTo("9 missing");
        assertThat(r.strategy().isEmpty()).isTrue();
        assertThat(r.strategy().text()).isEmpty();
        assertThat(r.nodes().rows()).isEmpty();
        assertThat(design.sections()).allSatisfy(s -> assertThat(s.missingCount()).isPositive());
    }

    @Test
    void replicationShowsTopologyAndFailover() {
        design.designFileProperty().set(DesignFile.of(TestDesigns.complete()));
        ReplicationViewModel r = design.section(ReplicationViewModel.class);

        assertThat(r.strategy().text()).isEqualTo("Primary-replica (master-slave)");
        assertThat(r.strategy().detail()).contains("One primary takes writes");
        assertThat(r.datacenters().columnTexts(1)).containsExactly("Frankfurt", "Dublin");
        assertThat(r.nodes().cell(1, 2).text()).isEqualTo("Replica");
        assertThat(r.links().cell(0, 3).text()).isEqualTo("200 ms");
        assertThat(r.links().cell(0, 3).detail()).isEqualTo("→ 0.2 s");
        assertThat(r.expectedLag().text()).isEqualTo("< 1 s");
        // "30 s" is already in the base unit, so there is nothing to add; "1 min" gets its seconds.
        assertThat(r.failover().field("detection_time").detail()).isEmpty();
        assertThat(r.failover().field("promotion_time").detail()).isEqualTo("→ 60 s");
        assertThat(r.digestProperty().get()).contains("2 datacenters, 2 nodes, 1 link");
    }

    @Test
    void queriesFollowTheSelectedRow() {
        design.designFileProperty().set(DesignFile.of(TestDesigns.complete()));
        QueriesViewModel q = design.section(QueriesViewModel.class);

        assertThat(q.queries().columnTexts(0)).containsExactly("orders by user", "place order");
        // "200/s" needs no translation; "1,500 orders/min" does.
        int frequency = q.queries().columnIndex("frequency");
        assertThat(q.queries().cell(0, frequency).text()).isEqualTo("200/s");
        assertThat(q.queries().cell(0, frequency).detail()).isEmpty();
        assertThat(q.queries().cell(1, frequency).detail()).isEqualTo("→ 25/s");
        assertThat(q.selectedSql().text()).startsWith("SELECT id, status FROM orders");
        q.queries().select(1);
        assertThat(q.selectedSql().text()).startsWith("INSERT INTO orders");
        assertThat(q.selectedReason().text()).isEqualTo("Revenue");
    }

    @Test
    void schemaShowsSqlAndTheFirstDocument() {
        design.designFileProperty().set(DesignFile.of(TestDesigns.complete()));
        SchemaViewModel s = design.section(SchemaViewModel.class);
        assertThat(s.dialect().text()).isEqualTo("PostgreSQL");
        assertThat(s.sql().text()).contains("CREATE TABLE users");
        assertThat(s.selectedJson().text()).contains("\"user_id\": 42");
    }

    @Test
    void aNewDesignReplacesTheOldValues() {
        design.show(DesignFile.of(TestDesigns.complete()), null, "first");
        design.show(DesignFile.of(new Design("Other", "", null, null, null, null, null, null, null, null, null)), null, "second");
        assertThat(design.nameProperty().get()).isEqualTo("Other");
        assertThat(design.sourceProperty().get()).isEqualTo("second");
        assertThat(design.section(PersistenceViewModel.class).dataElements().rows()).isEmpty();
    }

    @Test
    void quantitiesShowTextAndParsedValue() {
        assertThat(ValueFormat.quantity(Duration.of("15 min")).detail()).isEqualTo("→ 900 s");
        assertThat(ValueFormat.quantity(Duration.of("daily")).detail()).isEqualTo("→ 86,400 s (24 h)");
        assertThat(ValueFormat.quantity(DataSize.of("2 KB per row x 10M rows")).detail()).isEqualTo("→ 20 GB");
        assertThat(ValueFormat.quantity(Duration.of("never")).detail()).isEmpty();
        assertThat(ValueFormat.quantity(Duration.of("no backups, never")).problem()).isTrue();
        var bad = ValueFormat.quantity(Duration.of("15"));
        assertThat(bad.problem()).isTrue();
        assertThat(bad.text()).isEqualTo("15");
        assertThat(bad.detail()).contains("has no unit");
        assertThat(ValueFormat.quantity(Duration.UNSPECIFIED).isEmpty()).isTrue();
        assertThat(ValueFormat.describe(List.of("a", "b")).text()).isEqualTo("a, b");
        assertThat(ValueFormat.describe(new DataElement("", "", "", null).name()).shown()).isEqualTo("Not specified");
    }
}
