package dev.quorum.ui.section;

import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;

/** The Data Lifecycle section: creation, modification, archival, deletion and retention. */
public final class LifecycleViewModel extends SectionViewModel {

    private final FieldViewModel creation = field("lifecycle.creation");
    private final FieldViewModel modification = field("lifecycle.modification");
    private final FieldViewModel archival = field("lifecycle.archival");
    private final GroupViewModel deletion = group("lifecycle.deletion");
    private final FieldViewModel retentionPolicy = field("lifecycle.retention_policy");
    private final FieldViewModel retentionPeriod = field("lifecycle.retention_period");

    public LifecycleViewModel(TemplateSection section, Template template) {
        super(section, template);
    }

    /** When and how data is created. */
    public FieldViewModel creation() {
        return creation;
    }

    /** How and how often data is modified. */
    public FieldViewModel modification() {
        return modification;
    }

    /** When data is archived and where to. */
    public FieldViewModel archival() {
        return archival;
    }

    /** Hard or soft delete, and the rule. */
    public GroupViewModel deletion() {
        return deletion;
    }

    /** How long data is kept and why. */
    public FieldViewModel retentionPolicy() {
        return retentionPolicy;
    }

    /** The longest any data must be kept. */
    public FieldViewModel retentionPeriod() {
        return retentionPeriod;
    }
}
