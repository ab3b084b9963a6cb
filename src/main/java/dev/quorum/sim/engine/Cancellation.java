package dev.quorum.sim.engine;

/** A flag a caller sets to stop a running simulation; the engine checks it between events. */
public final class Cancellation {

    /** A token nobody cancels, for runs that are never stopped. */
    public static final Cancellation NONE = new Cancellation();

    private volatile boolean cancelled;

    /** Asks every simulation that holds this token to stop as soon as it can. */
    public void cancel() {
        if (this == NONE) {
            throw new IllegalStateException("the shared NONE token cannot be cancelled");
        }
        cancelled = true;
    }

    /** True once {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancelledException} when cancelled. */
    public void check() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
