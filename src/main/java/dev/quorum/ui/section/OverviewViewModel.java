package dev.quorum.ui.section;

import dev.quorum.model.Design;
import dev.quorum.model.RuleSetting;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateField;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.problems.FindingsIndex;
import java.util.List;

/** The design as a whole: its name and summary, and the rule settings it gives the validator. */
public final class OverviewViewModel {

    private final FieldViewModel name;
    private final FieldViewModel summary;
    private final TableViewModel<RuleSetting> ruleSettings;

    public OverviewViewModel(Template template) {
        name = new FieldViewModel(documentField(template, "name"), "name", template);
        summary = new FieldViewModel(documentField(template, "summary"), "summary", template);
        TemplateField rules = template.settingsFields().stream().filter(f -> f.path().equals("validation.rules"))
                .findFirst().orElseThrow(() -> new IllegalStateException("template has no validation.rules field"));
        ruleSettings = new TableViewModel<>("validation-rules", rules.label(), rules.help(), rules.path(), "rule setting",
                List.of(column(rules, "rule", RuleSetting::rule), column(rules, "level", RuleSetting::level),
                        column(rules, "reason", RuleSetting::reason)), template);
    }

    private static TemplateField documentField(Template template, String path) {
        return template.documentFields().stream().filter(f -> f.path().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalStateException("template has no document field " + path));
    }

    private static ColumnViewModel<RuleSetting> column(TemplateField parent, String key,
            java.util.function.Function<RuleSetting, Object> getter) {
        TemplateField c = parent.columns().stream().filter(f -> f.path().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no column " + key + " in " + parent.path()));
        return new ColumnViewModel<>(c, getter, r -> ValueFormat.describe(getter.apply(r)));
    }

    /** Sends edits to {@code session}. */
    public void attach(EditSession session) {
        name.attach(session);
        summary.attach(session);
        ruleSettings.attach(session);
    }

    /** Shows the design. */
    public void show(Design design) {
        name.showFrom(design);
        summary.showFrom(design);
        ruleSettings.show(design);
    }

    /** Hands the fields their findings. */
    public void showFindings(FindingsIndex index) {
        name.showFindings(index.at("name"));
        summary.showFindings(index.at("summary"));
        ruleSettings.showFindings(index);
    }

    /** The design's name. */
    public FieldViewModel name() {
        return name;
    }

    /** The design's summary. */
    public FieldViewModel summary() {
        return summary;
    }

    /** Rules switched off or given another severity, each with its reason. */
    public TableViewModel<RuleSetting> ruleSettings() {
        return ruleSettings;
    }
}
