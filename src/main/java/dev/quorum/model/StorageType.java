package dev.quorum.model;

/** The eight kinds of store the template offers. */
public enum StorageType implements Choice {
    RELATIONAL("relational", "Relational database (SQL)"),
    DOCUMENT("document", "Document database (NoSQL)"),
    KEY_VALUE("key-value", "Key-value store"),
    GRAPH("graph", "Graph database"),
    TIME_SERIES("time-series", "Time-series database"),
    SEARCH_INDEX("search-index", "Search index"),
    CACHE("cache", "Cache"),
    FILE_STORAGE("file-storage", "File storage");

    private final String id;
    private final String label;

    StorageType(String id, String label) {
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
