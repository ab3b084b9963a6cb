package dev.quorum.store;

import java.util.Objects;

/**
 * What a save writes: the canonical YAML of the whole design, who saved it and why, whether it is an
 * autosave (which coalesces with the previous autosave), and the finding counts when the caller knows them.
 */
public record RevisionDraft(String yaml, String author, String message, boolean autosave, FindingCounts findings) {

    /** The longest author name kept; longer names are cut. */
    public static final int MAX_AUTHOR = 200;
    /** The longest message kept; longer messages are cut. */
    public static final int MAX_MESSAGE = 1000;

    public RevisionDraft {
        Objects.requireNonNull(yaml, "yaml");
        author = cut(author == null || author.isBlank() ? "unknown" : author.strip(), MAX_AUTHOR);
        message = cut(message == null ? "" : message.strip(), MAX_MESSAGE);
    }

    /** An explicit save, which always creates a revision. */
    public static RevisionDraft save(String yaml, String author, String message, FindingCounts findings) {
        return new RevisionDraft(yaml, author, message, false, findings);
    }

    /** An autosave, which rewrites the previous autosave revision when that is the current one. */
    public static RevisionDraft autosave(String yaml, String author, FindingCounts findings) {
        return new RevisionDraft(yaml, author, "Autosave", true, findings);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
