package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.TopologyNode;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.DesignFacts;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The Noon Crash: keys warmed together with one TTL expire as a promotion starts. Compares a fixed TTL, a TTL
 * with jitter, and jitter with request coalescing, and reports the database query rate against its capacity.
 */
public final class NoonCrashModel extends ScenarioModel {

    private static final List<Variant> VARIANTS = List.of(
            new Variant("fixed", "fixed TTL"),
            new Variant("jitter", "TTL with jitter"),
            new Variant("jitter_coalescing", "jitter and request coalescing"));

    private static final List<Measure> MEASURES = List.of(
            Measure.claim("peak_db_rate", "database queries per second, busiest second", Unit.PER_SECOND, Better.LOWER),
            Measure.claim("time_over_capacity", "time with the database above capacity", Unit.SECONDS, Better.LOWER),
            Measure.claim("db_queries", "database queries after the expiry", Unit.COUNT, Better.LOWER),
            Measure.claim("misses", "cache misses after the expiry", Unit.COUNT, Better.LOWER),
            Measure.claim("worst_rebuild", "longest time a key stays uncached", Unit.SECONDS, Better.LOWER));

    /** Keys simulated one by one at most; beyond it each simulated key stands for several. */
    static final int MAX_SIMULATED_KEYS = 1_000_000;
    /** Time steps per replication and variant at most; longer windows take coarser steps. */
    static final int MAX_STEPS = 50_000;

    private static final Pattern CACHE_WORDS = Pattern.compile("(?i)\\b(?:cache[sd]?|caching|redis|memcached|valkey|cdn|varnish)\\b");

    /** The model for the noon-crash card. */
    public NoonCrashModel() {
        super("noon-crash");
    }

    @Override
    public List<Variant> variants() {
        return VARIANTS;
    }

