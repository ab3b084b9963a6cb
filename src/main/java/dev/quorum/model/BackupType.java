package dev.quorum.model;

/** What each backup copies. */
public enum BackupType implements Choice {
    FULL("full", "Full"),
    INCREMENTAL("incremental", "Incremental"),
    DIFFERENTIAL("differential", "Differential");

    private final String id;
    private final String label;

    BackupType(String id, String label) {
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
