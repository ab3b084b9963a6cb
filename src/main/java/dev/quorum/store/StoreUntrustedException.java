package dev.quorum.store;

/**
 * The store file holds database objects Quorum never creates (Java functions, triggers, views, linked
 * tables, unknown settings). Such a file came from somewhere else and could run code, so it is not opened.
 */
public final class StoreUntrustedException extends StoreException {

    private static final long serialVersionUID = 1L;

    public StoreUntrustedException(String message) {
        super(message);
    }
}
