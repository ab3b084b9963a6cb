package dev.quorum.model;

import java.util.List;

/** One row of "Shared Data Elements": data that several components read or write. */
public record SharedData(String data, List<String> components, String whyShared, String synchronization) {

    public SharedData {
        data = Values.text(data);
        components = Values.list(components);
        whyShared = Values.text(whyShared);
        synchronization = Values.text(synchronization);
    }
}
