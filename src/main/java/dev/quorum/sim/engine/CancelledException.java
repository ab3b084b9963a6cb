package dev.quorum.sim.engine;

/** Thrown out of a simulation whose {@link Cancellation} was cancelled. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("the simulation was cancelled");
    }
}
