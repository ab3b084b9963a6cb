package dev.quorum.model;

/** The Data Lifecycle section: creation, modification, archival, deletion and retention. */
public record DataLifecycle(
        String creation,
        String modification,
        String archival,
        Deletion deletion,
        String retentionPolicy,
        Duration retentionPeriod) {

    /** Nothing said about the lifecycle. */
    public static final DataLifecycle EMPTY = new DataLifecycle("", "", "", Deletion.EMPTY, "", Duration.UNSPECIFIED);

    public DataLifecycle {
        creation = Values.text(creation);
        modification = Values.text(modification);
        archival = Values.text(archival);
        deletion = deletion == null ? Deletion.EMPTY : deletion;
        retentionPolicy = Values.text(retentionPolicy);
        retentionPeriod = Values.duration(retentionPeriod);
    }
}
