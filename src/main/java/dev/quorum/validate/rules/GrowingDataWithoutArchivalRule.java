package dev.quorum.validate.rules;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.validate.AbstractRule;
import dev.quorum.validate.DesignContext;
import dev.quorum.validate.FindingSink;
import dev.quorum.validate.Location;
import dev.quorum.validate.RuleCategory;
import dev.quorum.validate.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reports a design that archives nothing while some of its data keeps growing. */
public final class GrowingDataWithoutArchivalRule extends AbstractRule {

    /** 100 GB: past this one table's indexes, vacuum and restore time start to hurt on a single node. */
    static final double LARGE_BYTES = 100e9;

    private static final Pattern GROWS = Pattern.compile(
            "\\bgrows?\\b|\\bgrowing\\b|\\bappend\\w*|\\bper (?:day|hour|minute|second)\\b|/day\\b|\\bevents?\\b|\\blogs?\\b"
                    + "|\\bpings?\\b|\\btime[- ]series\\b|\\bforever\\b",
            Pattern.CASE_INSENSITIVE);

    public GrowingDataWithoutArchivalRule() {
        super("lifecycle.growing-data-without-archival", Severity.INFO, RuleCategory.LIFECYCLE,
                "Nothing is archived, but some data keeps growing.",
                "Append-only and event data grows without bound; left in the hot tables it slows queries, vacuum, "
                        + "backups and restores. It is informational: a design may keep all data hot on purpose, but "
                        + "should say why. 'Large' means over 100 GB.",
                "archival: No archival; everything stays in the primary tables.\ndata_elements: [{name: Audit log, size_estimate: 120 GB}]",
                "archival: Audit log rows older than 90 days move monthly to Parquet in S3 Glacier.");
    }

    @Override
    public void check(DesignContext context, FindingSink sink) {
        String archival = context.design().lifecycle().archival().strip();
        boolean none = archival.isEmpty() || (RetentionBelowLegalRetentionRule.NO_ARCHIVAL.matcher(
                archival.toLowerCase(Locale.ROOT)).find() && !RetentionBelowLegalRetentionRule.ARCHIVES.matcher(archival).find());
        if (!none) {
            return;
        }
        List<String> growing = new ArrayList<>();
        for (DataElement e : context.design().persistence().dataElements()) {
            if (e.name().isBlank()) {
                continue;
            }
            double bytes = e.sizeEstimate().bytes().orElse(0);
            if (bytes > LARGE_BYTES) {
                growing.add(e.name().strip() + " (" + DataSize.human(bytes) + ")");
                continue;
            }
            String hit = DesignProse.firstMatch(GROWS, DesignProse.join(e.name(), e.description(), e.reason()));
            if (hit != null) {
                growing.add(e.name().strip() + " (" + hit.toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (growing.isEmpty()) {
            return;
        }
        String said = archival.isEmpty() ? "lifecycle.archival is empty" : "lifecycle.archival says nothing is archived";
        sink.report(Location.field("lifecycle", "lifecycle.archival"),
                said + ", but " + String.join(", ", growing) + (growing.size() == 1 ? " keeps" : " keep") + " growing",
                "Say when old rows leave the hot tables (for example monthly partitions older than a year exported to "
                        + "Parquet in object storage and dropped), or state why all data stays hot.");
    }
}
