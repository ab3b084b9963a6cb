package dev.quorum.model;

/** Whether a query or data element is dominated by reads, writes or both. */
public enum AccessPattern implements Choice {
    READ_HEAVY("read-heavy", "Read-heavy"),
    WRITE_HEAVY("write-heavy", "Write-heavy"),
    MIXED("mixed", "Mixed");

    private final String id;
    private final String label;

    AccessPattern(String id, String label) {
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
