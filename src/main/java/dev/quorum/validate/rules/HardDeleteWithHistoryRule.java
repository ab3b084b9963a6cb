package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataLifecycle;
import dev.quorum.model.DeletionMode;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reports hard deletion in a design that says elsewhere that history must be kept. */
public final class HardDeleteWithHistoryRule extends AbstractRule {

    static final Pattern KEEP_HISTORY = Pattern.compile(
            "\\bhistor(?:y|ies|ical)\\b|\\baudit\\w*|\\blegal(?:ly)?\\b|\\bcompliance\\b|\\btax(?:es|ation)?\\b|\\bmust be (?:kept|retained)\\b"
                    + "|\\bregulat\\w*|\\bstatutory\\b|\\baccounting\\b|\\bbookkeeping\\b|\\bdisputes?\\b|\\bevidence\\b",
            Pattern.CASE_INSENSITIVE);

    public HardDeleteWithHistoryRule() {
        super("lifecycle.hard-delete-with-history", Severity.WARNING, RuleCategory.LIFECYCLE,
                "Data is hard-deleted although the design says its history must be kept.",
                "A hard DELETE destroys the record the design itself says is needed for audits, disputes or tax law. "
                        + "Soft deletes (deleted_at), status changes or an append-only history keep it (Scenario guide: "
                        + "hard deletes where history is needed).",
                "deletion: {mode: hard, description: Cancelled orders are deleted nightly.}\nreason: tax law requires invoices to be kept",
                "deletion: {mode: soft, description: Cancelled orders get status CANCELLED and deleted_at; purged after 10 years.}");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        DataLifecycle l = context.design().lifecycle();
        if (l.deletion().mode() != DeletionMode.HARD) {
            return;
        }
        List<String[]> places = new ArrayList<>();
        places.add(new String[] {"lifecycle.retention_policy", l.retentionPolicy()});
        places.add(new String[] {"lifecycle.deletion.description", l.deletion().description()});
        places.add(new String[] {"lifecycle.archival", l.archival()});
        places.add(new String[] {"lifecycle.modification", l.modification()});
        places.add(new String[] {"lifecycle.creation", l.creation()});
        List<DataElement> elements = context.design().persistence().dataElements();
        for (int i = 0; i < elements.size(); i++) {
            places.add(new String[] {"persistence.data_elements[" + i + "].reason", elements.get(i).reason()});
        }
        for (String[] place : places) {
            String hit = DesignProse.firstMatch(KEEP_HISTORY, place[1]);
            if (hit != null) {
                sink.report(Location.field("lifecycle", "lifecycle.deletion.mode"),
                        "lifecycle.deletion.mode is hard, but " + place[0] + " says the data is needed for "
                                + DesignProse.q(hit) + ": a hard DELETE destroys that history",
                        "Use soft deletes (a deleted_at column or a CANCELLED status) for records that must be kept, "
                                + "and hard-delete only after the retention period; set deletion.mode: soft.");
                return;
            }
        }
    }
}
