package dev.quorum.template;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The three sections of the scenario guide, in its order; a card belongs to exactly one. */
public enum ScenarioGroup {
    /** Section 1 of the guide: how components talk to each other and keep state. */
    @JsonProperty("architecture-and-communication")
    ARCHITECTURE_AND_COMMUNICATION("architecture-and-communication", "Architecture and communication"),
    /** Section 2 of the guide: how data is stored, queried, protected and deleted. */
    @JsonProperty("database-and-data-integrity")
    DATABASE_AND_DATA_INTEGRITY("database-and-data-integrity", "Database and data integrity"),
    /** Section 3 of the guide: how the system is scaled, hosted and deployed. */
    @JsonProperty("devops-and-infrastructure")
    DEVOPS_AND_INFRASTRUCTURE("devops-and-infrastructure", "DevOps and infrastructure");

    private final String id;
    private final String label;

    ScenarioGroup(String id, String label) {
        this.id = id;
        this.label = label;
    }

    /** The id written in card files, for example "database-and-data-integrity". */
    public String id() {
        return id;
    }

    /** The section title shown to people. */
    public String label() {
        return label;
    }
}
