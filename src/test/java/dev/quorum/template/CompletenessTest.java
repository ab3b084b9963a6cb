package dev.quorum.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.model.AccessPattern;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.Rate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CompletenessTest {

    private final Completeness completeness = new Completeness(TemplateLoader.dataAndConsistency());

    @Test
    void anEmptyDesignLacksEveryRequiredTopLevelField() {
        var gaps = completeness.bySection(Design.empty("Shop"));
        assertThat(gaps.get("design")).isEmpty();
        assertThat(gaps.get("persistence")).extracting(Gap::path)
                .containsExactly("persistence.data_elements", "persistence.storage_choices");
        assertThat(gaps.get("schema")).extracting(Gap::path).containsExactly("schema.dialect", "schema.sql");
        assertThat(gaps.get("backup")).extracting(Gap::path).contains("backup.recovery.rpo", "backup.strategy.frequency");
        assertThat(completeness.isComplete(Design.empty("Shop"))).isFalse();
    }

    @Test
    void aNamelessDesignReportsTheName() {
        assertThat(completeness.designGaps(Design.empty(""))).extracting(Gap::path).containsExactly("name");
    }

    @Test
    void rowsAreCheckedColumnByColumnAndUnreadableQuantitiesAreReported() {
        Query q = new Query("orders by user", "", Rate.of("lots"), "why", List.of("orders"), AccessPattern.READ_HEAVY, "");
        Design d = new Design("Shop", "", null, null, List.of(q), null, null, null, null, null, null);
        var gaps = completeness.bySection(d).get("queries");
        assertThat(gaps).extracting(Gap::path).containsExactly("queries[0].purpose", "queries[0].frequency");
        assertThat(gaps.get(0).kind()).isEqualTo(Gap.Kind.MISSING);
        assertThat(gaps.get(0).label()).isEqualTo("Query 'orders by user': Purpose");
        assertThat(gaps.get(1).kind()).isEqualTo(Gap.Kind.UNREADABLE);
        assertThat(gaps.get(1).describe()).contains("lots");
    }
}
