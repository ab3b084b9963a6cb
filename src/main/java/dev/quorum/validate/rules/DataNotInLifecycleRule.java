package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataLifecycle;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;

/** Reports data elements that no part of the lifecycle section mentions. */
public final class DataNotInLifecycleRule extends AbstractRule {

    public DataNotInLifecycleRule() {
        super("completeness.data-not-in-lifecycle", Severity.INFO, RuleCategory.COMPLETENESS,
                "A data element is not mentioned anywhere in the data lifecycle.",
                "Every data element should appear in storage, backup and lifecycle (DESIGN.md). Data whose creation, "
                        + "archival, deletion and retention nobody described tends to be kept forever by default. It is "
                        + "informational because a lifecycle written for groups of data can be right without naming each element.",
                "lifecycle:\n  creation: Orders are created at checkout.   # Payments never mentioned",
                "lifecycle:\n  creation: Orders and Payments are created at checkout.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        DataLifecycle l = context.design().lifecycle();
        String text = DesignProse.join(l.creation(), l.modification(), l.archival(), l.deletion().description(),
                l.retentionPolicy());
        if (text.isBlank()) {
            return;
        }
        String norm = DesignProse.norm(text);
        List<DataElement> elements = context.design().persistence().dataElements();
        List<Integer> missing = new ArrayList<>();
        int named = 0;
        for (int i = 0; i < elements.size(); i++) {
            DataElement e = elements.get(i);
            if (e.name().isBlank()) {
                continue;
            }
            named++;
            if (!DesignProse.mentionsName(norm, e.name())) {
                missing.add(i);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (missing.size() == named && named > 1) {
            sink.report(Location.field("lifecycle", "lifecycle.creation"),
                    "the lifecycle section names none of the " + named + " data elements",
                    "Describe creation, modification, archival, deletion and retention per data element, "
                            + "naming each one as in persistence.data_elements.");
            return;
        }
        for (int i : missing) {
            String name = elements.get(i).name();
            sink.report(Location.item("lifecycle", "data element " + DesignProse.q(name), "lifecycle.retention_policy"),
                    "data element " + DesignProse.q(name) + " is not mentioned in creation, modification, archival, "
                            + "deletion or retention policy",
                    "Say when " + name.strip() + " is created, whether it is archived, when it is deleted and how long "
                            + "it is kept.");
        }
    }
}
