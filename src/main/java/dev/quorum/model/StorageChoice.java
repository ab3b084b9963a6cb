package dev.quorum.model;

/** Where one data element lives and why: a "Data:" block of "Why These Storage Choices?". */
public record StorageChoice(String data, StorageType type, String system, String justification, String accessPatterns) {

    public StorageChoice {
        data = Values.text(data);
        system = Values.text(system);
        justification = Values.text(justification);
        accessPatterns = Values.text(accessPatterns);
    }
}
