package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Count;
import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.ConnectionPoolModel;
import dev.quorum.sim.scenarios.DesignFacts;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The budget crisis: a hot query against a large table on a database that cannot grow. The database's cores are
 * an M/M/c queue whose service time is the query's CPU time: a full scan reads every row, an index descends a
 * B-tree whose depth grows with the logarithm of the rows, and a cache in front answers a share of the reads
 * before they reach the database. Compared on the same seeded query stream.
 */
public final class BudgetCrisisModel extends ScenarioModel {

    /** The table size at which the card's index lookup time is stated. */
    static final double REFERENCE_ROWS = 1e7;
    private static final double MAX_HORIZON = 60;
    private static final int QUERY_BUDGET = 50_000;
    private static final Pattern FACTOR = Pattern.compile("\\s*[×*]\\s*|\\s*(?<![A-Za-z])[xX](?![A-Za-z])\\s*");

    private static final Variant SCAN = new Variant("scan", "full table scan");
    private static final Variant INDEX = new Variant("index", "index");
    private static final Variant CACHE = new Variant("index_cache", "index and cache");

    private static final Measure CPU = Measure.claim("cpu", "database CPU busy", Unit.RATIO, Better.LOWER);
    private static final Measure DEMAND = Measure.shown("cpu_demand", "database CPU demand, rate x service time / cores",
            Unit.RATIO, Better.LOWER);
    private static final Measure LATENCY_MEAN = Measure.shown("latency_mean", "query latency, mean", Unit.SECONDS, Better.LOWER);
    private static final Measure LATENCY_P99 = Measure.claim("latency_p99", "query latency, 99th percentile", Unit.SECONDS, Better.LOWER);
    private static final Measure MAX_RATE = Measure.claim("max_rate", "highest query rate the database sustains", Unit.PER_SECOND,
            Better.HIGHER);

    /** A new model for the card budget-crisis. */
    public BudgetCrisisModel() {
        super("budget-crisis");
    }

    @Override
    public List<Variant> variants() {
        return List.of(SCAN, INDEX, CACHE);
    }

