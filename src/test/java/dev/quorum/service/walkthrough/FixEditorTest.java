package dev.quorum.service.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.DeletionMode;
import dev.quorum.model.Design;
import dev.quorum.model.StorageType;
import dev.quorum.sql.DdlImporter;
import dev.quorum.sql.SchemaModel;
import dev.quorum.sql.Table;
import dev.quorum.template.ScenarioCard;
import dev.quorum.template.ScenarioCatalog;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each scenario's fix, applied to real sample designs: adapted to the design, or refused with the reason. */
class FixEditorTest {

    private static Design sample(String name) throws Exception {
        return new DesignYaml().read(Path.of("samples/" + name + ".quorum.yaml")).design();
    }

    private static ScenarioCard card(String id) {
        return ScenarioCatalog.standard().card(id).orElseThrow();
    }

    private static SchemaModel schema(Design d) {
        return new DdlImporter().importDdl(d.schema().sql(), d.schema().dialect());
    }

    @Test
    void ghostPaymentAddsAUniqueIdempotencyKeyToThePaymentsTableAndTheSchemaStillParses() throws Exception {
        Design before = sample("flawed-startup");
        FixProposal p = FixEditor.propose(card("ghost-payment"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        Table payments = schema(p.edited()).table("payments").orElseThrow();
        assertThat(payments.column("idempotency_key")).isPresent();
        assertThat(payments.column("idempotency_key").get().nullable()).isFalse();
        assertThat(payments.uniqueConstraints()).anyMatch(u -> u.columns().size() == 1 && u.columns().get(0).matches("idempotency_key"));
        assertThat(schema(p.edited()).skipped()).hasSameSizeAs(schema(before).skipped());
        assertThat(p.changes()).containsExactly("schema.sql: a NOT NULL idempotency_key on payments under a UNIQUE constraint");
        assertThat(p.edited().persistence()).isEqualTo(before.persistence());
    }

    @Test
    void ghostPaymentIsRefusedWhereNoTableRecordsMoney() throws Exception {
        Design d = Design.empty("blank");
        FixProposal p = FixEditor.propose(card("ghost-payment"), d);
        assertThat(p.applicable()).isFalse();
        assertThat(p.whyNot()).contains("no table that records payments");
    }

    @Test
    void noonCrashWritesJitterAndSingleFlightIntoTheCachesStorageChoice() throws Exception {
        Design before = sample("flawed-startup");
        FixProposal p = FixEditor.propose(card("noon-crash"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        int changed = -1;
        for (int i = 0; i < before.persistence().storageChoices().size(); i++) {
            if (!before.persistence().storageChoices().get(i).equals(p.edited().persistence().storageChoices().get(i))) {
                changed = i;
            }
        }
        assertThat(changed).isNotNegative();
        String prefix = "persistence.storage_choices[" + changed + "].justification";
        var choice = p.edited().persistence().storageChoices().get(changed);
        assertThat(choice.data()).isEqualTo("Menu cache");
        assertThat(choice.justification()).startsWith(before.persistence().storageChoices().get(changed).justification().stripTrailing())
                .contains("random extra of up to 10%").contains("single-flight");
        assertThat(p.changes()).hasSize(1).allMatch(c -> c.startsWith(prefix));
    }

    @Test
    void deleteMysteryAddsDeletedAtAPartialIndexAndSwitchesTheLifecycleToSoft() throws Exception {
        Design before = sample("flawed-startup");
        FixProposal p = FixEditor.propose(card("delete-mystery"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        Table customers = schema(p.edited()).table("customers").orElseThrow();
        assertThat(customers.column("deleted_at")).isPresent();
        assertThat(customers.indexes()).anyMatch(i -> i.partial() && i.where().contains("deleted_at IS NULL"));
        assertThat(p.edited().lifecycle().deletion().mode()).isEqualTo(DeletionMode.SOFT);
        assertThat(p.edited().lifecycle().deletion().description()).contains("deleted_at IS NULL");
        Design soft = p.edited();
        assertThat(FixEditor.propose(card("delete-mystery"), soft).whyNot()).isEqualTo("lifecycle.deletion.mode is already soft");
    }

    @Test
    void stolenDbReplacesThePlainPasswordColumnWithAHash() throws Exception {
        FixProposal p = FixEditor.propose(card("stolen-db"), sample("flawed-startup"));
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        Table customers = schema(p.edited()).table("customers").orElseThrow();
        assertThat(customers.column("password")).isEmpty();
        assertThat(customers.column("password_hash")).isPresent();
        assertThat(FixEditor.propose(card("stolen-db"), sample("ecommerce")).applicable()).isFalse();
    }

    @Test
    void budgetCrisisIndexesTheHottestQueryThatLacksOneAndNothingWhenAllAreIndexed() throws Exception {
        Design before = sample("flawed-startup");
        FixProposal p = FixEditor.propose(card("budget-crisis"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        assertThat(p.changes()).singleElement().asString().startsWith("schema.sql: an index idx_");
        assertThat(schema(p.edited()).tables().stream().mapToInt(t -> t.indexes().size()).sum())
                .isEqualTo(schema(before).tables().stream().mapToInt(t -> t.indexes().size()).sum() + 1);
        // Applying it again finds the next query without an index, or none; it never adds the same index twice.
        FixProposal again = FixEditor.propose(card("budget-crisis"), p.edited());
        if (again.applicable()) {
            assertThat(again.changes()).isNotEqualTo(p.changes());
        }
    }

    @Test
    void stateTrapMovesInProcessSessionsToASharedStoreAndLeavesSharedOnesAlone() throws Exception {
        Design before = sample("flawed-startup");
        FixProposal p = FixEditor.propose(card("state-trap"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        assertThat(p.edited().persistence().storageChoices()).hasSameSizeAs(before.persistence().storageChoices())
                .filteredOn(c -> c.data().equals("Sessions")).singleElement().satisfies(c -> {
                    assertThat(c.type()).isEqualTo(StorageType.KEY_VALUE);
                    assertThat(c.system()).contains("Redis");
                });
        assertThat(p.changes()).singleElement().asString().contains("moves 'Sessions' from In-process memory");
        assertThat(FixEditor.propose(card("state-trap"), p.edited()).whyNot()).startsWith("sessions are already kept in Redis");
    }

    @Test
    void stateTrapDeclaresASessionStoreWhereTheDesignHasNone() throws Exception {
        Design before = sample("payments");
        FixProposal p = FixEditor.propose(card("state-trap"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        assertThat(p.edited().persistence().storageChoices()).hasSize(before.persistence().storageChoices().size() + 1);
        assertThat(p.edited().persistence().dataElements()).anyMatch(e -> e.name().equals("Sessions"));
    }

    @Test
    void upload4kAddsObjectStorageAJobTableAndTheQueueStrategy() throws Exception {
        Design before = sample("ecommerce");
        FixProposal p = FixEditor.propose(card("upload-4k"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        assertThat(p.edited().persistence().storageChoices()).extracting(c -> c.data()).contains("Videos", "Upload jobs");
        assertThat(p.edited().sharing().strategies()).hasSize(before.sharing().strategies().size() + 1);
    }

    @Test
    void upload4kGivesADesignWithoutFilesOnlyTheJobTableAndTheQueue() throws Exception {
        Design before = sample("live-scores");
        FixProposal p = FixEditor.propose(card("upload-4k"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        assertThat(p.edited().persistence().storageChoices()).extracting(c -> c.data()).contains("Upload jobs").doesNotContain("Videos");
    }

    @Test
    void liveScoreReplacesThePollingStrategyWithPush() throws Exception {
        Design before = sample("flawed-startup");
        FixProposal p = FixEditor.propose(card("live-score"), before);
        assertThat(p.applicable()).as(p.whyNot()).isTrue();
        assertThat(p.edited().sharing().strategies()).hasSameSizeAs(before.sharing().strategies());
        assertThat(p.edited().sharing().strategies()).anyMatch(s -> s.name().equals("Live score push"));
        assertThat(p.changes()).singleElement().asString().contains("replaces the polling strategy");
    }

    @Test
    void operationalFixesAreShownNotApplied() throws Exception {
        for (String id : new String[] {"third-party-fail", "morning-lag", "zombie-code", "zero-downtime"}) {
            FixProposal p = FixEditor.propose(card(id), sample("ecommerce"));
            assertThat(p.applicable()).as(id).isFalse();
            assertThat(p.whyNot()).startsWith("an operational fix");
            assertThat(p.example()).isNotBlank();
        }
    }

    @Test
    void textFixesAppendToTheFieldOnceAndKeepWhatWasThere() throws Exception {
        Design before = sample("ecommerce");
        FixProposal p = FixEditor.propose(card("ten-second-lag"), before);
        assertThat(p.applicable()).isTrue();
        assertThat(p.edited().concurrency().readWrite().handling()).startsWith(before.concurrency().readWrite().handling().stripTrailing())
                .endsWith(card("ten-second-lag").fix().example().strip());
        assertThat(FixEditor.propose(card("ten-second-lag"), p.edited()).applicable()).isFalse();
    }
}
