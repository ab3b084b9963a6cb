package dev.quorum.diagram;

/** The diagram cannot be drawn as asked, for example a focus table that is not in the schema; the message is one line. */
public final class DiagramInputException extends Exception {

    private static final long serialVersionUID = 1L;

    /** An exception with a one-line message for the user. */
    public DiagramInputException(String message) {
        super(message);
    }
}
