package dev.quorum.store;

import java.time.Instant;

/**
 * One revision in a project's history, without its YAML. {@code savedAt} differs from {@code createdAt}
 * only for an autosave revision that later autosaves rewrote.
 */
public record RevisionInfo(int number, Instant createdAt, Instant savedAt, String author, String message,
        boolean autosave, String sha256, int chars) {
}
