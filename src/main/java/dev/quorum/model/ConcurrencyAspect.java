package dev.quorum.model;

/** One kind of concurrent access: whether it happens, whether it is a concern, and how it is handled. */
public record ConcurrencyAspect(String occurs, String concern, String handling) {

    /** Nothing said. */
    public static final ConcurrencyAspect EMPTY = new ConcurrencyAspect("", "", "");

    public ConcurrencyAspect {
        occurs = Values.text(occurs);
        concern = Values.text(concern);
        handling = Values.text(handling);
    }
}
