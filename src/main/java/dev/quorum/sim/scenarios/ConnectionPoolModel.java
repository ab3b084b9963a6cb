package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.Tally;
import dev.quorum.sim.engine.TimeWeighted;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The connection pool as an M/M/c queue with a timeout (Erlang C when nobody gives up), plus a hot row:
 * some updates must take the same row lock, so they run one at a time while holding their connection, and a
 * busy lock turns into pool exhaustion. The Erlang C wait for the same rates is reported next to the
 * simulated one, and so are both sides of Little's law.
 */
public final class ConnectionPoolModel implements Model {

    /** The model's id. */
    public static final String ID = "connection-pool";

    /** The share of the first customers left out of the statistics so the queue starts from a typical state. */
    static final double WARM_UP = 0.1;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("arrival_rate", "Query rate", Unit.PER_SECOND, 100, 0.001, 1e6,
                    "engineering assumption: used only when the design gives no query frequency", "queries[*].frequency (all queries)",
                    "Queries per second asking the pool for a connection."),
            Parameter.number("service_time", "Query time", Unit.SECONDS, 0.01, 0.00001, 3600,
                    "engineering assumption: 10 ms per query including the round trip", "design text ('800 queries/s x 6 ms')",
                    "How long a query holds its connection (mean, exponential)."),
            Parameter.number("pool_size", "Pool size", Unit.COUNT, 10, 1, 10_000,
                    "HikariCP's default maximumPoolSize of 10", "design text ('a pool of 30 connections', 'pool_size = 5')",
                    "Connections in the pool."),
            Parameter.number("timeout", "Pool timeout", Unit.SECONDS, 30, 0.001, Double.POSITIVE_INFINITY,
                    "HikariCP's default connectionTimeout of 30 s", "",
                    "How long a query waits for a connection before it fails ('never' for no timeout)."),
            Parameter.number("hot_row_rate", "Hot-row update rate", Unit.PER_SECOND, 0, 0, 1e6,
                    "engineering assumption: 5% of the write queries update one hot row (a counter, a balance); no hot row without writes",
                    "queries[*].frequency (write queries) x 5%", "Updates per second that take the same row lock."),
            Parameter.number("customers", "Queries per replication", Unit.COUNT, 200_000, 1000, 1e8,
                    "engineering choice: enough queries for a mean wait within about 1% at moderate load", "",
                    "Queries each replication simulates; the first 10% warm the queue up and are not counted."));

    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec("wait_mean", "wait for a connection (mean)", Unit.SECONDS),
            new MetricSpec("wait_p99", "wait for a connection (99th percentile)", Unit.SECONDS),
            new MetricSpec("wait_share", "queries that wait at all", Unit.RATIO),
            new MetricSpec("timeout_share", "queries that time out", Unit.RATIO),
            new MetricSpec("utilisation", "pool utilisation", Unit.RATIO),
            new MetricSpec("queue_length", "queries waiting for a connection (time average)", Unit.COUNT),
            new MetricSpec("littles_law", "arrival rate x mean wait (Little's law)", Unit.COUNT),
            new MetricSpec("erlang_c_wait", "Erlang C mean wait, no timeout, no hot row", Unit.SECONDS),
            new MetricSpec("erlang_c_wait_share", "Erlang C probability of waiting", Unit.RATIO),
            new MetricSpec("lock_wait_mean", "hot-row lock wait (mean)", Unit.SECONDS),
            new MetricSpec("lock_wait_p99", "hot-row lock wait (99th percentile)", Unit.SECONDS),
            new MetricSpec("lock_utilisation", "hot-row lock utilisation", Unit.RATIO),
            new MetricSpec("response_mean", "query response time (mean)", Unit.SECONDS),
            new MetricSpec("response_p99", "query response time (99th percentile)", Unit.SECONDS));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Connection pool and hot-row lock contention";
    }

    @Override
    public String summary() {
        return "Queries arrive at the design's rates and hold one of c pooled connections (M/M/c with a timeout); "
                + "updates to one hot row are serialised by its lock. Wait, timeouts, utilisation and lock waits.";
    }

    @Override
    public List<Parameter> parameters() {
        return PARAMETERS;
    }

    @Override
    public List<MetricSpec> metrics() {
        return METRICS;
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return Optional.empty();
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design d) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        DesignFacts.put(out, "arrival_rate", DesignFacts.queryRate(d));
        DesignFacts.put(out, "service_time", DesignFacts.serviceTime(d));
        DesignFacts.put(out, "pool_size", DesignFacts.poolSize(d));
        DesignFacts.writeRate(d).ifPresent(w -> out.put("hot_row_rate",
                DesignValue.of(0.05 * w.number(), w.field(), "5% of " + Unit.PER_SECOND.format(w.number()) + " (" + w.text() + ")")));
        return out;
    }

    /**
     * The Erlang C mean wait in queue, Wq = C(c, a) / (c mu - lambda) with a = lambda / mu, through the stable
     * Erlang B recursion B(k) = a B(k-1) / (k + a B(k-1)); infinite when the load reaches the pool size.
     */
    public static double erlangCWait(int c, double lambda, double mu) {
        double pWait = erlangC(c, lambda, mu);
        return Double.isNaN(pWait) ? Double.POSITIVE_INFINITY : pWait / (c * mu - lambda);
    }

    /** The Erlang C probability that an arrival waits; NaN when the load reaches the pool size (unstable). */
    public static double erlangC(int c, double lambda, double mu) {
        double a = lambda / mu;
        if (a >= c) {
            return Double.NaN;
        }
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        return c * b / (c - a * (1 - b));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        return new Run(p, seed, cancellation).run();
    }

    /** A query in the system. */
    private static final class Query {
        final double arrived;
        final boolean hot;
        final boolean counted;
        double lockRequested;

        Query(double arrived, boolean hot, boolean counted) {
            this.arrived = arrived;
            this.hot = hot;
            this.counted = counted;
        }
    }

    /** One replication of the pool. */
    private static final class Run {
        private final Simulation sim;
        private final SplittableRandom arrivalDraws;
        private final SplittableRandom serviceDraws;
        private final SplittableRandom hotDraws;
        private final Exponential gap;
        private final Exponential service;
        private final int pool;
        private final double timeout;
        private final double hotShare;
        private final long customers;
        private final long warmUp;
        private final double lambda;
        private final double mu;

        private long arrived;
        private int busy;
        private boolean lockHeld;
        private final ArrayDeque<Query> waiting = new ArrayDeque<>();
        private final ArrayDeque<Query> lockQueue = new ArrayDeque<>();
        private boolean timeoutPending;

        private double countingFrom = Double.NaN;
        private long countedArrivals;
        private long waited;
        private long timedOut;
        private final Tally waits = new Tally();
        private final Percentiles waitPct = new Percentiles();
        private final Tally lockWaits = new Tally();
        private final Percentiles lockPct = new Percentiles();
        private final Tally responses = new Tally();
        private final Percentiles responsePct = new Percentiles();
        private final TimeWeighted busyLevel = new TimeWeighted(0, 0);
        private final TimeWeighted queueLevel = new TimeWeighted(0, 0);
        private final TimeWeighted lockLevel = new TimeWeighted(0, 0);
        private final BucketedSeries queueSeries;

        Run(ParameterSet p, long seed, Cancellation cancellation) {
            RandomStreams streams = new RandomStreams(seed);
            sim = new Simulation(cancellation);
            arrivalDraws = streams.stream("arrivals");
            serviceDraws = streams.stream("service");
            hotDraws = streams.stream("hot-row");
            lambda = p.get("arrival_rate");
            mu = 1 / p.get("service_time");
            gap = Exponential.ofRate(lambda);
            service = new Exponential(p.get("service_time"));
            pool = p.count("pool_size");
            timeout = p.get("timeout");
            hotShare = Math.min(1, p.get("hot_row_rate") / lambda);
            customers = (long) p.get("customers");
            warmUp = (long) (customers * WARM_UP);
            double duration = customers / lambda;
            queueSeries = new BucketedSeries(0, duration / 60, 60, BucketedSeries.Aggregate.MAX);
        }

        ReplicationOutcome run() {
            sim.schedule(gap.sample(arrivalDraws), this::arrive);
            sim.run();
            double end = sim.now();
            double span = end - countingFrom;
            double rate = countedArrivals / span;
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("wait_mean", waits.mean());
            v.put("wait_p99", waitPct.percentile(99));
            v.put("wait_share", (double) waited / countedArrivals);
            v.put("timeout_share", (double) timedOut / countedArrivals);
            v.put("utilisation", busyLevel.mean(end) / pool);
            v.put("queue_length", queueLevel.mean(end));
            v.put("littles_law", rate * waits.mean());
            double wq = erlangCWait(pool, lambda, mu);
            v.put("erlang_c_wait", Double.isInfinite(wq) ? Double.NaN : wq);
            v.put("erlang_c_wait_share", erlangC(pool, lambda, mu));
            v.put("lock_wait_mean", lockWaits.mean());
            v.put("lock_wait_p99", lockPct.percentile(99));
            v.put("lock_utilisation", lockLevel.mean(end));
            v.put("response_mean", responses.mean());
            v.put("response_p99", responsePct.percentile(99));
            return new ReplicationOutcome(v, List.of(new Series("queue", "queries waiting for a connection (peak per bucket)",
                    Unit.COUNT, queueSeries.start(), queueSeries.width(), queueSeries.values())));
        }

        private void arrive() {
            double now = sim.now();
            boolean counted = arrived >= warmUp;
            if (arrived == warmUp) {
                // From here on everything counts: the time averages restart at this instant.
                countingFrom = now;
                busyLevel.restart(now);
                queueLevel.restart(now);
                lockLevel.restart(now);
            }
            arrived++;
            if (arrived < customers) {
                sim.schedule(gap.sample(arrivalDraws), this::arrive);
            }
            Query q = new Query(now, hotShare > 0 && hotDraws.nextDouble() < hotShare, counted);
            if (counted) {
                countedArrivals++;
            }
            if (busy < pool) {
                connect(q);
            } else {
                waiting.add(q);
                queueLevel.set(now, waiting.size());
                queueSeries.add(now, waiting.size());
                armTimeout();
            }
        }

        /** Keeps one timeout event pending, for the query at the head of the queue (FIFO, one deadline each). */
        private void armTimeout() {
            if (timeoutPending || waiting.isEmpty() || Double.isInfinite(timeout)) {
                return;
            }
            timeoutPending = true;
            sim.scheduleAt(Math.max(sim.now(), waiting.peek().arrived + timeout), this::expire);
        }

        private void expire() {
            timeoutPending = false;
            double now = sim.now();
            while (!waiting.isEmpty() && waiting.peek().arrived + timeout <= now) {
                Query q = waiting.poll();
                if (q.counted) {
                    timedOut++;
                    waited++;
                    double w = now - q.arrived;
                    waits.add(w);
                    waitPct.record(w);
                }
            }
            queueLevel.set(now, waiting.size());
            armTimeout();
        }

        private void connect(Query q) {
            double now = sim.now();
            busy++;
            busyLevel.set(now, busy);
            if (q.counted) {
                double w = now - q.arrived;
                if (w > 0) {
                    waited++;
                }
                waits.add(w);
                waitPct.record(w);
            }
            if (q.hot) {
                q.lockRequested = now;
                if (lockHeld) {
                    lockQueue.add(q);
                    return;
                }
                lockHeld = true;
                lockLevel.set(now, 1);
            }
            serve(q);
        }

        private void serve(Query q) {
            if (q.hot && q.counted) {
                double lw = sim.now() - q.lockRequested;
                lockWaits.add(lw);
                lockPct.record(lw);
            }
            sim.schedule(service.sample(serviceDraws), () -> finish(q));
        }

        private void finish(Query q) {
            double now = sim.now();
            if (q.counted) {
                double r = now - q.arrived;
                responses.add(r);
                responsePct.record(r);
            }
            if (q.hot) {
                Query next = lockQueue.poll();
                if (next != null) {
                    serve(next);
                } else {
                    lockHeld = false;
                    lockLevel.set(now, 0);
                }
            }
            busy--;
            busyLevel.set(now, busy);
            Query next = waiting.poll();
            if (next != null) {
                queueLevel.set(now, waiting.size());
                connect(next);
            }
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        List<Verdict> out = new ArrayList<>();
        double timeouts = m.get("timeout_share").value();
        String pool = Unit.COUNT.format(p.get("pool_size"));
        String timeout = Unit.SECONDS.format(p.get("timeout"));
        double offered = p.get("arrival_rate") * p.get("service_time");
        String load = "offered load " + Unit.COUNT.format(offered) + " busy connections (" + Unit.PER_SECOND.format(p.get("arrival_rate"))
                + " x " + Unit.SECONDS.format(p.get("service_time")) + ", Little's law) against a pool of " + pool
                + ", utilisation " + Unit.RATIO.format(m.get("utilisation").value())
                + ", mean wait " + Unit.SECONDS.format(m.get("wait_mean").value())
                + ", 99th percentile " + Unit.SECONDS.format(m.get("wait_p99").value());
        out.add(new Verdict(timeouts > 0 ? Verdict.Status.MISSED : Verdict.Status.MET, "no pool timeouts",
                (timeouts > 0 ? Unit.RATIO.format(timeouts) + " of queries time out after waiting " + timeout + " for one of "
                        + pool + " connections: " : "No query waits " + timeout + " for a connection: ") + load));
        double lockUse = m.get("lock_utilisation").value();
        double hot = p.get("hot_row_rate");
        if (hot > 0) {
            String text = "The hot row takes " + Unit.PER_SECOND.format(hot) + " updates holding its lock "
                    + Unit.SECONDS.format(p.get("service_time")) + " each: lock busy " + Unit.RATIO.format(lockUse)
                    + " of the time, lock wait " + Unit.SECONDS.format(m.get("lock_wait_mean").value()) + " on average, "
                    + Unit.SECONDS.format(m.get("lock_wait_p99").value()) + " at the 99th percentile";
            boolean saturated = hot * p.get("service_time") >= 1;
            out.add(new Verdict(saturated ? Verdict.Status.MISSED : Verdict.Status.INFO, "hot-row lock",
                    saturated ? text + "; updates arrive faster than the lock can serve them, so they queue without bound" : text));
        }
        return out;
    }
}
