package dev.quorum.model;

import java.util.List;

/** One "Strategy:" block of Data Synchronization: how shared data is kept in step and how conflicts end. */
public record SyncStrategy(
        String name,
        String description,
        List<String> components,
        Duration frequency,
        String conflictResolution) {

    public SyncStrategy {
        name = Values.text(name);
        description = Values.text(description);
        components = Values.list(components);
        frequency = Values.duration(frequency);
        conflictResolution = Values.text(conflictResolution);
    }
}
