package dev.quorum.store;

/** A store operation that failed for a reason the user can act on; the message is one line, never a trace. */
public class StoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
