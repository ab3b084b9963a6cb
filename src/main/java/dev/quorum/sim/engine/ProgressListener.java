package dev.quorum.sim.engine;

/** Hears how many replications of a run have finished; called from worker threads, so it must be thread-safe. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (done, total) -> { };

    /** {@code done} of {@code total} replications have finished. */
    void progress(int done, int total);
}
