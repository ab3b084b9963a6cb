package dev.quorum.ui.section;

import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;

/** The Backup and Recovery section: how backups are taken and how the system comes back. */
public final class BackupViewModel extends SectionViewModel {

    private final GroupViewModel strategy = group("backup.strategy");
    private final GroupViewModel recovery = group("backup.recovery");

    public BackupViewModel(TemplateSection section, Template template) {
        super(section, template);
    }

    /** Frequency, location, retention, type and log shipping. */
    public GroupViewModel strategy() {
        return strategy;
    }

    /** RTO, RPO, procedure and testing. */
    public GroupViewModel recovery() {
        return recovery;
    }
}
