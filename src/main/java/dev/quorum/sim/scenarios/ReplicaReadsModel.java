package dev.quorum.sim.scenarios;

import dev.quorum.model.ConsistencyModel;
import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.Tally;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Replica reads. Clients write to the primary and read from replicas that apply each write after a lag.
 * Every read is routed four ways with the same random draws: straight to a replica, to the primary for a
 * window after the client's write, to the primary for the rest of a sticky session, and to a replica after
 * waiting until it has applied the client's last write (its LSN). Each way's stale reads, read-your-writes
 * violations, share of reads on the primary and latency are reported.
 */
public final class ReplicaReadsModel implements Model {

    /** The model's id. */
    public static final String ID = "replica-reads";

    /** The routings compared, in the order their metrics are reported. */
    static final List<String> MECHANISMS = List.of("none", "window", "sticky", "lsn");
    private static final List<String> MECHANISM_LABELS = List.of("replica, no mechanism",
            "primary for a window after a write", "sticky session on the primary", "wait for the LSN");

    private static final List<String> CONSISTENCY = List.of("strong", "read-your-writes", "causal", "eventual", "not stated");

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("write_rate", "Write rate", Unit.PER_SECOND, 10, 0.001, 1e6,
                    "engineering assumption: used only when the design gives no write query frequency",
                    "queries[*].frequency (write queries)", "Writes per second."),
            Parameter.number("read_rate", "Read rate", Unit.PER_SECOND, 100, 0.001, 1e7,
                    "engineering assumption: ten reads per write, used only when the design gives no read query frequency",
                    "queries[*].frequency (read queries)", "Reads per second, read-backs included."),
            Parameter.number("lag", "Replica lag", Unit.SECONDS, 1, 0, 86_400,
                    "engineering assumption: streaming replication usually lags well under a second; 1 s is a round upper figure",
                    "replication.topology.links (to read replicas), else replication.expected_lag",
                    "How long a replica takes to apply a write (mean)."),
            Parameter.choice("lag_distribution", "Lag distribution", List.of("exponential", "deterministic"), "exponential",
                    "engineering assumption: lag varies with load; an exponential with the stated lag as its mean has a long tail", "",
                    "How each write's apply delay is drawn; replicas still apply writes in commit order."),
            Parameter.number("lag_period", "Lag drift period", Unit.SECONDS, 10, 0.001, 86_400,
                    "engineering assumption: replication lag drifts with load over seconds; a new lag level every 10 s on average", "",
                    "How often the replicas' lag changes level (mean)."),
            Parameter.number("replicas", "Read replicas", Unit.COUNT, 1, 1, 32,
                    "assumption: one replica", "replication.topology.nodes (role replica)", "Replicas the reads are spread over."),
            Parameter.number("keys", "Keys", Unit.COUNT, 1000, 1, 10_000_000,
                    "engineering assumption: reads and writes spread evenly over 1,000 rows; fewer, hotter rows raise the stale-read rate", "",
                    "Distinct rows the workload touches, uniformly."),
            Parameter.number("clients", "Clients", Unit.COUNT, 1000, 1, 100_000,
                    "engineering assumption: 1,000 concurrent users", "", "Clients the writes and reads come from."),
            Parameter.number("read_back_share", "Read-back share", Unit.RATIO, 0.5, 0, 1,
                    "engineering assumption: half of all writes are followed by the writer reading the row back (a redirect after a form post)", "",
                    "Share of writes the same client reads back."),
            Parameter.number("read_back_delay", "Read-back delay", Unit.SECONDS, 0.5, 0, 3600,
                    "engineering assumption: the next page loads about half a second after the write", "",
                    "Time from a write to its read-back (mean, exponential)."),
            Parameter.number("primary_window", "Primary window", Unit.SECONDS, 2, 0, 86_400,
                    "Rails ActiveRecord::Middleware::DatabaseSelector default: read from the primary for 2 s after a write", "",
                    "How long a client reads from the primary after it writes (the window mechanism)."),
            Parameter.number("session_length", "Sticky session length", Unit.SECONDS, 1800, 0, 7 * 86_400,
                    "engineering assumption: a 30-minute idle session timeout", "",
                    "How long after its last write a sticky session keeps reading from the primary."),
            Parameter.number("lsn_timeout", "LSN wait timeout", Unit.SECONDS, 1, 0, 3600,
                    "engineering assumption: wait at most 1 s for the replica, then read from the primary", "",
                    "How long a read waits for the replica to reach the client's LSN before it goes to the primary."),
            Parameter.number("read_latency", "Read latency", Unit.SECONDS, 0.001, 0, 10,
                    "engineering assumption: an indexed point read in the same zone, about 1 ms", "",
                    "Time of one read on a replica (mean, lognormal with 50% variation)."),
            Parameter.number("primary_extra_latency", "Extra latency on the primary", Unit.SECONDS, 0, 0, 10,
                    "engineering assumption: primary and replicas in the same zone; set it for a remote or busy primary", "",
                    "What a read on the primary costs beyond a read on a replica."),
            Parameter.choice("consistency", "Consistency model", CONSISTENCY, "not stated",
                    "not stated: no verdict on read-your-writes", "consistency.model",
                    "The promise the verdicts judge against."),
            Parameter.number("operations", "Operations per replication", Unit.COUNT, 200_000, 1000, 1e8,
                    "engineering choice: enough reads for stable shares down to 0.1%", "",
                    "Writes and reads each replication simulates."));

    private static final List<MetricSpec> METRICS = metricSpecs();

    private static List<MetricSpec> metricSpecs() {
        List<MetricSpec> out = new ArrayList<>();
        for (int i = 0; i < MECHANISMS.size(); i++) {
            String m = MECHANISMS.get(i);
            String label = MECHANISM_LABELS.get(i);
            out.add(new MetricSpec("stale_reads_" + m, "stale reads (" + label + ")", Unit.RATIO));
            out.add(new MetricSpec("ryw_violations_" + m, "read-backs missing the client's own write (" + label + ")", Unit.RATIO));
            out.add(new MetricSpec("primary_reads_" + m, "reads sent to the primary (" + label + ")", Unit.RATIO));
            out.add(new MetricSpec("latency_" + m, "read latency, mean (" + label + ")", Unit.SECONDS));
            out.add(new MetricSpec("latency_p99_" + m, "read latency, 99th percentile (" + label + ")", Unit.SECONDS));
        }
        return List.copyOf(out);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Replica reads and read-your-writes";
    }

    @Override
    public String summary() {
        return "Clients write, then read from replicas that lag. Stale reads and read-your-writes violations for reads "
                + "straight to a replica, a primary window after writes, a sticky session and waiting for the LSN, "
                + "with each mechanism's latency cost.";
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
        boolean copies = design.replication().topology().nodes().stream()
                .anyMatch(n -> n.role() == NodeRole.REPLICA || n.role() == NodeRole.STANDBY);
        boolean lag = design.replication().expectedLag().isReadable();
        return copies || lag ? Optional.empty()
                : Optional.of("the design has no replica or standby and states no replication lag");
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design d) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        DesignFacts.put(out, "write_rate", DesignFacts.writeRate(d));
        DesignFacts.put(out, "read_rate", DesignFacts.readRate(d));
        DesignFacts.put(out, "lag", DesignFacts.replicaLag(d));
        DesignFacts.put(out, "replicas", DesignFacts.nodeCount(d, NodeRole.REPLICA));
        DesignFacts.put(out, "consistency", DesignFacts.consistencyModel(d));
        return out;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        return new Run(p, seed, cancellation).run();
    }

    /** One replication: write and read events against per-key and per-client replica apply times. */
    private static final class Run {
        private final Simulation sim;
        private final SplittableRandom writeDraws;
        private final SplittableRandom readDraws;
        private final SplittableRandom lagDraws;
        private final SplittableRandom routeDraws;
        private final SplittableRandom latencyDraws;
        private final Exponential writeGap;
        private final Exponential readGap;
        private final Exponential readBackDelay;
        private final LagProcess[] lag;
        private final Distribution latency;
        private final int replicas;
        private final int keys;
        private final int clients;
        private final double readBackShare;
        private final double window;
        private final double session;
        private final double lsnTimeout;
        private final double primaryExtra;
        private final long operations;
        private long issued;

        private final double[] keyApply;
        private final double[] clientApply;
        private final double[] clientLastWrite;

        private final long[] reads = new long[4];
        private final long[] stale = new long[4];
        private final long[] readBacks = new long[4];
        private final long[] violations = new long[4];
        private final long[] onPrimary = new long[4];
        private final Tally[] latencyMean = {new Tally(), new Tally(), new Tally(), new Tally()};
        private final Percentiles[] latencyPct = {new Percentiles(), new Percentiles(), new Percentiles(), new Percentiles()};
        private final BucketedSeries staleSeries;

        Run(ParameterSet p, long seed, Cancellation cancellation) {
            RandomStreams streams = new RandomStreams(seed);
            sim = new Simulation(cancellation);
            writeDraws = streams.stream("writes");
            readDraws = streams.stream("reads");
            lagDraws = streams.stream("lag");
            routeDraws = streams.stream("routing");
            latencyDraws = streams.stream("latency");
            double writeRate = p.get("write_rate");
            readBackShare = p.get("read_back_share");
            double otherReads = Math.max(p.get("read_rate") - writeRate * readBackShare, p.get("read_rate") * 0.01);
            writeGap = Exponential.ofRate(writeRate);
            readGap = Exponential.ofRate(otherReads);
            readBackDelay = new Exponential(p.get("read_back_delay"));
            replicas = p.count("replicas");
            Distribution levels = Timing.lag(p.get("lag"), p.choice("lag_distribution").equals("deterministic"));
            lag = new LagProcess[replicas];
            for (int r = 0; r < replicas; r++) {
                lag[r] = new LagProcess(levels, p.get("lag_period"), lagDraws);
            }
            latency = Timing.lognormal(p.get("read_latency"), 0.5);
            keys = p.count("keys");
            clients = p.count("clients");
            window = p.get("primary_window");
            session = p.get("session_length");
            lsnTimeout = p.get("lsn_timeout");
            primaryExtra = p.get("primary_extra_latency");
            operations = (long) p.get("operations");
            keyApply = new double[keys * replicas];
            clientApply = new double[clients * replicas];
            clientLastWrite = new double[clients];
            Arrays.fill(clientLastWrite, Double.NEGATIVE_INFINITY);
            double duration = operations / (writeRate + otherReads + writeRate * readBackShare);
            staleSeries = new BucketedSeries(0, duration / 60, 60, BucketedSeries.Aggregate.MEAN);
        }

        ReplicationOutcome run() {
            sim.schedule(writeGap.sample(writeDraws), this::write);
            sim.schedule(readGap.sample(readDraws), this::read);
            sim.run();
            Map<String, Double> v = new LinkedHashMap<>();
            for (int m = 0; m < 4; m++) {
                String id = MECHANISMS.get(m);
                v.put("stale_reads_" + id, reads[m] == 0 ? Double.NaN : (double) stale[m] / reads[m]);
                v.put("ryw_violations_" + id, readBacks[m] == 0 ? Double.NaN : (double) violations[m] / readBacks[m]);
                long all = reads[m] + readBacks[m];
                v.put("primary_reads_" + id, all == 0 ? Double.NaN : (double) onPrimary[m] / all);
                v.put("latency_" + id, latencyMean[m].mean());
                v.put("latency_p99_" + id, latencyPct[m].percentile(99));
            }
            return new ReplicationOutcome(v, List.of(new Series("stale_reads", "stale reads over time (no mechanism)",
                    Unit.RATIO, staleSeries.start(), staleSeries.width(), staleSeries.values())));
        }

        private boolean more() {
            return issued++ < operations;
        }

        private void write() {
            if (!more()) {
                return;
            }
            double now = sim.now();
            int client = writeDraws.nextInt(clients);
            int key = writeDraws.nextInt(keys);
            double[] applied = new double[replicas];
            for (int r = 0; r < replicas; r++) {
                double at = lag[r].applyTime(now);
                applied[r] = at;
                keyApply[key * replicas + r] = at;
                clientApply[client * replicas + r] = at;
            }
            clientLastWrite[client] = now;
            if (writeDraws.nextDouble() < readBackShare) {
                sim.schedule(readBackDelay.sample(writeDraws), () -> readBack(client, key, applied));
            }
            sim.schedule(writeGap.sample(writeDraws), this::write);
        }

        private void read() {
            if (!more()) {
                return;
            }
            int client = readDraws.nextInt(clients);
            int key = readDraws.nextInt(keys);
            route(client, key, null);
            sim.schedule(readGap.sample(readDraws), this::read);
        }

        private void readBack(int client, int key, double[] ownApplied) {
            route(client, key, ownApplied);
        }

        /** Routes one read every way; {@code ownApplied} is set for a read-back of the client's own write. */
        private void route(int client, int key, double[] ownApplied) {
            double now = sim.now();
            int r = routeDraws.nextInt(replicas);
            double base = latency.sample(latencyDraws);
            double sinceWrite = now - clientLastWrite[client];
            boolean staleHere = keyApply[key * replicas + r] > now;
            boolean ownMissing = ownApplied != null && ownApplied[r] > now;
            // none
            record(0, ownApplied != null, false, staleHere, ownMissing, base);
            // window
            boolean win = sinceWrite <= window;
            record(1, ownApplied != null, win, !win && staleHere, !win && ownMissing, win ? base + primaryExtra : base);
            // sticky
            boolean stick = sinceWrite <= session;
            record(2, ownApplied != null, stick, !stick && staleHere, !stick && ownMissing, stick ? base + primaryExtra : base);
            // wait for the LSN of the client's last write on the chosen replica, then read there
            double wait = Math.max(0, clientApply[client * replicas + r] - now);
            if (wait > lsnTimeout) {
                record(3, ownApplied != null, true, false, false, lsnTimeout + base + primaryExtra);
            } else {
                boolean staleAfterWait = keyApply[key * replicas + r] > now + wait;
                record(3, ownApplied != null, false, staleAfterWait, false, wait + base);
            }
            if (ownApplied == null) {
                staleSeries.add(now, staleHere ? 1 : 0);
            }
        }

        private void record(int m, boolean readBack, boolean primary, boolean staleRead, boolean violation, double seconds) {
            if (readBack) {
                readBacks[m]++;
                if (violation) {
                    violations[m]++;
                }
            } else {
                reads[m]++;
                if (staleRead) {
                    stale[m]++;
                }
            }
            if (primary) {
                onPrimary[m]++;
            }
            latencyMean[m].add(seconds);
            latencyPct[m].record(seconds);
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        String consistency = p.choice("consistency");
        boolean needsRyw = consistency.equals(ConsistencyModel.STRONG.id())
                || consistency.equals(ConsistencyModel.READ_YOUR_WRITES.id()) || consistency.equals(ConsistencyModel.CAUSAL.id());
        List<Verdict> out = new ArrayList<>();
        double baseLatency = m.get("latency_none").value();
        double baseP99 = m.get("latency_p99_none").value();
        for (int i = 0; i < MECHANISMS.size(); i++) {
            String id = MECHANISMS.get(i);
            String label = MECHANISM_LABELS.get(i);
            double ryw = m.get("ryw_violations_" + id).value();
            double staleShare = m.get("stale_reads_" + id).value();
            String cost = i == 0 ? "" : "; latency " + signed(m.get("latency_" + id).value() - baseLatency) + " mean, "
                    + signed(m.get("latency_p99_" + id).value() - baseP99) + " at the 99th percentile";
            String text = capitalise(label) + ": " + Unit.RATIO.format(Double.isNaN(ryw) ? 0 : ryw)
                    + " of read-backs miss the client's own write, " + Unit.RATIO.format(Double.isNaN(staleShare) ? 0 : staleShare)
                    + " of other reads are stale, " + Unit.RATIO.format(m.get("primary_reads_" + id).value())
                    + " of reads go to the primary" + cost;
            Verdict.Status status;
            if (consistency.equals(ConsistencyModel.STRONG.id())) {
                status = (ryw > 0 || staleShare > 0) ? Verdict.Status.MISSED : Verdict.Status.MET;
            } else if (needsRyw) {
                status = ryw > 0 ? Verdict.Status.MISSED : Verdict.Status.MET;
            } else {
                status = Verdict.Status.INFO;
            }
            String target = needsRyw ? consistency + " consistency" : "read-your-writes";
            out.add(new Verdict(status, target, text));
        }
        return out;
    }

    private static String signed(double seconds) {
        return (seconds >= 0 ? "+" : "-") + Unit.SECONDS.format(Math.abs(seconds));
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
