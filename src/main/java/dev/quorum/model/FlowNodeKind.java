package dev.quorum.model;

/** What a box in the synchronization diagram stands for; it decides the box's shape. */
public enum FlowNodeKind implements Choice {
    COMPONENT("component", "Component"),
    DATABASE("database", "Database"),
    CACHE("cache", "Cache"),
    QUEUE("queue", "Queue or stream"),
    FILE_STORE("file-store", "File store"),
    EXTERNAL("external", "External system"),
    CLIENT("client", "Client");

    private final String id;
    private final String label;

    FlowNodeKind(String id, String label) {
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
