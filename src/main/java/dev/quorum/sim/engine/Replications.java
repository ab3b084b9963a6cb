package dev.quorum.sim.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs replications in parallel, one thread per replication at a time, each with its own seed from
 * {@link RandomStreams#replicationSeed}. Results come back in replication order whatever the threads did, so
 * the outcome depends only on the base seed and the number of replications.
 */
public final class Replications {

    private Replications() {
    }

    /** The number of threads used when the caller does not choose: one per processor. */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * Runs {@code count} replications on up to {@code threads} threads.
     *
     * @throws CancelledException when {@code cancellation} is cancelled before all have finished
     */
    public static <R> List<R> run(int count, long baseSeed, int threads, ReplicationTask<R> task,
            ProgressListener progress, Cancellation cancellation) {
        if (count < 1) {
            throw new IllegalArgumentException("at least one replication is needed, not " + count);
        }
        Cancellation cancel = cancellation == null ? Cancellation.NONE : cancellation;
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        int workers = Math.max(1, Math.min(threads, count));
        AtomicInteger done = new AtomicInteger();
        if (workers == 1) {
            List<R> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                cancel.check();
                out.add(task.run(i, RandomStreams.replicationSeed(baseSeed, i), cancel));
                listener.progress(done.incrementAndGet(), count);
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "quorum-replication");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<R>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    cancel.check();
                    R r = task.run(index, RandomStreams.replicationSeed(baseSeed, index), cancel);
                    listener.progress(done.incrementAndGet(), count);
                    return r;
                }));
            }
            List<R> out = new ArrayList<>(count);
            for (Future<R> f : futures) {
                out.add(await(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R await(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
    }
}
