package dev.quorum.validate.rules;

import dev.quorum.model.BackupRecovery;
import dev.quorum.model.DataElement;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reports data elements that the backup section never mentions, unless it says it covers all data. */
public final class DataNotInBackupRule extends AbstractRule {

    static final Pattern COVERS_ALL = Pattern.compile(
            "\\b(?:all (?:of )?(?:the |our )?(?:data|tables|databases|collections|stores)|entire (?:database|cluster|instance|data ?set|store)"
                    + "|whole (?:database|cluster|instance|store)|every (?:table|database|collection|data store|store)"
                    + "|full (?:database|cluster|instance) (?:backup|dump|snapshot|copy))\\b",
            Pattern.CASE_INSENSITIVE);

    public DataNotInBackupRule() {
        super("completeness.data-not-in-backup", Severity.WARNING, RuleCategory.COMPLETENESS,
                "A data element is not mentioned in the backup strategy or recovery procedure.",
                "Every data element should appear in storage, backup and lifecycle (DESIGN.md, completeness across "
                        + "sections). A backup plan that lists some stores and is silent on another usually forgets it; "
                        + "saying \"not backed up, rebuilt from X\" is a decision and counts as a mention.",
                "location: nightly pg_dump of users and orders to S3   # payments never mentioned",
                "location: nightly pg_dump of users, orders and payments to S3; sessions are not backed up");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        BackupRecovery backup = context.design().backup();
        String text = DesignProse.join(backup.strategy().location(), backup.recovery().procedure());
        if (text.isBlank() || DesignProse.findsAffirmed(COVERS_ALL, text)) {
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
        String path = backup.strategy().location().isBlank() ? "backup.recovery.procedure" : "backup.strategy.location";
        if (missing.size() == named && named > 1) {
            sink.report(Location.field("backup", path),
                    "the backup location and recovery procedure name none of the " + named
                            + " data elements and do not say they cover all data",
                    "List what each backup holds (for example 'pg_dump of users, orders and payments') or state "
                            + "'all data in the PostgreSQL cluster', and say which elements are rebuilt instead of restored.");
            return;
        }
        for (int i : missing) {
            String name = elements.get(i).name();
            sink.report(Location.item("backup", "data element " + DesignProse.q(name), path),
                    "data element " + DesignProse.q(name) + " is not mentioned in backup.strategy.location or "
                            + "backup.recovery.procedure, which name " + (named - missing.size()) + " of the " + named
                            + " data elements",
                    "Say how " + name.strip() + " is backed up and restored, or write that it is not backed up and "
                            + "how it is rebuilt.");
        }
    }
}
