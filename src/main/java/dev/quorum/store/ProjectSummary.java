package dev.quorum.store;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One project as listed: no YAML. {@code version} is the optimistic lock a save must present;
 * {@code revisionCount} is also the current revision's number, because every change adds the newest revision.
 */
public record ProjectSummary(UUID id, String name, Instant createdAt, Instant updatedAt, long version,
        int revisionCount, Instant deletedAt, FindingCounts findings) {

    /** True when the project is in the trash. */
    public boolean deleted() {
        return deletedAt != null;
    }

    /** The finding counts of the current revision, when the save that wrote it knew them. */
    public Optional<FindingCounts> knownFindings() {
        return Optional.ofNullable(findings);
    }

    /** The first 8 hex digits of the id, enough to name a project on the command line. */
    public String shortId() {
        return id.toString().substring(0, 8);
    }
}
