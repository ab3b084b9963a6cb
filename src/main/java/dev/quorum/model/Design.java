package dev.quorum.model;

import java.util.List;

/**
 * A whole data-and-consistency design: one component per template section, in template order, then
 * the design's own validation settings and the simulation outcomes recorded in it. Everything is
 * immutable; edits produce new instances.
 */
public record Design(
        String name,
        String summary,
        DataPersistence persistence,
        SchemaDesign schema,
        List<Query> queries,
        ConcurrentAccess concurrency,
        DataSharing sharing,
        Consistency consistency,
        Replication replication,
        BackupRecovery backup,
        DataLifecycle lifecycle,
        ValidationSettings validation,
        List<SimulatedOutcome> outcomes) {

    public Design {
        name = Values.text(name);
        summary = Values.text(summary);
        persistence = persistence == null ? DataPersistence.EMPTY : persistence;
        schema = schema == null ? SchemaDesign.EMPTY : schema;
        queries = Values.list(queries);
        concurrency = concurrency == null ? ConcurrentAccess.EMPTY : concurrency;
        sharing = sharing == null ? DataSharing.EMPTY : sharing;
        consistency = consistency == null ? Consistency.EMPTY : consistency;
        replication = replication == null ? Replication.EMPTY : replication;
        backup = backup == null ? BackupRecovery.EMPTY : backup;
        lifecycle = lifecycle == null ? DataLifecycle.EMPTY : lifecycle;
        validation = validation == null ? ValidationSettings.DEFAULT : validation;
        outcomes = Values.list(outcomes);
    }

    /** A design with rule settings and no recorded simulation outcomes. */
    public Design(String name, String summary, DataPersistence persistence, SchemaDesign schema, List<Query> queries,
            ConcurrentAccess concurrency, DataSharing sharing, Consistency consistency, Replication replication,
            BackupRecovery backup, DataLifecycle lifecycle, ValidationSettings validation) {
        this(name, summary, persistence, schema, queries, concurrency, sharing, consistency, replication, backup,
                lifecycle, validation, List.of());
    }

    /** A design without rule settings, as most designs are. */
    public Design(String name, String summary, DataPersistence persistence, SchemaDesign schema, List<Query> queries,
            ConcurrentAccess concurrency, DataSharing sharing, Consistency consistency, Replication replication,
            BackupRecovery backup, DataLifecycle lifecycle) {
        this(name, summary, persistence, schema, queries, concurrency, sharing, consistency, replication, backup,
                lifecycle, ValidationSettings.DEFAULT);
    }

    /** The same design with other rule settings. */
    public Design withValidation(ValidationSettings settings) {
        return new Design(name, summary, persistence, schema, queries, concurrency, sharing, consistency, replication,
                backup, lifecycle, settings, outcomes);
    }

    /** The same design with other recorded simulation outcomes. */
    public Design withOutcomes(List<SimulatedOutcome> newOutcomes) {
        return new Design(name, summary, persistence, schema, queries, concurrency, sharing, consistency, replication,
                backup, lifecycle, validation, newOutcomes);
    }

    /** An empty design with only a name, as `quorum new` creates it. */
    public static Design empty(String name) {
        return new Design(name, "", null, null, null, null, null, null, null, null, null, null, null);
    }
}
