package dev.quorum.model;

/** One row of "What Data Needs to be Stored?": a kind of persistent data and its size. */
public record DataElement(String name, String description, String reason, DataSize sizeEstimate) {

    public DataElement {
        name = Values.text(name);
        description = Values.text(description);
        reason = Values.text(reason);
        sizeEstimate = sizeEstimate == null ? DataSize.UNSPECIFIED : sizeEstimate;
    }
}
