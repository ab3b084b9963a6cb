package dev.quorum.model;

import java.util.List;

/** The Data Persistence section: what is stored, and where and why. */
public record DataPersistence(List<DataElement> dataElements, List<StorageChoice> storageChoices) {

    /** No data elements and no storage choices. */
    public static final DataPersistence EMPTY = new DataPersistence(List.of(), List.of());

    public DataPersistence {
        dataElements = Values.list(dataElements);
        storageChoices = Values.list(storageChoices);
    }
}
