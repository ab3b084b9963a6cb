package dev.quorum.service.walkthrough;

/** What the architect decided at the end of a walkthrough, recorded with its outcome in the design. */
public enum Decision {
    /** The fix was applied to the design. */
    APPLIED("fix applied to the design"),
    /** The design already had the fix. */
    ALREADY_IN_DESIGN("the design already has the fix"),
    /** The fix was shown and not applied. */
    NOT_APPLIED("fix not applied"),
    /** The scenario does not fit the design. */
    OUT_OF_SCOPE("the scenario does not fit this design");

    private final String text;

    Decision(String text) {
        this.text = text;
    }

    /** The decision in words, as recorded. */
    public String text() {
        return text;
    }
}
