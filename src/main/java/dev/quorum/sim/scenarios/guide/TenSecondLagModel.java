package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.ConcurrentAccess;
import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.Tally;
import dev.quorum.sim.engine.TimeWeighted;
import dev.quorum.sim.scenarios.ConnectionPoolModel;
import dev.quorum.sim.scenarios.DesignFacts;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The 10-second lag: requests queue for a pooled connection while the database's CPU idles, because a few
 * transactions hold a hot row's lock across a slow step and keep their connections while others wait for the
 * lock. Compares HikariCP's default pool with long lock holds, a pool sized by Little's law with the same long
 * locks, and the sized pool with short transactions, on the same arrivals; the pool is an M/M/c queue with a
 * timeout, checked against Erlang C.
 */
public final class TenSecondLagModel extends ScenarioModel {

    /** Seconds of traffic each variant receives at most; arrivals then stop and the queues drain. */
    static final double HORIZON = 20;
    /** Requests each variant receives at most, which shortens the window at high rates to keep a run fast. */
    static final double MAX_REQUESTS = 8_000;
    /** Seconds of traffic at each load of the concurrency sweep, at most. */
    static final double SWEEP_HORIZON = 5;
    /** Requests at each load of the sweep, at most. */
    static final double SWEEP_MAX_REQUESTS = 1_000;
    /** The sweep's loads as multiples of the query rate: 0.25x to 2x in steps of 0.25. */
    static final int SWEEP_STEPS = 8;
    /** Headroom of the sized pool over the busy connections Little's law predicts, as in the card's example. */
    static final double HEADROOM = 2;

    private static final Variant STATED_POOL = new Variant("stated_pool", "stated pool, long lock holds");
    private static final Variant SIZED_POOL = new Variant("sized_pool", "pool sized by Little's law, long lock holds");
    private static final Variant SIZED_SHORT = new Variant("sized_pool_short_tx", "pool sized by Little's law, short transactions");

    private static final Measure P50 = Measure.claim("latency_p50", "request latency, median", Unit.SECONDS, Better.LOWER);
    private static final Measure P99 = Measure.claim("latency_p99", "request latency, 99th percentile", Unit.SECONDS, Better.LOWER);
    private static final Measure WAIT = Measure.claim("connection_wait", "wait for a connection (mean)", Unit.SECONDS, Better.LOWER);
    private static final Measure TIMEOUTS = Measure.claim("timeout_share", "requests failing on the connection timeout", Unit.RATIO, Better.LOWER);
    private static final Measure LOCK_WAIT = Measure.shown("lock_wait", "wait for the hot row's lock (mean)", Unit.SECONDS, Better.LOWER);
    private static final Measure POOL_BUSY = Measure.shown("pool_busy", "pool connections in use (time average share)", Unit.RATIO, Better.LOWER);
    private static final Measure CPU = Measure.shown("db_cpu", "database CPU busy", Unit.RATIO, Better.LOWER);
    private static final Measure THROUGHPUT = Measure.shown("throughput", "requests completed per second", Unit.PER_SECOND, Better.HIGHER);

    private static final Pattern SHORT_TRANSACTIONS = Pattern.compile(
            "(?i)skip\\s+locked|lock_timeout|short\\s+transactions?|atomic\\s+update|single\\s+(?:atomic\\s+)?update|"
                    + "\\b(\\w+)\\s*=\\s*\\1\\s*[-+]");

    /** A new model for the ten-second-lag card. */
    public TenSecondLagModel() {
        super("ten-second-lag");
    }

    @Override
    public List<Variant> variants() {
        return List.of(STATED_POOL, SIZED_POOL, SIZED_SHORT);
    }

