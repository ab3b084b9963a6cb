package dev.quorum.store;

/** The store is held by another process that cannot be reached, so it cannot be shared or opened now. */
public final class StoreLockedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreLockedException(String message) {
        super(message);
    }
}
