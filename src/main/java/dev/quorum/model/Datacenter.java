package dev.quorum.model;

/** A site or region that holds nodes; the id is what nodes refer to. */
public record Datacenter(String id, String name) {

    public Datacenter {
        id = Values.text(id);
        name = Values.text(name);
    }
}
