package dev.quorum.template;

/**
 * Something a design still lacks: a required field left empty, or a quantity that cannot be read.
 * The path uses file keys with zero-based row indexes, for example {@code queries[2].frequency}.
 */
public record Gap(Kind kind, String sectionId, String path, String label, String detail) {

    /** The two kinds of gap. */
    public enum Kind {
        /** A required field is empty. */
        MISSING,
        /** A quantity's text cannot be read. */
        UNREADABLE
    }

    /** A one-line description for people. */
    public String describe() {
        return switch (kind) {
            case MISSING -> label + " is empty (" + path + ")";
            case UNREADABLE -> label + ": " + detail + " (" + path + ")";
        };
    }
}
