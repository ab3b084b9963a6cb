package dev.quorum.store;

/** No project (or revision) matches what the caller named. */
public final class ProjectNotFoundException extends StoreException {

    private static final long serialVersionUID = 1L;

    public ProjectNotFoundException(String message) {
        super(message);
    }
}
