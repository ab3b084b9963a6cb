package dev.quorum.sim.scenarios;

import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.model.ReplicationStrategy;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Normal;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Multi-primary conflicts under last-writer-wins. Writes land on any primary and reach the others after the
 * lag. Two writes to one key conflict when neither primary had seen the other's write; last-writer-wins
 * keeps the one with the later timestamp and silently drops the other. With clock skew it can even drop a
 * write that had seen the one it loses to.
 */
public final class MultiPrimaryModel implements Model {

    /** The model's id. */
    public static final String ID = "multi-primary";

    private static final List<String> CONSISTENCY = List.of("strong", "read-your-writes", "causal", "eventual", "not stated");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("write_rate", "Write rate", Unit.PER_SECOND, 10, 0.001, 1e6,
                    "engineering assumption: used only when the design gives no write query frequency",
                    "queries[*].frequency (write queries)", "Writes per second over all primaries."),
            Parameter.number("primaries", "Primaries", Unit.COUNT, 2, 2, 16,
                    "assumption: two primaries, the smallest multi-primary set", "replication.topology.nodes (role primary)",
                    "Primaries that accept writes; each write lands on one of them at random."),
            Parameter.number("lag", "Lag between primaries", Unit.SECONDS, 1, 0, 86_400,
                    "engineering assumption: cross-site replication usually lags under a second",
                    "replication.topology.links (between primaries), else replication.expected_lag",
                    "How long a write takes to reach the other primaries (mean)."),
            Parameter.choice("lag_distribution", "Lag distribution", List.of("exponential", "deterministic"), "exponential",
                    "engineering assumption: lag varies; 'deterministic' gives the closed form", "",
                    "How each write's replication delay is drawn; each link stays in commit order."),
            Parameter.number("lag_period", "Lag drift period", Unit.SECONDS, 10, 0.001, 86_400,
                    "engineering assumption: replication lag drifts with load over seconds; a new lag level every 10 s on average", "",
                    "How often each link's lag changes level (mean)."),
            Parameter.number("keys", "Keys", Unit.COUNT, 10_000, 1, 100_000_000,
                    "engineering assumption: writes spread evenly over 10,000 rows; fewer, hotter rows conflict more", "",
                    "Distinct rows the writes touch, uniformly."),
            Parameter.number("clock_skew", "Clock skew", Unit.SECONDS, 0.01, 0, 60,
                    "NTP documentation: within about 1 ms on a LAN and tens of milliseconds over the Internet; 10 ms assumed between sites", "",
                    "Standard deviation of each primary's clock offset; last-writer-wins compares these clocks."),
            Parameter.choice("consistency", "Consistency model", CONSISTENCY, "not stated",
                    "not stated: no verdict", "consistency.model", "The promise the verdicts judge against."),
            Parameter.number("writes", "Writes per replication", Unit.COUNT, 200_000, 1000, 1e8,
                    "engineering choice: enough writes for stable conflict rates", "", "Writes each replication simulates."));

    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec("conflicts_per_hour", "conflicting write pairs per hour", Unit.COUNT),
            new MetricSpec("conflict_share", "writes in a conflict", Unit.RATIO),
            new MetricSpec("lost_per_hour", "updates lost per hour under last-writer-wins", Unit.COUNT),
            new MetricSpec("lost_share", "writes lost under last-writer-wins", Unit.RATIO),
            new MetricSpec("skew_lost_per_hour", "updates lost per hour to clock skew alone", Unit.COUNT));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Multi-primary conflicts under last-writer-wins";
    }

    @Override
    public String summary() {
        return "Primaries update the same keys within the lag window. The conflict rate, and the updates "
                + "last-writer-wins silently drops.";
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
        ReplicationStrategy s = design.replication().strategy();
        long primaries = design.replication().topology().nodes().stream().filter(n -> n.role() == NodeRole.PRIMARY).count();
        if (s == ReplicationStrategy.MULTI_PRIMARY || s == ReplicationStrategy.PEER_TO_PEER || primaries >= 2) {
            return Optional.empty();
        }
        return Optional.of("the design has a single primary (replication strategy "
                + (s == null ? "not stated" : s.id()) + ", " + primaries + " primary node" + (primaries == 1 ? "" : "s") + ")");
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design d) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        DesignFacts.put(out, "write_rate", DesignFacts.writeRate(d));
        DesignFacts.nodeCount(d, NodeRole.PRIMARY).filter(v -> v.number() >= 2).ifPresent(v -> out.put("primaries", v));
        DesignFacts.put(out, "lag", DesignFacts.primaryLag(d));
        DesignFacts.put(out, "consistency", DesignFacts.consistencyModel(d));
        return out;
    }

    /** A write still able to conflict with a later one. */
    private static final class Write {
        final double time;
        final int primary;
        final double stamp;
        final double[] visibleAt;
        boolean lost;
        boolean conflicted;

        Write(double time, int primary, double stamp, double[] visibleAt) {
            this.time = time;
            this.primary = primary;
            this.stamp = stamp;
            this.visibleAt = visibleAt;
        }
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        RandomStreams streams = new RandomStreams(seed);
        SplittableRandom writeDraws = streams.stream("writes");
        SplittableRandom lagDraws = streams.stream("lag");
        SplittableRandom clockDraws = streams.stream("clocks");
        Simulation sim = new Simulation(cancellation);
        int primaries = p.count("primaries");
        int keys = p.count("keys");
        double rate = p.get("write_rate");
        Exponential gap = Exponential.ofRate(rate);
        Distribution lag = Timing.lag(p.get("lag"), p.choice("lag_distribution").equals("deterministic"));
        double skew = p.get("clock_skew");
        double[] offset = new double[primaries];
        Normal clock = new Normal(0, skew);
        for (int i = 0; i < primaries; i++) {
            offset[i] = clock.sample(clockDraws);
        }
        long writes = (long) p.get("writes");
        double duration = writes / rate;
        // How long a write can still be overtaken by skew once every primary has seen it.
        double skewHorizon = 12 * skew;
        LagProcess[][] links = new LagProcess[primaries][primaries];
        for (int a = 0; a < primaries; a++) {
            for (int b = 0; b < primaries; b++) {
                links[a][b] = a == b ? null : new LagProcess(lag, p.get("lag_period"), lagDraws);
            }
        }
        Map<Integer, List<Write>> recent = new java.util.HashMap<>();
        // [0] conflicting pairs, [1] writes, [2] writes in a conflict, [3] writes lost, [4] lost to skew alone
        long[] counts = new long[5];
        BucketedSeries conflictsOverTime = new BucketedSeries(0, duration / 60, 60, BucketedSeries.Aggregate.RATE);

        Runnable[] arrive = new Runnable[1];
        arrive[0] = () -> {
            double now = sim.now();
            int at = writeDraws.nextInt(primaries);
            int key = writeDraws.nextInt(keys);
            double[] visible = new double[primaries];
            for (int q = 0; q < primaries; q++) {
                if (q == at) {
                    visible[q] = now;
                } else {
                    visible[q] = links[at][q].applyTime(now);
                }
            }
            Write w = new Write(now, at, now + offset[at], visible);
            List<Write> list = recent.computeIfAbsent(key, k -> new ArrayList<>());
            for (Iterator<Write> it = list.iterator(); it.hasNext(); ) {
                Write u = it.next();
                double lastVisible = 0;
                for (double v : u.visibleAt) {
                    lastVisible = Math.max(lastVisible, v);
                }
                if (lastVisible + skewHorizon < now) {
                    // Every primary has seen u long ago: nothing later can conflict with it any more.
                    counts[2] += u.conflicted ? 1 : 0;
                    counts[3] += u.lost ? 1 : 0;
                    it.remove();
                    continue;
                }
                boolean seen = u.primary == at || u.visibleAt[at] <= now;
                if (!seen) {
                    counts[0]++;
                    conflictsOverTime.add(now, 1);
                    u.conflicted = true;
                    w.conflicted = true;
                    Write loser = u.stamp <= w.stamp ? u : w;
                    loser.lost = true;
                } else if (w.stamp < u.stamp && !w.lost) {
                    // w saw u, yet its clock is behind: last-writer-wins keeps u and drops the newer w.
                    w.lost = true;
                    counts[4]++;
                }
            }
            list.add(w);
            if (++counts[1] < writes) {
                sim.schedule(gap.sample(writeDraws), arrive[0]::run);
            }
        };
        sim.schedule(gap.sample(writeDraws), arrive[0]::run);
        sim.run();
        for (List<Write> list : recent.values()) {
            for (Write w : list) {
                counts[2] += w.conflicted ? 1 : 0;
                counts[3] += w.lost ? 1 : 0;
            }
        }
        double hours = sim.now() / 3600;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("conflicts_per_hour", counts[0] / hours);
        v.put("conflict_share", (double) counts[2] / counts[1]);
        v.put("lost_per_hour", counts[3] / hours);
        v.put("lost_share", (double) counts[3] / counts[1]);
        v.put("skew_lost_per_hour", counts[4] / hours);
        return new ReplicationOutcome(v, List.of(new Series("conflicts", "conflicting write pairs per second",
                Unit.PER_SECOND, 0, conflictsOverTime.width(), conflictsOverTime.values())));
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        String lost = Unit.COUNT.format(m.get("lost_per_hour").value());
        String text = Unit.COUNT.format(m.get("conflicts_per_hour").value()) + " conflicting write pairs per hour ("
                + Unit.RATIO.format(m.get("conflict_share").value()) + " of writes); last-writer-wins silently drops "
                + lost + " updates per hour (" + Unit.RATIO.format(m.get("lost_share").value()) + " of writes), "
                + Unit.COUNT.format(m.get("skew_lost_per_hour").value()) + " of them to clock skew alone";
        String consistency = p.choice("consistency");
        if (consistency.equals("not stated") || consistency.equals(ConsistencyModel.EVENTUAL.id())) {
            return List.of(new Verdict(Verdict.Status.INFO, "lost updates", text));
        }
        double share = m.get("lost_share").value();
        return List.of(new Verdict(share > 0 ? Verdict.Status.MISSED : Verdict.Status.MET, consistency + " consistency",
                capitalise(consistency) + " consistency" + (share > 0 ? " is not kept: " : " is kept: ") + text));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
