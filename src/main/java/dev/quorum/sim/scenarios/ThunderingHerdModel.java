package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Deterministic;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.TimeWeighted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Cache expiry and the thundering herd. N hot keys are cached at the same moment (a warm-up job) with one
 * TTL, so they expire together; every request for an expired key goes to the database until the first
 * refill returns. Compared, with the same request streams: a fixed TTL, a TTL with random jitter, request
 * coalescing (one database query per key, the others wait for it), and jitter with coalescing.
 */
public final class ThunderingHerdModel implements Model {

    /** The model's id. */
    public static final String ID = "thundering-herd";

    /** The variants compared, in the order their metrics are reported. */
    static final List<String> VARIANTS = List.of("fixed", "jitter", "coalescing", "jitter_coalescing");
    private static final List<String> VARIANT_LABELS = List.of("fixed TTL", "TTL with jitter", "request coalescing",
            "jitter and coalescing");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("request_rate", "Request rate on the hot keys", Unit.PER_SECOND, 100, 0.001, 1e6,
                    "engineering assumption: used only when the design gives no read query frequency",
                    "queries[*].frequency (read queries)", "Requests per second spread evenly over the hot keys."),
            Parameter.number("hot_keys", "Hot keys", Unit.COUNT, 1000, 1, 1_000_000,
                    "engineering assumption: 1,000 keys cached by one warm-up job", "",
                    "Keys cached at the same moment with the same TTL."),
            Parameter.number("ttl", "TTL", Unit.SECONDS, 300, 1, 30 * 86_400,
                    "engineering assumption: 5 min", "design text ('TTL 300 s', 'a 1 h TTL')", "How long a cached value lives."),
            Parameter.number("jitter", "Jitter", Unit.RATIO, 0.1, 0, 0.5,
                    "engineering assumption: plus or minus 10%, a common choice, used when the design states no amount",
                    "design text ('10% random jitter')", "Each key's TTL is drawn uniformly from TTL x (1 - jitter) to TTL x (1 + jitter)."),
            Parameter.choice("design_variant", "What the design does", VARIANTS, "fixed",
                    "assumption: a fixed TTL unless the design text mentions jitter or coalescing (single flight)",
                    "design text (jitter, single flight, coalescing)", "The variant the verdict judges."),
            Parameter.number("recompute", "Refill query time", Unit.SECONDS, 0.05, 0.0001, 600,
                    "engineering assumption: 50 ms for the database query that rebuilds one cached value", "",
                    "Time of the database query that refills a key (mean)."),
            Parameter.choice("recompute_distribution", "Refill time distribution", List.of("lognormal", "deterministic", "exponential"),
                    "lognormal", "engineering assumption: query times are right-skewed (lognormal, 50% variation); 'deterministic' gives the closed form",
                    "", "How each refill query's time is drawn."),
            Parameter.number("db_capacity", "Database capacity", Unit.COUNT, 10, 1, 100_000,
                    "HikariCP's default maximumPoolSize of 10", "design text (pool size)",
                    "Queries the database runs at once; more wait in a queue."),
            Parameter.number("cache_latency", "Cache hit latency", Unit.SECONDS, 0.001, 0, 1,
                    "engineering assumption: about 1 ms for a cache hit in the same zone", "", "Latency of a request served from the cache."));

    private static final List<MetricSpec> METRICS = metricSpecs();

    private static List<MetricSpec> metricSpecs() {
        List<MetricSpec> out = new ArrayList<>();
        for (int i = 0; i < VARIANTS.size(); i++) {
            String v = VARIANTS.get(i);
            String label = VARIANT_LABELS.get(i);
            out.add(new MetricSpec("peak_in_flight_" + v, "database queries at once, peak (" + label + ")", Unit.COUNT));
            out.add(new MetricSpec("peak_qps_" + v, "database queries per second, peak second (" + label + ")", Unit.PER_SECOND));
            out.add(new MetricSpec("db_queries_" + v, "database queries caused by the expiry (" + label + ")", Unit.COUNT));
            out.add(new MetricSpec("latency_p99_" + v, "request latency around the expiry, 99th percentile (" + label + ")", Unit.SECONDS));
            out.add(new MetricSpec("latency_max_" + v, "request latency around the expiry, worst (" + label + ")", Unit.SECONDS));
        }
        out.add(new MetricSpec("in_flight_at_refill", "database queries in flight one refill time after a fixed-TTL expiry", Unit.COUNT));
        return List.copyOf(out);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Cache expiry and thundering herd";
    }

    @Override
    public String summary() {
        return "N hot keys with one TTL expire together and every miss goes to the database. The database peak and "
                + "request latency with a fixed TTL, with jitter, with request coalescing, and with both.";
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
        DesignFacts.put(out, "request_rate", DesignFacts.readRate(d));
        DesignFacts.put(out, "ttl", DesignFacts.cacheTtl(d));
        Optional<DesignValue> jitter = DesignFacts.jitter(d, 0.1);
        jitter.filter(j -> j.number() > 0).ifPresent(j -> out.put("jitter", j));
        Optional<DesignValue> coalescing = DesignFacts.coalescing(d);
        boolean jittered = jitter.isPresent() && jitter.get().number() > 0;
        if (jittered || coalescing.isPresent()) {
            String variant = jittered && coalescing.isPresent() ? "jitter_coalescing" : jittered ? "jitter" : "coalescing";
            DesignValue evidence = jittered ? jitter.get() : coalescing.get();
            String text = (jittered ? "jitter: " + jitter.get().text() : "")
                    + (jittered && coalescing.isPresent() ? "; " : "")
                    + (coalescing.isPresent() ? "coalescing: " + coalescing.get().text() : "");
            out.put("design_variant", DesignValue.choice(variant, evidence.field(), text));
        } else if (jitter.isPresent()) {
            out.put("design_variant", DesignValue.choice("fixed", jitter.get().field(), jitter.get().text()));
        }
        DesignFacts.put(out, "db_capacity", DesignFacts.poolSize(d));
        return out;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        Map<String, Double> v = new LinkedHashMap<>();
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < VARIANTS.size(); i++) {
            String variant = VARIANTS.get(i);
            boolean jitter = variant.startsWith("jitter");
            boolean coalescing = variant.endsWith("coalescing");
            // The same seed for every variant: the request streams are shared as far as the variants allow.
            Herd herd = new Herd(p, seed, jitter, coalescing, cancellation);
            herd.run();
            v.put("peak_in_flight_" + variant, herd.inFlight.max());
            v.put("peak_qps_" + variant, herd.peakPerSecond());
            v.put("db_queries_" + variant, (double) herd.queries);
            v.put("latency_p99_" + variant, herd.latency.percentile(99));
            v.put("latency_max_" + variant, herd.latency.max());
            if (i == 0) {
                v.put("in_flight_at_refill", herd.inFlightAtRefill);
            }
            series.add(new Series("db_queries_" + variant, "database queries per second (" + VARIANT_LABELS.get(i) + ")",
                    Unit.PER_SECOND, herd.chart.start(), herd.chart.width(), herd.chart.values()));
        }
        return new ReplicationOutcome(v, series);
    }

    /** The most missed requests one variant simulates; beyond it the herd is reported as not recovering. */
    private static final long REQUEST_BUDGET = 2_000_000;

    /** One variant of one replication: per-key request streams from each key's expiry until it is refilled. */
    private static final class Herd {
        private final Simulation sim;
        private final SplittableRandom expiryDraws;
        private final SplittableRandom requestDraws;
        private final SplittableRandom queryDraws;
        private final SplittableRandom hitDraws;
        private final int keys;
        private final Exponential perKeyGap;
        private final double rate;
        private final double ttl;
        private final double jitterAmount;
        private final boolean coalescing;
        private final Distribution recompute;
        private final int capacity;
        private final double cacheLatency;
        private final double windowStart;
        private final double windowEnd;
        private final double hardEnd;

        private final boolean[] refilled;
        private final boolean[] pending;
        private final List<List<Double>> waiters = new ArrayList<>();
        private final java.util.ArrayDeque<double[]> queue = new java.util.ArrayDeque<>();
        private final java.util.Set<double[]> running = new java.util.LinkedHashSet<>();
        private int busy;
        long queries;
        private long requests;
        final TimeWeighted inFlight;
        final Percentiles latency = new Percentiles();
        final BucketedSeries chart;
        private final BucketedSeries perSecond;
        double inFlightAtRefill = Double.NaN;

        Herd(ParameterSet p, long seed, boolean jitter, boolean coalescing, Cancellation cancellation) {
            RandomStreams streams = new RandomStreams(seed);
            sim = new Simulation(cancellation);
            expiryDraws = streams.stream("expiry");
            requestDraws = streams.stream("requests");
            queryDraws = streams.stream("refill-queries");
            hitDraws = streams.stream("hits");
            keys = p.count("hot_keys");
            rate = p.get("request_rate");
            perKeyGap = Exponential.ofRate(rate / keys);
            ttl = p.get("ttl");
            jitterAmount = jitter ? p.get("jitter") : 0;
            this.coalescing = coalescing;
            double mean = p.get("recompute");
            recompute = switch (p.choice("recompute_distribution")) {
                case "deterministic" -> new Deterministic(mean);
                case "exponential" -> new Exponential(mean);
                default -> Timing.lognormal(mean, 0.5);
            };
            capacity = p.count("db_capacity");
            cacheLatency = p.get("cache_latency");
            double spread = p.get("jitter");
            // Every variant is observed over the same window: the widest expiry spread plus time to settle.
            windowStart = ttl * (1 - spread);
            windowEnd = ttl * (1 + spread) + Math.max(10, 100 * mean);
            hardEnd = windowEnd + 300;
            refilled = new boolean[keys];
            pending = new boolean[keys];
            for (int k = 0; k < keys; k++) {
                waiters.add(coalescing ? new ArrayList<>() : List.of());
            }
            inFlight = new TimeWeighted(windowStart, 0);
            chart = new BucketedSeries(windowStart, (windowEnd - windowStart) / 100, 100, BucketedSeries.Aggregate.RATE);
            // One-second buckets for the peak; coarser for very long TTLs, where the figure becomes an average rate.
            double secondWidth = Math.max(1, (hardEnd - windowStart) / 100_000);
            perSecond = new BucketedSeries(windowStart, secondWidth, (int) Math.ceil((hardEnd - windowStart) / secondWidth) + 1,
                    BucketedSeries.Aggregate.RATE);
        }

        void run() {
            for (int k = 0; k < keys; k++) {
                int key = k;
                double expiry = ttl * (1 + jitterAmount * (2 * expiryDraws.nextDouble() - 1));
                // Requests before the expiry are hits; the first request after it is the first miss.
                sim.scheduleAt(expiry + perKeyGap.sample(requestDraws), () -> request(key));
            }
            sim.scheduleAt(ttl + recompute.mean(), () -> {
                if (jitterAmount == 0 && !coalescing) {
                    inFlightAtRefill = inFlight.level();
                }
            });
            sim.runUntil(hardEnd);
            // Requests still waiting when the run ends have waited at least until then; record that much.
            for (double[] q : running) {
                latency.record(hardEnd - q[1]);
            }
            for (double[] q : queue) {
                latency.record(hardEnd - q[1]);
            }
            for (List<Double> w : waiters) {
                for (double from : w) {
                    latency.record(hardEnd - from);
                }
            }
            // Requests in the window that did not miss were hits, served from the cache.
            long total = PoissonCounts.sample(hitDraws, rate * (windowEnd - windowStart));
            latency.recordCount(cacheLatency, Math.max(0, total - requests));
        }

        private void request(int key) {
            if (refilled[key]) {
                return;
            }
            if (requests >= REQUEST_BUDGET) {
                // A herd this large does not recover within the run; stop rather than simulate it for hours.
                sim.stop();
                return;
            }
            double now = sim.now();
            requests++;
            if (coalescing && pending[key]) {
                waiters.get(key).add(now);
            } else {
                pending[key] = true;
                issue(key, now);
            }
            sim.schedule(perKeyGap.sample(requestDraws), () -> request(key));
        }

        private void issue(int key, double requestedAt) {
            queries++;
            inFlight.add(sim.now(), 1);
            if (busy < capacity) {
                start(key, requestedAt);
            } else {
                queue.add(new double[] {key, requestedAt});
            }
        }

        private void start(int key, double requestedAt) {
            busy++;
            chart.add(sim.now(), 1);
            perSecond.add(sim.now(), 1);
            double[] query = {key, requestedAt};
            running.add(query);
            sim.schedule(recompute.sample(queryDraws), () -> complete(query));
        }

        private void complete(double[] query) {
            int key = (int) query[0];
            double requestedAt = query[1];
            running.remove(query);
            double now = sim.now();
            busy--;
            inFlight.add(now, -1);
            latency.record(now - requestedAt + cacheLatency);
            if (!refilled[key]) {
                refilled[key] = true;
                if (coalescing) {
                    for (double waitedFrom : waiters.get(key)) {
                        latency.record(now - waitedFrom + cacheLatency);
                    }
                    waiters.get(key).clear();
                }
            }
            double[] next = queue.poll();
            if (next != null) {
                start((int) next[0], next[1]);
            }
        }

        double peakPerSecond() {
            double peak = 0;
            for (double x : perSecond.values()) {
                peak = Math.max(peak, x);
            }
            return peak;
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        List<Verdict> out = new ArrayList<>();
        String design = p.choice("design_variant");
        double capacity = p.get("db_capacity");
        for (int i = 0; i < VARIANTS.size(); i++) {
            String v = VARIANTS.get(i);
            double peak = m.get("peak_in_flight_" + v).value();
            String label = VARIANT_LABELS.get(i) + (v.startsWith("jitter") ? " (+/-" + Unit.RATIO.format(p.get("jitter")) + ")" : "");
            String text = capitalise(label) + (v.equals(design) ? " (the design)" : "") + ": " + Unit.COUNT.format(peak)
                    + " database queries at once at the peak against a capacity of " + Unit.COUNT.format(capacity) + ", "
                    + Unit.PER_SECOND.format(m.get("peak_qps_" + v).value()) + " in the busiest second; requests wait up to "
                    + Unit.SECONDS.format(m.get("latency_max_" + v).value()) + " (99th percentile "
                    + Unit.SECONDS.format(m.get("latency_p99_" + v).value()) + ")";
            Verdict.Status status = !v.equals(design) ? Verdict.Status.INFO
                    : peak <= capacity ? Verdict.Status.MET : Verdict.Status.MISSED;
            out.add(new Verdict(status, "database capacity " + Unit.COUNT.format(capacity), text));
        }
        return out;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
