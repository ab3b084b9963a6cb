package dev.quorum.model;

/** The consistency guarantee the design promises its clients. */
public enum ConsistencyModel implements Choice {
    STRONG("strong", "Strong consistency"),
    EVENTUAL("eventual", "Eventual consistency"),
    CAUSAL("causal", "Causal consistency"),
    READ_YOUR_WRITES("read-your-writes", "Read-your-writes consistency");

    private final String id;
    private final String label;

    ConsistencyModel(String id, String label) {
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
