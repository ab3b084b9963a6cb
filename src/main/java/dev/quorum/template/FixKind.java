package dev.quorum.template;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What kind of edit a scenario's fix makes to a design, so a walkthrough knows how to apply or show it. */
public enum FixKind {
    /** Changes the DDL in {@code schema.sql} (a column, constraint or index) and possibly the queries using it. */
    @JsonProperty("schema-change") SCHEMA_CHANGE,
    /** Adds or changes a data element and its storage choice. */
    @JsonProperty("storage-choice") STORAGE_CHOICE,
    /** Adds or replaces a data synchronization strategy. */
    @JsonProperty("sync-strategy") SYNC_STRATEGY,
    /** Adds a stated decision to a free-text field of the design. */
    @JsonProperty("field-text") FIELD_TEXT,
    /** Changes how the system is run or deployed; the design document has no field for it, so it is only shown. */
    @JsonProperty("operational") OPERATIONAL;

    /** The id written in card files, for example "schema-change". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /** True when the fix edits the design document; an operational fix changes nothing in it. */
    public boolean editsDesign() {
        return this != OPERATIONAL;
    }
}
