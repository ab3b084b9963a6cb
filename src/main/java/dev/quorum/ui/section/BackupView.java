package dev.quorum.ui.section;

import javafx.scene.layout.VBox;

/** Edits the Backup and Recovery section: the backup strategy and the recovery plan. */
public final class BackupView extends SectionView<BackupViewModel> {

    public BackupView(BackupViewModel model) {
        super(model);
    }

    @Override
    protected void build(VBox content) {
        content.getChildren().addAll(
                subheading("backup-strategy"), form(model.strategy().fields()),
                subheading("recovery-plan"), form(model.recovery().fields()));
    }
}
