package dev.quorum.validate.rules;

import dev.quorum.template.Completeness;
import dev.quorum.template.Gap;
import dev.quorum.template.TemplateLoader;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.List;

/** Reports every duration, size, rate or count whose text Quorum cannot read as a number. */
public final class UnreadableQuantityRule extends AbstractRule {

    public UnreadableQuantityRule() {
        super("completeness.unreadable-quantity", Severity.ERROR, RuleCategory.COMPLETENESS,
                "A duration, size, rate or count cannot be read as a number.",
                "RPO and RTO arithmetic, restore-time estimates and hot-query checks all work on the numbers behind "
                        + "these fields; an unreadable value silently switches those checks off. It is an error because the "
                        + "design then looks cleaner than it is.",
                "queries:\n  - {name: Popular dishes, frequency: lots}",
                "queries:\n  - {name: Popular dishes, frequency: 50/s}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        for (List<Gap> section : new Completeness(TemplateLoader.dataAndConsistency()).bySection(context.design()).values()) {
            for (Gap gap : section) {
                if (gap.kind() == Gap.Kind.UNREADABLE) {
                    sink.report(Location.item(gap.sectionId(), gap.label(), gap.path()),
                            gap.label() + ": " + gap.detail(),
                            "Write the figure with a unit, for example '15 min', '10 GB', '200/s' or '10M rows', "
                                    + "and move any notes to a text field.");
                }
            }
        }
    }
}
