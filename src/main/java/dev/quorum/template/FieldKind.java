package dev.quorum.template;

/** What kind of value a template field holds; it decides the editor control and how the value is exported. */
public enum FieldKind {
    /** One line of free text. */
    TEXT,
    /** Several lines of free text. */
    MULTILINE,
    /** A span of time read as a {@link dev.quorum.model.Duration}. */
    DURATION,
    /** An amount of data read as a {@link dev.quorum.model.DataSize}. */
    SIZE,
    /** How often, read as a {@link dev.quorum.model.Rate}. */
    RATE,
    /** A number of things, read as a {@link dev.quorum.model.Count}. */
    COUNT,
    /** One option of an option list. */
    CHOICE,
    /** Yes or no. */
    BOOLEAN,
    /** A list of short names. */
    LIST,
    /** SQL text, parsed but never run. */
    SQL,
    /** JSON text. */
    JSON,
    /** Rows shown as a table. */
    TABLE,
    /** Rows shown as labelled blocks, as the template's "Query:" and "Data:" blocks. */
    BLOCKS,
    /** A fixed set of named sub-fields. */
    GROUP,
    /** Nodes and edges of a flow diagram. */
    DIAGRAM,
    /** Datacenters, nodes and replication links. */
    TOPOLOGY;

    /** True for the kinds that hold rows or sub-fields described by columns. */
    public boolean hasColumns() {
        return this == TABLE || this == BLOCKS || this == GROUP || this == DIAGRAM || this == TOPOLOGY;
    }

    /** True for kinds whose value is a list of rows. */
    public boolean isRows() {
        return this == TABLE || this == BLOCKS;
    }
}
