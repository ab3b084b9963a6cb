package dev.quorum.model;

/** The Consistency Models section: the chosen model, why, and how it is achieved. */
public record Consistency(ConsistencyModel model, String justification, String implementation) {

    /** No model chosen. */
    public static final Consistency EMPTY = new Consistency(null, "", "");

    public Consistency {
        justification = Values.text(justification);
        implementation = Values.text(implementation);
    }
}
