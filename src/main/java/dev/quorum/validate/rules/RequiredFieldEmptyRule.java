package dev.quorum.validate.rules;

import dev.quorum.template.Completeness;
import dev.quorum.template.Gap;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateLoader;
import dev.quorum.template.TemplateSection;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reports every field the template marks as required that the design leaves empty. */
public final class RequiredFieldEmptyRule extends AbstractRule {

    /** Gaps a more specific rule already reports, so the same empty field is not reported twice. */
    private static final Pattern COVERED_ELSEWHERE = Pattern.compile("sharing\\.strategies\\[\\d+]\\.frequency");

    public RequiredFieldEmptyRule() {
        super("completeness.required-field-empty", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A field the template requires is empty.",
                "The data-and-consistency template asks every question for a reason: an unanswered field is a decision "
                        + "nobody made, and the other rules cannot check what is not written. Empty sync frequencies are "
                        + "left to consistency.sync-without-frequency so they are reported once.",
                "recovery:\n  procedure: \"\"",
                "recovery:\n  procedure: \"1. Restore the latest full backup. 2. Replay WAL to the target time.\"");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        Template template = TemplateLoader.dataAndConsistency();
        Map<String, List<Gap>> gaps = new Completeness(template).bySection(context.design());
        for (List<Gap> section : gaps.values()) {
            for (Gap gap : section) {
                if (gap.kind() != Gap.Kind.MISSING || COVERED_ELSEWHERE.matcher(gap.path()).matches()) {
                    continue;
                }
                String title = template.section(gap.sectionId()).map(TemplateSection::title).orElse("design");
                sink.report(Location.item(gap.sectionId(), gap.label(), gap.path()),
                        gap.label() + " is empty (" + gap.path() + ")",
                        "Fill in " + gap.label() + " in the " + title + " section (" + gap.path() + ").");
            }
        }
    }
}