    @Override
    public List<Measure> measures() {
        return MEASURES;
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("spread_rate", "rebuilds per second while jittered expiries spread, keys / (jitter x TTL) (closed form)",
                        Unit.PER_SECOND),
                new MetricSpec("queries_per_key", "database queries per expired key without coalescing, 1 + rate per key x rebuild time "
                        + "(closed form, unsaturated database)", Unit.FACTOR));
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "A warm-up job writes every key at once one TTL before the promotion, so with a fixed TTL all keys expire at its start.",
                "Jitter adds a uniform random extra of 0 to jitter x TTL to each key's TTL; a rebuilt key gets a fresh jittered TTL.",
                "From the start of the promotion requests arrive at surge x the normal rate, spread evenly over the keys as Poisson streams.",
                "The first request after a key expires misses and queries the database; without coalescing every request until the "
                        + "rebuild returns queries it too, with coalescing those requests wait and add no query.",
                "The database serves queries in arrival order at up to its capacity per second; a rebuild takes the rebuild time plus "
                        + "the queue ahead of it, so an overloaded database keeps keys uncached longer and draws more duplicate queries.",
                "Requests during a rebuild are counted as a Poisson number over the rebuild window rather than simulated one by one "
                        + "(exact for Poisson arrivals); time advances in steps of at most the rebuild time, and the queue is read once per step.",
                "Requests never time out or retry, and the queue lets each key's first query through ahead of its duplicates, so "
                        + "the herd ends once the queue drains; timeouts and retries, which make real herds last longer, are left out, "
                        + "as are other queries on the database and the cache's own capacity.",
                "Above " + String.format(Locale.ROOT, "%,d", MAX_SIMULATED_KEYS) + " keys each simulated key stands for several, which keeps "
                        + "the expected figures but shrinks the random spread.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "Vattani, Chierichetti and Lowenstein, Optimal Probabilistic Cache Stampede Prevention, VLDB 2015",
                "Go golang.org/x/sync/singleflight package documentation (duplicate call suppression)",
                "AWS Builders' Library, Timeouts, retries and backoff with jitter");
    }

    @Override
    public String validation() {
        return "With jitter and an unsaturated database the expiries spread evenly over the jitter window, so the database "
                + "sees keys / (jitter x TTL) rebuilds per second; with coalescing exactly one query per key, without it "
                + "1 + Poisson(rate per key x rebuild time). For 200,000 keys, 5 x 5,000/s and a 1 h TTL with 10% jitter the "
                + "closed form is 555.6 rebuilds/s, and the simulated rate over seconds 60 to 300 of the window is within 2% "
                + "of it on three seeds (the Poisson spread is 0.3%). For the default 10,000 keys and a 1,000,000/s database "
                + "the closed form is 10,000 x 1.125 = 11,250 queries without coalescing; 20 replications give 11,244.9 "
                + "(95% CI 11,224.9 to 11,264.9) and exactly 10,000 with coalescing. With a fixed TTL the busiest second "
                + "reaches 21,500/s of the 25,000/s requests, the bound since each request queries at most once. "
                + "NoonCrashModelTest.jitteredExpiriesSpreadEvenlyOverTheWindow, "
                + "NoonCrashModelTest.eachExpiredKeyIsQueriedOncePlusTheRequestsDuringItsRebuild, "
                + "NoonCrashModelTest.withAFixedTtlTheDatabaseSeesNearlyTheFullRequestRate.";
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        for (StorageChoice c : design.persistence().storageChoices()) {
            if (c.type() == StorageType.CACHE || CACHE_WORDS.matcher(c.system()).find()) {
                return Optional.empty();
            }
        }
        for (TopologyNode n : design.replication().topology().nodes()) {
            if (n.role() == NodeRole.CACHE) {
                return Optional.empty();
            }
        }
        return Optional.of("The design has no cache (no storage choice of type cache, no Redis, Memcached or CDN, no cache node), "
                + "so no cached entries can expire together.");
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        DesignFacts.readRate(design).ifPresent(v -> out.put("request_rate", v));
        DesignFacts.cacheTtl(design).ifPresent(v -> out.put("ttl", v));
        DesignFacts.jitter(design, 0.1).filter(v -> v.number() > 0 && v.number() <= 1).ifPresent(v -> out.put("jitter", v));
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        Optional<DesignValue> jitter = DesignFacts.jitter(design, 0.1);
        if (jitter.isEmpty() || jitter.get().number() <= 0) {
            return jitter.map(j -> DesignValue.choice("fixed", j.field(), j.text()));
        }
        Optional<DesignValue> coalescing = DesignFacts.coalescing(design);
        return Optional.of(coalescing.isPresent()
                ? DesignValue.choice("jitter_coalescing", jitter.get().field(), jitter.get().text() + "; " + coalescing.get().text())
                : DesignValue.choice("jitter", jitter.get().field(), jitter.get().text()));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        Map<String, Double> values = new LinkedHashMap<>();
        List<Series> series = new ArrayList<>();
        for (Variant v : VARIANTS) {
            boolean jitter = !v.id().equals("fixed");
            boolean coalescing = v.id().endsWith("coalescing");
            Stampede s = new Stampede(p, seed, jitter, coalescing, cancellation);
            s.run();
            values.put(metricName(MEASURES.get(0), v), s.peakRate());
            values.put(metricName(MEASURES.get(1), v), s.timeOverCapacity());
            values.put(metricName(MEASURES.get(2), v), s.queries);
            values.put(metricName(MEASURES.get(3), v), s.misses);
            values.put(metricName(MEASURES.get(4), v), s.worstRebuild);
            series.add(new Series("db_rate_" + v.id(), "database queries per second (" + v.label() + ")", Unit.PER_SECOND,
                    s.chart.start(), s.chart.width(), s.chart.values()));
        }
        values.put("spread_rate", spreadRate(p));
        values.put("queries_per_key", queriesPerKey(p));
        return new ReplicationOutcome(values, series);
    }

    /** The closed-form rebuild rate while jittered expiries spread: keys / (jitter x TTL); NaN without jitter. */
    static double spreadRate(ParameterSet p) {
        double spread = p.get("jitter") * p.get("ttl");
        return spread > 0 ? p.get("keys") / spread : Double.NaN;
    }

    /** The closed-form queries per expired key without coalescing on an unsaturated database. */
    static double queriesPerKey(ParameterSet p) {
        return 1 + p.get("surge") * p.get("request_rate") / p.get("keys") * p.get("rebuild_time");
    }

    /**
     * One variant of one replication. Each key's expiry and first miss are events on a calendar of time steps;
     * the requests during a rebuild are a Poisson count spread over the rebuild window, and the database is a
     * first-come queue drained at its capacity.
     */
    static final class Stampede {
        private final Cancellation cancellation;
        private final SplittableRandom expiryDraws;
        private final SplittableRandom missDraws;
        private final SplittableRandom duringRebuildDraws;
        private final int keys;
        private final double weight;
        private final Exponential firstMiss;
        private final double ratePerKey;
        private final double ttl;
        private final double jitter;
        private final boolean coalescing;
        private final double capacity;
        private final double rebuild;
        final double start;
        final double dt;
        final int steps;
        private final int stepsPerBucket;
        private final double[] due;
        private final double[] rampStart;
        private final int[] missHead;
        private final int[] doneHead;
        private final int[] next;
        private final double[] missAt;
        private final double[] doneAt;
        final double[] bucketQueries;
        final BucketedSeries chart;
        double queries;
        double misses;
        double worstRebuild;

        Stampede(ParameterSet p, long seed, boolean jittered, boolean coalescing, Cancellation cancellation) {
            this.cancellation = cancellation;
            RandomStreams streams = new RandomStreams(seed);
            expiryDraws = streams.stream("expiry");
            missDraws = streams.stream("first-miss");
            duringRebuildDraws = streams.stream("requests-during-rebuild");
            double allKeys = Math.max(1, Math.round(p.get("keys")));
            keys = (int) Math.min(allKeys, MAX_SIMULATED_KEYS);
            weight = allKeys / keys;
            double requestRate = p.get("request_rate") * p.get("surge");
            ratePerKey = requestRate / allKeys;
            firstMiss = Exponential.ofRate(ratePerKey);
            ttl = p.get("ttl");
            double jitterShare = p.get("jitter");
            jitter = jittered ? jitterShare : 0;
            this.coalescing = coalescing;
            capacity = p.get("db_capacity");
            rebuild = p.get("rebuild_time");
            // Every variant is watched over the same window: the widest jitter spread plus time to settle.
            start = ttl;
            double span = jitterShare * ttl + Math.max(60, 200 * rebuild);
            double step = Math.min(1, rebuild);
            step = Math.max(step, span / MAX_STEPS);
            if (step < 1) {
                // Whole steps per second, so the busiest second is a sum of steps.
                step = 1.0 / Math.ceil(1 / step);
                stepsPerBucket = (int) Math.round(1 / step);
            } else {
                stepsPerBucket = 1;
            }
            dt = step;
            steps = (int) Math.ceil(span / dt);
            due = new double[steps + 1];
            rampStart = new double[steps + 2];
            missHead = new int[steps];
            doneHead = new int[steps];
            Arrays.fill(missHead, -1);
            Arrays.fill(doneHead, -1);
            next = new int[keys];
            missAt = new double[keys];
            doneAt = new double[keys];
            bucketQueries = new double[(steps + stepsPerBucket - 1) / stepsPerBucket];
            chart = new BucketedSeries(start, steps * dt / 100, 100, BucketedSeries.Aggregate.RATE);
        }

        void run() {
            for (int k = 0; k < keys; k++) {
                scheduleMiss(k, 0, 0);
            }
            double backlog = 0;
            double duringRebuild = 0;
            for (int i = 0; i < steps; i++) {
                if ((i & 1023) == 0) {
                    cancellation.check();
                }
                for (int k = doneHead[i]; k >= 0; ) {
                    int after = next[k];
                    scheduleMiss(k, doneAt[k], i);
                    k = after;
                }
                double wait = backlog / capacity;
                for (int k = missHead[i]; k >= 0; ) {
                    int after = next[k];
                    issue(k, missAt[k], wait, i);
                    k = after;
                }
                duringRebuild += rampStart[i];
                double arrivals = due[i] + duringRebuild * dt;
                queries += arrivals;
                bucketQueries[i / stepsPerBucket] += arrivals;
                chart.add(start + i * dt, arrivals);
                double served = Math.min(backlog + arrivals, capacity * dt);
                backlog += arrivals - served;
            }
        }

        /** Caches key {@code k} at {@code cachedAt} and books its next first miss on the calendar, no earlier than step {@code from}. */
        private void scheduleMiss(int k, double cachedAt, int from) {
            double expiry = cachedAt + ttl * (1 + jitter * expiryDraws.nextDouble());
            double miss = Math.max(expiry, start) + firstMiss.sample(missDraws);
            int i = Math.max(from, stepOf(miss));
            if (i < steps) {
                missAt[k] = miss;
                next[k] = missHead[i];
                missHead[i] = k;
            }
        }

        private void issue(int k, double missedAt, double wait, int step) {
            double doneTime = missedAt + wait + rebuild;
            double window = doneTime - missedAt;
            worstRebuild = Math.max(worstRebuild, window);
            long during = PoissonCounts.sample(duringRebuildDraws, ratePerKey * window);
            misses += weight * (1 + during);
            due[step] += weight;
            if (!coalescing && during > 0) {
                spread(weight * during, missedAt, doneTime, step);
            }
            int d = Math.max(step + 1, stepOf(doneTime));
            if (d < steps) {
                doneAt[k] = doneTime;
                next[k] = doneHead[d];
                doneHead[d] = k;
            }
        }

        /** Spreads {@code count} queries evenly over [from, to), as rates on the steps they cover. */
        private void spread(double count, double from, double to, int step) {
            double rate = count / (to - from);
            int first = Math.max(step, stepOf(from));
            int last = stepOf(to);
            if (first >= steps) {
                return;
            }
            if (last <= first) {
                due[first] += count;
                return;
            }
            due[first] += rate * (start + (first + 1) * dt - from);
            rampStart[first + 1] += rate;
            if (last < steps) {
                rampStart[last] -= rate;
                due[last] += rate * (to - (start + last * dt));
            }
        }

        private int stepOf(double time) {
            double pos = (time - start) / dt;
            return pos >= steps ? steps : (int) Math.max(0, Math.floor(pos));
        }

        double peakRate() {
            double width = stepsPerBucket * dt;
            double peak = 0;
            for (double b : bucketQueries) {
                peak = Math.max(peak, b / width);
            }
            return peak;
        }

        double timeOverCapacity() {
            double width = stepsPerBucket * dt;
            double over = 0;
            for (double b : bucketQueries) {
                if (b / width > capacity) {
                    over += width;
                }
            }
            return over;
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        double capacity = p.get("db_capacity");
        String target = "database capacity " + Unit.PER_SECOND.format(capacity);
        for (Variant v : VARIANTS) {
            Metric peak = metrics.get(metricName(MEASURES.get(0), v));
            Metric over = metrics.get(metricName(MEASURES.get(1), v));
            if (peak == null || over == null) {
                continue;
            }
            boolean met = peak.value() <= capacity;
            out.add(new Verdict(met ? Verdict.Status.MET : Verdict.Status.MISSED, target,
                    Character.toUpperCase(v.label().charAt(0)) + v.label().substring(1) + ": the database peaks at " + peak.text()
                            + " against a capacity of " + Unit.PER_SECOND.format(capacity)
                            + (met ? "" : ", above it for " + over.text() + " of the window")));
        }
        return out;
    }
}
