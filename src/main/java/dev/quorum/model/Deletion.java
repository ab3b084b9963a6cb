package dev.quorum.model;

/** When and how data is deleted: hard or soft, and the rule in words. */
public record Deletion(DeletionMode mode, String description) {

    /** No deletion rule. */
    public static final Deletion EMPTY = new Deletion(null, "");

    public Deletion {
        description = Values.text(description);
    }
}