    @Override
    public List<Measure> measures() {
        return List.of(P50, P99, WAIT, TIMEOUTS, LOCK_WAIT, POOL_BUSY, CPU, THROUGHPUT);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("offered_connections", "busy connections by Little's law (query rate x query time)", Unit.COUNT),
                new MetricSpec("little_pool", "pool sized by Little's law with 2x headroom", Unit.COUNT),
                new MetricSpec("hikari_formula_pool", "HikariCP formula: cores x 2 + 1 spindle", Unit.COUNT),
                new MetricSpec("hot_lock_load", "hot-row lock load with long holds (rate x share x hold)", Unit.FACTOR),
                new MetricSpec("erlang_c_wait_stated_pool", "Erlang C mean wait, stated pool, no hot row", Unit.SECONDS),
                new MetricSpec("erlang_c_wait_sized_pool", "Erlang C mean wait, sized pool, no hot row", Unit.SECONDS));
    }

    /** The pool the fix uses: the busy connections Little's law predicts, with headroom, at least one. */
    static int sizedPool(double queryRate, double queryTime) {
        return (int) Math.max(1, Math.ceil(HEADROOM * queryRate * queryTime - 1e-9));
    }

    /** HikariCP's starting point for a pool: core_count x 2 + effective_spindle_count, one SSD counted as one. */
    static int hikariFormula(int cores) {
        return cores * 2 + 1;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        double rate = p.get("query_rate");
        double queryTime = p.get("query_time");
        double lockHold = p.get("lock_hold_time");
        int defaultPool = p.count("pool_size");
        int sized = sizedPool(rate, queryTime);
        double window = window(rate, HORIZON, MAX_REQUESTS);
        Map<String, Double> v = new LinkedHashMap<>();
        List<Outcome> outcomes = List.of(
                new Run(p, seed, "main", rate, window, defaultPool, lockHold, cancellation).run(),
                new Run(p, seed, "main", rate, window, sized, lockHold, cancellation).run(),
                new Run(p, seed, "main", rate, window, sized, queryTime, cancellation).run());
        List<Variant> variants = variants();
        for (int i = 0; i < variants.size(); i++) {
            Outcome o = outcomes.get(i);
            Variant var = variants.get(i);
            v.put(metricName(P50, var), o.p50);
            v.put(metricName(P99, var), o.p99);
            v.put(metricName(WAIT, var), o.connectionWait);
            v.put(metricName(TIMEOUTS, var), o.timeoutShare);
            v.put(metricName(LOCK_WAIT, var), o.lockWait);
            v.put(metricName(POOL_BUSY, var), o.poolBusy);
            v.put(metricName(CPU, var), o.cpu);
            v.put(metricName(THROUGHPUT, var), o.throughput);
        }
        v.put("offered_connections", rate * queryTime);
        v.put("little_pool", (double) sized);
        v.put("hikari_formula_pool", (double) hikariFormula(p.count("db_cores")));
        v.put("hot_lock_load", rate * p.get("hot_row_share") * lockHold);
        v.put("erlang_c_wait_stated_pool", finiteOrNaN(ConnectionPoolModel.erlangCWait(defaultPool, rate, 1 / queryTime)));
        v.put("erlang_c_wait_sized_pool", finiteOrNaN(ConnectionPoolModel.erlangCWait(sized, rate, 1 / queryTime)));
        return new ReplicationOutcome(v, sweep(p, seed, rate, defaultPool, sized, cancellation));
    }

    /**
     * Latency percentiles as concurrency grows: the naive system and the fix, each with its own pool as sized
     * for the stated rate, under 0.25x to 2x that rate. The x axis is the offered concurrency in busy
     * connections (rate x query time), in steps of a quarter of the stated load.
     */
    private List<Series> sweep(ParameterSet p, long seed, double rate, int defaultPool, int sized, Cancellation cancellation) {
        double queryTime = p.get("query_time");
        List<Double> naive50 = new ArrayList<>();
        List<Double> naive99 = new ArrayList<>();
        List<Double> fix50 = new ArrayList<>();
        List<Double> fix99 = new ArrayList<>();
        for (int k = 1; k <= SWEEP_STEPS; k++) {
            double r = rate * k / 4.0;
            String stream = "sweep-" + k;
            Outcome naive = new Run(p, seed, stream, r, window(r, SWEEP_HORIZON, SWEEP_MAX_REQUESTS), defaultPool, p.get("lock_hold_time"), cancellation).run();
            Outcome fixed = new Run(p, seed, stream, r, window(r, SWEEP_HORIZON, SWEEP_MAX_REQUESTS), sized, queryTime, cancellation).run();
            naive50.add(naive.p50);
            naive99.add(naive.p99);
            fix50.add(fixed.p50);
            fix99.add(fixed.p99);
        }
        double step = rate * queryTime / 4.0;
        String axis = " by offered concurrency (busy connections, rate x query time)";
        return List.of(
                new Series("latency_p50_" + STATED_POOL.id(), "median latency, " + STATED_POOL.label() + axis, Unit.SECONDS, step, step, naive50),
                new Series("latency_p99_" + STATED_POOL.id(), "99th percentile latency, " + STATED_POOL.label() + axis, Unit.SECONDS, step, step, naive99),
                new Series("latency_p50_" + SIZED_SHORT.id(), "median latency, " + SIZED_SHORT.label() + axis, Unit.SECONDS, step, step, fix50),
                new Series("latency_p99_" + SIZED_SHORT.id(), "99th percentile latency, " + SIZED_SHORT.label() + axis, Unit.SECONDS, step, step, fix99));
    }

    /** The traffic window: the given seconds, or less when that many seconds would bring more than {@code maxRequests}. */
    static double window(double rate, double seconds, double maxRequests) {
        return Math.min(seconds, maxRequests / rate);
    }

    private static double finiteOrNaN(double x) {
        return Double.isFinite(x) ? x : Double.NaN;
    }

    /** What one variant measured. */
    private record Outcome(double p50, double p99, double connectionWait, double timeoutShare, double lockWait,
                           double poolBusy, double cpu, double throughput) {
    }

    /** A request: when it came, whether it updates the hot row, and its unit-mean work draw. */
    private static final class Request {
        final double arrived;
        final boolean hot;
        final double work;
        double lockRequested;

        Request(double arrived, boolean hot, double work) {
            this.arrived = arrived;
            this.hot = hot;
            this.work = work;
        }
    }

    /**
     * One variant under one load. The arrivals, the hot-row draws and each request's work come from streams
     * named by the load alone, so every variant sees the same requests (common random numbers) and the
     * comparison is not blurred by different luck.
     */
    private static final class Run {
        private final Simulation sim;
        private final SplittableRandom arrivals;
        private final SplittableRandom requests;
        private final double rate;
        private final double horizon;
        private final int pool;
        private final double queryTime;
        private final double hotHold;
        private final double hotShare;
        private final double timeout;
        private final double cpuPerQuery;
        private final int cores;

        private int busy;
        private boolean lockHeld;
        private final ArrayDeque<Request> waiting = new ArrayDeque<>();
        private final ArrayDeque<Request> lockQueue = new ArrayDeque<>();
        private boolean timeoutPending;

        private long arrivedCount;
        private long timedOut;
        private long completedInHorizon;
        private final Tally waits = new Tally();
        private final Tally lockWaits = new Tally();
        private final Percentiles latency = new Percentiles();
        private final TimeWeighted busyLevel = new TimeWeighted(0, 0);

        Run(ParameterSet p, long seed, String stream, double rate, double horizon, int pool, double hotHold,
            Cancellation cancellation) {
            RandomStreams streams = new RandomStreams(seed);
            this.sim = new Simulation(cancellation);
            this.arrivals = streams.stream(stream + "-arrivals");
            this.requests = streams.stream(stream + "-requests");
            this.rate = rate;
            this.horizon = horizon;
            this.pool = pool;
            this.queryTime = p.get("query_time");
            this.hotHold = hotHold;
            this.hotShare = p.get("hot_row_share");
            this.timeout = p.get("connection_timeout");
            this.cpuPerQuery = p.get("query_cpu_time");
            this.cores = p.count("db_cores");
        }

        Outcome run() {
            sim.schedule(exponential(arrivals) / rate, this::arrive);
            sim.runUntil(horizon);
            double busyMean = busyLevel.mean(horizon) / pool;
            long completed = completedInHorizon;
            sim.run();
            double cpu = Math.min(1, completed * cpuPerQuery / (cores * horizon));
            return new Outcome(latency.percentile(50), latency.percentile(99), waits.mean(),
                    arrivedCount == 0 ? 0 : (double) timedOut / arrivedCount, lockWaits.count() == 0 ? 0 : lockWaits.mean(),
                    busyMean, cpu, completed / horizon);
        }

        private static double exponential(SplittableRandom r) {
            return -StrictMath.log(1 - r.nextDouble());
        }

        private void arrive() {
            double now = sim.now();
            arrivedCount++;
            double next = now + exponential(arrivals) / rate;
            if (next < horizon) {
                sim.scheduleAt(next, this::arrive);
            }
            // Both draws are taken for every request, hot or not, so the streams stay aligned across variants.
            boolean hot = requests.nextDouble() < hotShare;
            Request r = new Request(now, hot, exponential(requests));
            if (busy < pool) {
                connect(r);
            } else {
                waiting.add(r);
                armTimeout();
            }
        }

        /** One pending deadline at a time, for the head of the FIFO queue, as HikariCP's waiters time out in order. */
        private void armTimeout() {
            if (timeoutPending || waiting.isEmpty()) {
                return;
            }
            timeoutPending = true;
            sim.scheduleAt(Math.max(sim.now(), waiting.peek().arrived + timeout), this::expire);
        }

        private void expire() {
            timeoutPending = false;
            double now = sim.now();
            while (!waiting.isEmpty() && waiting.peek().arrived + timeout <= now) {
                Request r = waiting.poll();
                timedOut++;
                double w = now - r.arrived;
                waits.add(w);
                latency.record(w);
            }
            armTimeout();
        }

        private void connect(Request r) {
            double now = sim.now();
            busy++;
            busyLevel.set(now, busy);
            waits.add(now - r.arrived);
            if (r.hot) {
                r.lockRequested = now;
                if (lockHeld) {
                    lockQueue.add(r);
                    return;
                }
                lockHeld = true;
            }
            work(r);
        }

        private void work(Request r) {
            double hold = r.hot ? hotHold : queryTime;
            if (r.hot) {
                lockWaits.add(sim.now() - r.lockRequested);
            }
            sim.schedule(r.work * hold, () -> finish(r));
        }

        private void finish(Request r) {
            double now = sim.now();
            latency.record(now - r.arrived);
            if (now <= horizon) {
                completedInHorizon++;
            }
            if (r.hot) {
                Request next = lockQueue.poll();
                if (next != null) {
                    work(next);
                } else {
                    lockHeld = false;
                }
            }
            busy--;
            busyLevel.set(now, busy);
            Request next = waiting.poll();
            if (next != null) {
                connect(next);
            }
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, m));
        double offered = p.get("query_rate") * p.get("query_time");
        int pool = p.count("pool_size");
        double lockLoad = m.get("hot_lock_load").value();
        String cpu = Unit.RATIO.format(m.get(metricName(CPU, STATED_POOL)).value());
        String p99 = Unit.SECONDS.format(m.get(metricName(P99, STATED_POOL)).value());
        boolean lockSaturated = lockLoad >= 1;
        boolean poolShort = offered >= pool;
        if (lockSaturated || poolShort) {
            String why = lockSaturated
                    ? "the hot row's lock is asked for " + Unit.number(lockLoad) + "x the time it can give ("
                    + Unit.PER_SECOND.format(p.get("query_rate") * p.get("hot_row_share")) + " x "
                    + Unit.SECONDS.format(p.get("lock_hold_time")) + "), so updates waiting for it pile up on the pool's connections"
                    : "Little's law asks for " + Unit.number(offered) + " busy connections from a pool of " + pool;
            out.add(new Verdict(Verdict.Status.MISSED, "requests wait rather than work",
                    "With the " + STATED_POOL.label() + ", " + why + ": 99th percentile latency " + p99
                            + " while the database CPU is only " + cpu + " busy."));
        } else {
            out.add(new Verdict(Verdict.Status.MET, "requests wait rather than work",
                    "The stated pool of " + pool + " covers " + Unit.number(offered) + " busy connections and the hot-row lock is busy "
                            + Unit.RATIO.format(lockLoad) + " of the time: requests do not pile up (99th percentile " + p99 + ")."));
        }
        double fixTimeouts = m.get(metricName(TIMEOUTS, SIZED_SHORT)).value();
        out.add(new Verdict(fixTimeouts > 0 ? Verdict.Status.MISSED : Verdict.Status.MET, "no connection timeouts with the fix",
                String.format(Locale.ROOT, "A pool of %d (%s busy connections x %s headroom; HikariCP's formula gives %d for %d cores) "
                                + "with short transactions: %s of requests time out, 99th percentile %s.",
                        sizedPool(p.get("query_rate"), p.get("query_time")), Unit.number(offered), Unit.number(HEADROOM),
                        hikariFormula(p.count("db_cores")), p.count("db_cores"), Unit.RATIO.format(fixTimeouts),
                        Unit.SECONDS.format(m.get(metricName(P99, SIZED_SHORT)).value()))));
        return out;
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design d) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        DesignFacts.queryRate(d).ifPresent(v -> out.put("query_rate", v));
        DesignFacts.serviceTime(d).ifPresent(v -> out.put("query_time", v));
        DesignFacts.poolSize(d).ifPresent(v -> out.put("pool_size", v));
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design d) {
        Optional<DesignValue> pool = DesignFacts.poolSize(d);
        Optional<DesignValue> rate = DesignFacts.queryRate(d);
        Optional<DesignValue> time = DesignFacts.serviceTime(d);
        if (pool.isEmpty() || rate.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        double stated = pool.get().number();
        double busy = rate.get().number() * time.get().number();
        if (stated < busy) {
            return Optional.empty();
        }
        ConcurrentAccess c = d.concurrency();
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"concurrency.writes.handling", c.writes().handling()});
        fields.add(new String[] {"concurrency.read_write.handling", c.readWrite().handling()});
        for (int i = 0; i < d.queries().size(); i++) {
            // An UPDATE that computes the new value from the old one in the statement holds its lock for that statement only.
            fields.add(new String[] {"queries[" + i + "].sql", d.queries().get(i).sql()});
        }
        for (String[] field : fields) {
            var match = SHORT_TRANSACTIONS.matcher(field[1]);
            if (match.find() && stated >= HEADROOM * busy) {
                return Optional.of(DesignValue.choice(SIZED_SHORT.id(), field[0], "'" + match.group() + "' and "
                        + pool.get().text() + " for " + Unit.number(busy) + " busy connections"));
            }
        }
        return Optional.of(DesignValue.choice(SIZED_POOL.id(), pool.get().field(),
                pool.get().text() + " covers " + Unit.number(busy) + " busy connections; the design says nothing of short lock holds"));
    }

    @Override
    public Optional<String> notApplicable(Design d) {
        if (d.schema().sql().isBlank() && d.queries().isEmpty()) {
            return Optional.of("The design states neither a relational schema nor queries, so there is no connection pool or row lock to wait for.");
        }
        return Optional.empty();
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Requests arrive as a Poisson process and each holds one pooled connection; a plain query keeps it for an exponential time with the stated mean (M/M/c).",
                "A share of the requests updates one hot row: with a connection in hand it waits for the row's lock, then holds lock and connection for an exponential time with the lock hold time as mean.",
                "The fix's short transactions hold the hot row's lock only for the update itself, one query time, as an atomic UPDATE does; the lock still serialises those updates.",
                "The sized pool is the busy connections Little's law predicts (rate x query time) with 2x headroom, rounded up, as in the card's example; HikariCP's formula cores x 2 + 1 is reported beside it.",
                "A request waits in FIFO order for a connection and fails when it has waited the connection timeout, as HikariCP's getConnection does; a request waiting for the lock never gives up (PostgreSQL's lock_timeout is off by default).",
                "Database CPU is the completed queries times the CPU each needs, over the cores: a connection that waits for a lock or sits in a slow step costs no CPU.",
                "Each variant sees " + (int) HORIZON + " s of traffic from an idle start (shorter above " + (int) (MAX_REQUESTS / HORIZON) + " requests/s, so that a run stays fast), then the queues drain; every request's latency counts, failed ones at the time they waited. A short window understates waits that would keep growing in a longer overload.",
                "All variants get the same arrivals, hot-row draws and work per request (common random numbers).",
                "Left out: the database's own queueing on its cores and disks, retries by clients, several application instances sharing the database's connection limit, and deadlocks.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "HikariCP, 'About Pool Sizing' (github.com/brettwooldridge/HikariCP/wiki/About-Pool-Sizing): connections = core_count x 2 + effective_spindle_count",
                "HikariCP configuration (README): maximumPoolSize 10 and connectionTimeout 30,000 ms by default",
                "A. K. Erlang (1917); L. Kleinrock, Queueing Systems, vol. 1 (1975): the M/M/c queue and Erlang C",
                "J. D. C. Little, 'A proof for the queuing formula L = lambda W', Operations Research 9(3), 1961",
                "PostgreSQL documentation: lock_timeout (default 0, off) and pg_stat_activity wait_event_type 'Lock'");
    }

    @Override
    public String validation() {
        return "With no hot row the default pool is an M/M/10 queue: at 400 queries/s x 20 ms (a = 8, utilisation 0.8) "
                + "Erlang C gives a mean wait of 4.09 ms (C = 0.409, Wq = C / (c mu - lambda)); 40 replications of 20 s simulate "
                + "4.11 ms (95% CI 3.85 to 4.36 ms), and the pool is busy 79.9% of the time against lambda S / c = 80% "
                + "(TenSecondLagModelTest.withoutAHotRowThePoolWaitMatchesErlangC, which requires the CI plus 5% and 2%). "
                + "With the card's defaults the hot row's lock is asked for 4x the time it has (20 updates/s x 200 ms), so it passes "
                + "at most 1 / 200 ms = 5 updates/s and, with 5% of requests hot, the pool completes about 1 / (5% x 200 ms) = 100 "
                + "requests/s whatever its size: simulated 105/s with 10 connections and 112/s with 16; a third of the requests "
                + "fail on the 30 s timeout, the 99th percentile is 30.1 s and the database CPU is 5% busy. The sized pool with short "
                + "transactions completes all 400/s with a 99th percentile of 97 ms at 20% CPU "
                + "(TenSecondLagModelTest.aBiggerPoolAloneDoesNotHelpButShortTransactionsDo, cpuStaysLowWhileLatencyExplodes).";
    }
}
