package dev.quorum.sim.engine;

/** One replication of a model: a whole independent run with its own seed. */
@FunctionalInterface
public interface ReplicationTask<R> {

    /** Runs replication {@code index} with {@code seed}, checking {@code cancellation} as it goes. */
    R run(int index, long seed, Cancellation cancellation);
}