    @Override
    public List<Measure> measures() {
        return List.of(CPU, DEMAND, LATENCY_MEAN, LATENCY_P99, MAX_RATE);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        List<MetricSpec> out = new ArrayList<>();
        for (Variant v : variants()) {
            out.add(new MetricSpec("erlang_c_latency_" + v.id(), "query latency, mean, M/M/c with Erlang C (closed form, " + v.label()
                    + "; none when overloaded)", Unit.SECONDS));
        }
        out.add(new MetricSpec("horizon", "time simulated", Unit.SECONDS));
        return out;
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Queries arrive as a Poisson process at the query rate, the same arrivals (and the same cache hits) for every variant.",
                "The database is c identical cores serving queries first come, first served, one query per core (no parallel scans), with exponential service times: an M/M/c queue, simulated exactly with the multi-server waiting-time recursion.",
                "A full scan's CPU time is the table's rows divided by the scan speed per core; rows are read from memory, so disk I/O, which would make scans slower still, is left out.",
                "An index lookup's CPU time is the card's lookup time at 10M rows, scaled by ln(rows) / ln(10M), the way a B-tree's depth grows.",
                "The cache is cache-aside: every query pays the cache lookup, a miss then goes to the database with the index; hits are independent draws with the hit ratio, and staleness, invalidation and the cache's own load are left out.",
                "An overloaded variant (demand at or above the cores) has no steady state: its latency is what the queries arriving within the simulated horizon (60 s after a 10 s warm-up, shorter at very high rates) wait until the cores have worked through the queue in front of them, and it grows without bound with a longer horizon; its busy share is then close to 100%.",
                "Only the hot query is modelled; other queries, writes and index maintenance on writes share the same cores in a real database and are left out.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "PostgreSQL 16 documentation, chapter 11 Indexes and 14.1 Using EXPLAIN (postgresql.org/docs/16/)",
                "D. Comer, The Ubiquitous B-Tree, ACM Computing Surveys 11(2), 1979: lookup cost proportional to the tree height, log of the keys",
                "Redis documentation, Diagnosing latency issues: about 200 µs per round trip on 1 Gbit/s (redis.io)",
                "A. K. Erlang, 1917, and L. Kleinrock, Queueing Systems, vol. 1, Wiley 1975: the M/M/c queue and Erlang C");
    }

    @Override
    public String validation() {
        return "Closed forms: service time = rows / scan speed for a scan (10M / 20M per s = 0.5 s) and 0.1 ms x ln(rows) / "
                + "ln(10M) with an index; demand = rate x service time x (1 - hit ratio) / cores; highest sustainable rate = "
                + "cores / (service time x (1 - hit ratio)), 16/s, 80,000/s and 800,000/s at the defaults "
                + "(BudgetCrisisModelTest.demandAndCapacityFollowTheServiceTimes). The simulated queue is checked against "
                + "Erlang C at a load where waiting matters (1M rows, 128/s, 8 cores: 0.05 s service, 80% busy): mean latency "
                + "W = 1/mu + C(c, a) / (c mu - lambda) = 0.0643 s expected, 0.0635 s simulated (95% CI 0.0621 to 0.0648, 20 "
                + "replications of 60 s after a 10 s warm-up, seed 33), busy share 0.80 expected, 0.798 simulated "
                + "(BudgetCrisisModelTest.theDatabaseQueueMatchesErlangC). At the defaults the full scan needs 12.5 times the "
                + "cores, so its latency only reports the queue the 60 s horizon builds; with the cache, the hit ratio cuts the "
                + "measured busy share in proportion (BudgetCrisisModelTest.theCacheCutsDatabaseLoadByTheHitRatio).";
    }

    /** The CPU time of one query without a cache, by variant. */
    static double serviceTime(ParameterSet p, boolean indexed) {
        double rows = p.get("table_rows");
        return indexed ? p.get("index_lookup_time") * StrictMath.log(rows) / StrictMath.log(REFERENCE_ROWS)
                : rows / p.get("scan_rate");
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return hotQuery(design).isPresent() ? Optional.empty()
                : Optional.of("The design states no query with a readable frequency, so there is no query rate to put against the database.");
    }

    /** The index of the most frequent read query with a readable frequency. */
    private static Optional<Integer> hotQuery(Design d) {
        int best = -1;
        double bestRate = -1;
        for (int i = 0; i < d.queries().size(); i++) {
            Query q = d.queries().get(i);
            OptionalDouble f = q.frequency().perSecond();
            if (!DesignFacts.isWrite(q) && f.isPresent() && f.getAsDouble() > bestRate) {
                best = i;
                bestRate = f.getAsDouble();
            }
        }
        return best < 0 ? Optional.empty() : Optional.of(best);
    }

    /** The data element the hot query reads first, matched by name. */
    private static Optional<Integer> hotElement(Design d, Query q) {
        for (String accessed : q.dataAccessed()) {
            String want = normalise(accessed);
            List<DataElement> elements = d.persistence().dataElements();
            for (int i = 0; i < elements.size(); i++) {
                if (normalise(elements.get(i).name()).equals(want)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The row count in a size estimate such as "1 KB per row x 10M rows": its largest factor that is a count, not a size. */
    static OptionalDouble rows(DataSize estimate) {
        double best = -1;
        for (String factor : FACTOR.split(estimate.text())) {
            String f = factor.replaceAll("\\(.*?\\)", "").strip();
            if (f.isEmpty() || DataSize.of(f).bytes().isPresent()) {
                continue;
            }
            OptionalDouble n = Count.of(f).value();
            if (n.isPresent() && n.getAsDouble() > best) {
                best = n.getAsDouble();
            }
        }
        return best > 0 ? OptionalDouble.of(best) : OptionalDouble.empty();
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design d) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        Optional<Integer> hot = hotQuery(d);
        if (hot.isEmpty()) {
            return out;
        }
        Query q = d.queries().get(hot.get());
        String name = q.name().isBlank() ? "the most frequent read query" : "'" + q.name() + "'";
        out.put("query_rate", DesignValue.of(q.frequency().perSecond().getAsDouble(), "queries[" + hot.get() + "].frequency",
                name + ", the most frequent read query: '" + q.frequency().text() + "'"));
        hotElement(d, q).ifPresent(i -> {
            DataElement e = d.persistence().dataElements().get(i);
            rows(e.sizeEstimate()).ifPresent(n -> out.put("table_rows", DesignValue.of(n,
                    "persistence.data_elements[" + i + "].size_estimate", e.name() + ", read by " + name + ": '"
                            + e.sizeEstimate().text() + "'")));
        });
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design d) {
        Optional<Integer> hot = hotQuery(d);
        if (hot.isEmpty()) {
            return Optional.empty();
        }
        Query q = d.queries().get(hot.get());
        Optional<Integer> element = hotElement(d, q);
        if (element.isEmpty()) {
            return Optional.empty();
        }
        String table = d.persistence().dataElements().get(element.get()).name();
        Pattern index = Pattern.compile("(?is)create\\s+(?:unique\\s+)?index\\b[^;]*?\\bon\\s+(?:only\\s+)?(?:\\w+\\.)?\"?"
                + Pattern.quote(table) + "\"?\\s*(?:using\\s+\\w+\\s*)?\\(");
        var m = index.matcher(d.schema().sql());
        if (!m.find()) {
            return Optional.empty();
        }
        String indexText = m.group().replaceAll("\\s+", " ");
        List<StorageChoice> choices = d.persistence().storageChoices();
        for (int i = 0; i < choices.size(); i++) {
            StorageChoice c = choices.get(i);
            if (c.type() == StorageType.CACHE && normalise(c.data() + " " + c.accessPatterns() + " " + c.justification())
                    .contains(normalise(table))) {
                return Optional.of(DesignValue.choice(CACHE.id(), "persistence.storage_choices[" + i + "]",
                        "'" + indexText + "' in schema.sql and a cache for " + c.data()));
            }
        }
        return Optional.of(DesignValue.choice(INDEX.id(), "schema.sql", "'" + indexText + "'"));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        double rate = p.get("query_rate");
        int cores = p.count("db_cores");
        double hitRatio = p.get("cache_hit_ratio");
        double cacheLookup = p.get("cache_lookup_time");
        double horizon = Math.min(MAX_HORIZON, QUERY_BUDGET / rate / 1.2);
        Map<String, Double> out = new LinkedHashMap<>();
        Map<String, Double> extra = new LinkedHashMap<>();
        for (Variant v : variants()) {
            boolean cached = v == CACHE;
            double service = serviceTime(p, v != SCAN);
            double missShare = cached ? 1 - hitRatio : 1;
            Queue q = new Queue(seed, cores, rate, service, horizon, cached ? hitRatio : 0, cached ? cacheLookup : 0, cancellation);
            q.run();
            double demand = rate * missShare * service / cores;
            out.put(metricName(CPU, v), q.busy / (cores * horizon));
            out.put(metricName(DEMAND, v), demand);
            out.put(metricName(LATENCY_MEAN, v), q.latencySum / q.queries);
            out.put(metricName(LATENCY_P99, v), q.latency.percentile(99));
            out.put(metricName(MAX_RATE, v), cores / (service * missShare));
            double dbRate = rate * missShare;
            double dbLatency = service + ConnectionPoolModel.erlangCWait(cores, dbRate, 1 / service);
            double closed = cached ? cacheLookup + missShare * dbLatency : dbLatency;
            extra.put("erlang_c_latency_" + v.id(), Double.isFinite(closed) ? closed : Double.NaN);
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Measure m : measures()) {
            for (Variant v : variants()) {
                ordered.put(metricName(m, v), out.get(metricName(m, v)));
            }
        }
        ordered.putAll(extra);
        ordered.put("horizon", horizon);
        return new ReplicationOutcome(ordered, List.of());
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        double rate = p.get("query_rate");
        for (Variant v : variants()) {
            Metric max = metrics.get(metricName(MAX_RATE, v));
            Metric demand = metrics.get(metricName(DEMAND, v));
            if (max == null || demand == null) {
                continue;
            }
            boolean holds = rate < max.value();
            String text = capitalise(v.label()) + ": the query needs " + Unit.RATIO.format(demand.value()) + " of "
                    + p.count("db_cores") + " cores at " + Unit.PER_SECOND.format(rate) + "; the database sustains up to "
                    + Unit.PER_SECOND.format(max.value()) + (holds ? "" : ", so the queue grows without bound");
            // Only the fix is judged against the cores; the other variants are shown for comparison.
            Verdict.Status status = v != fix() ? Verdict.Status.INFO : holds ? Verdict.Status.MET : Verdict.Status.MISSED;
            out.add(new Verdict(status, "database cores " + p.count("db_cores"), text));
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /**
     * Queries through c cores, first come first served: each takes the core that frees first, so its wait is the
     * multi-server recursion's max(0, earliest free - arrival). Queries and busy time count from the end of the
     * warm-up to the end of the horizon.
     */
    private static final class Queue {
        private final SplittableRandom arrivals;
        private final SplittableRandom services;
        private final SplittableRandom hits;
        private final Cancellation cancellation;
        private final Exponential gap;
        private final Exponential service;
        private final double[] freeAt;
        private final double horizon;
        private final double hitRatio;
        private final double cacheLookup;
        final Percentiles latency = new Percentiles();
        double latencySum;
        long queries;
        double busy;
        private long drawn;
        private final double warmUp;

        Queue(long seed, int cores, double rate, double meanService, double horizon, double hitRatio, double cacheLookup,
                Cancellation cancellation) {
            RandomStreams streams = new RandomStreams(seed);
            arrivals = streams.stream("queries");
            services = streams.stream("query-cpu");
            hits = streams.stream("cache-hits");
            this.cancellation = cancellation;
            gap = Exponential.ofRate(rate);
            service = new Exponential(meanService);
            freeAt = new double[cores];
            this.horizon = horizon;
            // A sixth of the horizon first, not counted, so a stable queue is measured near its steady state.
            this.warmUp = horizon / 6;
            this.hitRatio = hitRatio;
            this.cacheLookup = cacheLookup;
        }

        void run() {
            double t = gap.sample(arrivals);
            double until = warmUp + horizon;
            while (t < until) {
                if ((++drawn & 4095) == 0 && cancellation != null) {
                    cancellation.check();
                }
                // Drawn for every query, used or not, so the variants share their draws query by query.
                double work = service.sample(services);
                boolean hit = hits.nextDouble() < hitRatio;
                double took;
                if (hit) {
                    took = cacheLookup;
                } else {
                    int core = 0;
                    for (int k = 1; k < freeAt.length; k++) {
                        if (freeAt[k] < freeAt[core]) {
                            core = k;
                        }
                    }
                    double start = Math.max(t + cacheLookup, freeAt[core]);
                    double end = start + work;
                    freeAt[core] = end;
                    busy += Math.max(0, Math.min(end, until) - Math.max(start, warmUp));
                    took = end - t;
                }
                if (t >= warmUp) {
                    latency.record(took);
                    latencySum += took;
                    queries++;
                }
                t += gap.sample(arrivals);
            }
        }
    }
}
