package dev.quorum.model;

/** The Backup and Recovery section: the backup strategy and the recovery plan. */
public record BackupRecovery(BackupStrategy strategy, RecoveryPlan recovery) {

    /** Nothing said about backup or recovery. */
    public static final BackupRecovery EMPTY = new BackupRecovery(BackupStrategy.EMPTY, RecoveryPlan.EMPTY);

    public BackupRecovery {
        strategy = strategy == null ? BackupStrategy.EMPTY : strategy;
        recovery = recovery == null ? RecoveryPlan.EMPTY : recovery;
    }
}
