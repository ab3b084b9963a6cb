package dev.quorum.ui.projects;

import dev.quorum.store.ProjectSummary;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** One line of the projects table, already formatted for display. */
public record ProjectRow(UUID id, String name, String updated, int revisions, String findings, boolean deleted) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    /** The row for a project; the trash shows when it was deleted instead of when it was changed. */
    static ProjectRow of(ProjectSummary p) {
        return new ProjectRow(p.id(), p.name(), TIME.format(p.deleted() ? p.deletedAt() : p.updatedAt()), p.revisionCount(),
                p.knownFindings().map(f -> f.describe()).orElse("not checked yet"), p.deleted());
    }
}
