package dev.quorum.ui.problems;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.service.DesignService;
import dev.quorum.ui.editor.Highlighter;
import dev.quorum.validate.Finding;
import dev.quorum.validate.Location;
import dev.quorum.validate.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Findings by path, the problems panel's filter and counts, and the code editor's highlighting, without a screen. */
class FindingsIndexTest {

    private static Finding finding(String rule, Severity severity, String section, String path, String message) {
        return new Finding(rule, severity, new Location(section, "", path, 0), message, "fix it");
    }

    private final List<Finding> findings = List.of(
            finding("a.rule", Severity.ERROR, "queries", "queries[2].frequency", "cannot be read"),
            finding("b.rule", Severity.WARNING, "queries", "queries[2]", "slow"),
            finding("c.rule", Severity.WARNING, "queries", "queries[10].sql", "no index"),
            finding("d.rule", Severity.INFO, "backup", "backup.recovery.rpo", "note"),
            finding("e.rule", Severity.ERROR, "", "name", "no name"));

    @Test
    void findingsAreFoundByFieldRowAndSection() {
        FindingsIndex index = new FindingsIndex(findings);
        assertThat(index.at("queries[2]")).extracting(Finding::ruleId).containsExactlyInAnyOrder("a.rule", "b.rule");
        assertThat(index.at("queries[2].frequency")).extracting(Finding::ruleId).containsExactly("a.rule");
        // queries[2] is not a prefix of queries[20] or queries[10]: the boundary is checked.
        assertThat(index.at("queries[1]")).isEmpty();
        assertThat(index.at("queries")).hasSize(3);
        assertThat(index.rows("queries").keySet()).containsExactlyInAnyOrder(2, 10);
        assertThat(index.count("queries", Severity.WARNING)).isEqualTo(2);
        assertThat(index.count("", Severity.ERROR)).isEqualTo(1);
        assertThat(index.count(Severity.ERROR)).isEqualTo(2);
        assertThat(FindingsIndex.worst(index.at("queries"))).isEqualTo(Severity.ERROR);
        assertThat(FindingsIndex.worst(List.of())).isNull();
    }

    @Test
    void theProblemsPanelFiltersAndCounts() {
        ProblemsViewModel model = new ProblemsViewModel(new DesignService().template());
        model.show(new FindingsIndex(findings));
        assertThat(model.errorsProperty().get()).isEqualTo(2);
        assertThat(model.warningsProperty().get()).isEqualTo(2);
        assertThat(model.infosProperty().get()).isEqualTo(1);
        assertThat(model.visible()).hasSize(5);
        model.showWarningsProperty().set(false);
        assertThat(model.visible()).extracting(Finding::ruleId).containsExactly("a.rule", "d.rule", "e.rule");
        model.filterProperty().set("backup and recovery");
        assertThat(model.visible()).extracting(Finding::ruleId).containsExactly("d.rule");
        model.filterProperty().set("CANNOT");
        assertThat(model.visible()).extracting(Finding::ruleId).containsExactly("a.rule");
        model.filterProperty().set("");
        model.showWarningsProperty().set(true);
        assertThat(model.sectionTitle(findings.get(4))).isEqualTo("Design");
        assertThat(model.sectionTitle(findings.get(0))).isEqualTo("Query Operations");
        assertThat(model.sectionOrder().compare("Design", "Query Operations")).isNegative();
        assertThat(model.sectionOrder().compare("Data Lifecycle", "Data Persistence")).isPositive();
        assertThat(ProblemsViewModel.summary(1, 0, 2)).isEqualTo("1 error, 0 warnings, 2 infos");
        assertThat(ProblemsViewModel.summary(0, 0, 0)).isEqualTo("no findings");
    }

    @Test
    void highlightingCoversEachLineExactly() {
        String sql = "CREATE TABLE orders (id BIGINT PRIMARY KEY, note VARCHAR(20) DEFAULT 'it''s'); -- done";
        List<Highlighter.Run> runs = Highlighter.SQL.line(sql);
        assertThat(runs.stream().mapToInt(Highlighter.Run::length).sum()).isEqualTo(sql.length());
        assertThat(runs.get(0)).isEqualTo(new Highlighter.Run("code-keyword", 6));
        assertThat(runs).contains(new Highlighter.Run("code-string", 7), new Highlighter.Run("code-comment", 7));
        String json = "{\"user_id\": 42, \"tags\": [\"a\", true, null]}";
        List<Highlighter.Run> jsonRuns = Highlighter.JSON.line(json);
        assertThat(jsonRuns.stream().mapToInt(Highlighter.Run::length).sum()).isEqualTo(json.length());
        assertThat(jsonRuns).contains(new Highlighter.Run("code-key", 9), new Highlighter.Run("code-number", 2),
                new Highlighter.Run("code-keyword", 4));
        assertThat(Highlighter.SQL.line("")).containsExactly(new Highlighter.Run("", 0));
    }
}
