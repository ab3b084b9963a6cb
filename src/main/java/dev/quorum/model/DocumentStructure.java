package dev.quorum.model;

/** The shape of the documents in one NoSQL collection, as example JSON. */
public record DocumentStructure(String collection, String json) {

    public DocumentStructure {
        collection = Values.text(collection);
        json = Values.text(json);
    }
}
