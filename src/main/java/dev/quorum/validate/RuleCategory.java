package dev.quorum.validate;

/** What a rule inspects; it groups rules in docs/rules.md and in the problems panel. */
public enum RuleCategory {
    /** Required fields, cross-section coverage, readable quantities. */
    COMPLETENESS("Completeness"),
    /** The SQL schema on its own, in the spirit of SchemaCrawler's lints. */
    SCHEMA("Schema"),
    /** Queries traced against the schema and its indexes. */
    QUERY("Queries"),
    /** The consistency model against replication and sharing. */
    CONSISTENCY("Consistency and replication"),
    /** RPO and RTO against backups, lag and failover. */
    RECOVERY("RPO and RTO"),
    /** Archival, deletion and retention. */
    LIFECYCLE("Lifecycle"),
    /** The scenario guide's lessons. */
    LESSON("Lessons from the scenario guide");

    private final String title;

    RuleCategory(String title) {
        this.title = title;
    }

    /** The heading used for the category. */
    public String title() {
        return title;
    }
}
