package dev.quorum.model;

/** How backups are taken: how often, where to, how long they are kept, what kind, and whether logs ship continuously. */
public record BackupStrategy(
        Duration frequency,
        String location,
        Duration retention,
        BackupType type,
        Boolean continuousLogShipping) {

    /** No backups described. */
    public static final BackupStrategy EMPTY = new BackupStrategy(null, "", null, null, null);

    public BackupStrategy {
        frequency = Values.duration(frequency);
        location = Values.text(location);
        retention = Values.duration(retention);
    }
}
