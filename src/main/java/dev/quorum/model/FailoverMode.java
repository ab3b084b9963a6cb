package dev.quorum.model;

/** Whether promotion of a replica needs a person. */
public enum FailoverMode implements Choice {
    AUTOMATIC("automatic", "Automatic"),
    MANUAL("manual", "Manual");

    private final String id;
    private final String label;

    FailoverMode(String id, String label) {
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
