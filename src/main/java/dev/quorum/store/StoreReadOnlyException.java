package dev.quorum.store;

/** A write to a store that was opened read-only, because its directory or file cannot be written. */
public final class StoreReadOnlyException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreReadOnlyException(String message) {
        super(message);
    }
}
