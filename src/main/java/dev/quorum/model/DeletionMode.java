package dev.quorum.model;

/** Whether deleted data is removed or only marked. */
public enum DeletionMode implements Choice {
    HARD("hard", "Hard delete"),
    SOFT("soft", "Soft delete");

    private final String id;
    private final String label;

    DeletionMode(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
