package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.Tally;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Primary failure and failover. The primary fails at random times; the writes it acknowledged but the
 * failover target had not yet received are lost; detection and promotion (automatic, or by an operator)
 * decide the downtime. Every failure is evaluated under async, semi-sync and sync replication with the
 * same random draws, so the comparison with synchronous replication is exact, and commit latency is
 * sampled for each mode to show what synchronous replication costs.
 */
public final class FailoverModel implements Model {

    /** The model's id. */
    public static final String ID = "failover";

    private static final List<String> MODES = List.of("async", "semi-sync", "sync");
    private static final int LATENCY_SAMPLES = 20_000;
    private static final double DAY = 86_400;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("write_rate", "Write rate", Unit.PER_SECOND, 10, 0, 1e6,
                    "engineering assumption: a small OLTP service; used only when the design gives no write query frequency",
                    "queries[*].frequency (write queries)", "Writes per second reaching the primary."),
            Parameter.choice("mode", "Replication mode", MODES, "async",
                    "PostgreSQL and MySQL replicate asynchronously unless configured otherwise (PostgreSQL manual, 'Synchronous Replication'; MySQL manual, 'Semisynchronous Replication')",
                    "replication.topology.links (to the standby or replica a failover promotes)",
                    "Whether a commit waits for the failover target."),
            Parameter.number("lag", "Replication lag", Unit.SECONDS, 1, 0, 7 * DAY,
                    "engineering assumption: streaming replication on a healthy network usually lags well under a second; 1 s is a round upper figure",
                    "replication.expected_lag, else the largest lag on an asynchronous link from the primary",
                    "How far the failover target trails the primary when replication is asynchronous (mean)."),
            Parameter.choice("lag_distribution", "Lag distribution", List.of("exponential", "deterministic"), "exponential",
                    "engineering assumption: the lag at the moment of failure varies; an exponential with the stated lag as its mean has a long tail. 'deterministic' gives the closed form loss = lag x write rate",
                    "", "How the lag at the moment of failure is drawn."),
            Parameter.choice("arrivals", "Write arrivals", List.of("poisson", "steady"), "poisson",
                    "standard queueing assumption: many independent clients give Poisson arrivals; 'steady' spaces writes evenly",
                    "", "How writes arrive over time."),
            Parameter.number("semi_sync_fallback", "Semi-sync fallback share", Unit.RATIO, 0.01, 0, 1,
                    "engineering assumption: semi-sync falls back to async when no replica acknowledges within rpl_semi_sync_source_timeout (MySQL default 10 s); 1% of the time is assumed",
                    "", "Share of time semi-synchronous replication runs asynchronously after an acknowledgement timeout."),
            Parameter.choice("failover_mode", "Failover", List.of("automatic", "manual"), "manual",
                    "engineering assumption: without a failover manager someone has to promote by hand",
                    "replication.failover.mode", "Whether promotion waits for an operator."),
            Parameter.number("detection", "Detection time", Unit.SECONDS, 30, 0, DAY,
                    "Patroni's default leader-key TTL, ttl = 30 s (Patroni documentation, dynamic configuration)",
                    "replication.failover.detection_time", "Time from the failure until it is noticed (mean)."),
            Parameter.number("promotion", "Promotion time", Unit.SECONDS, 10, 0, DAY,
                    "Patroni's default HA loop interval, loop_wait = 10 s (Patroni documentation): promotion happens on the next loop",
                    "replication.failover.promotion_time", "Time from detection until the new primary takes writes (mean)."),
            Parameter.number("operator_response", "Operator response", Unit.SECONDS, 900, 0, 7 * DAY,
                    "engineering assumption: paging an on-call engineer and deciding to promote takes about 15 min",
                    "", "Extra time before a manual promotion starts (mean); unused for automatic failover."),
            Parameter.number("timing_cv", "Timing variation", Unit.COUNT, 0.3, 0, 3,
                    "engineering assumption: detection and promotion vary by about 30% (lognormal coefficient of variation)",
                    "", "Coefficient of variation of detection, operator and promotion times."),
            Parameter.number("rtt", "Round trip to the standby", Unit.SECONDS, 0.001, 0, 1,
                    "engineering assumption for two zones of one cloud region, which AWS describes as single-digit milliseconds apart",
                    "", "Network round trip a synchronous commit waits for (mean)."),
            Parameter.number("commit_time", "Local commit time", Unit.SECONDS, 0.001, 0, 1,
                    "engineering assumption: one WAL flush on an SSD, about 1 ms",
                    "", "Time to make a commit durable locally (mean); a synchronous standby spends it too."),
            Parameter.number("rpo", "RPO", Unit.SECONDS, Double.NaN, 0, 365 * DAY, "not stated: no verdict",
                    "backup.recovery.rpo", "The recovery point objective the losses are judged against."),
            Parameter.number("rto", "RTO", Unit.SECONDS, Double.NaN, 0, 365 * DAY, "not stated: no verdict",
                    "backup.recovery.rto", "The recovery time objective the downtime is judged against."),
            Parameter.number("failures", "Failures per replication", Unit.COUNT, 2000, 1, 1e6,
                    "engineering choice: enough failures for a stable 95th percentile", "",
                    "How many primary failures each replication simulates."));

    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec("writes_lost", "writes lost per failure (mean)", Unit.COUNT),
            new MetricSpec("writes_lost_p95", "writes lost per failure (95th percentile)", Unit.COUNT),
            new MetricSpec("writes_lost_max", "writes lost per failure (worst)", Unit.COUNT),
            new MetricSpec("loss_window", "data-loss window per failure (mean)", Unit.SECONDS),
            new MetricSpec("downtime", "downtime per failure (mean)", Unit.SECONDS),
            new MetricSpec("downtime_p95", "downtime per failure (95th percentile)", Unit.SECONDS),
            new MetricSpec("writes_refused", "writes refused during downtime (mean)", Unit.COUNT),
            new MetricSpec("rpo_met", "failures within the RPO", Unit.RATIO),
            new MetricSpec("rto_met", "failures within the RTO", Unit.RATIO),
            new MetricSpec("commit_latency", "commit latency (mean)", Unit.SECONDS),
            new MetricSpec("commit_latency_p99", "commit latency (99th percentile)", Unit.SECONDS),
            new MetricSpec("writes_lost_async", "writes lost per failure with async replication", Unit.COUNT),
            new MetricSpec("writes_lost_semi_sync", "writes lost per failure with semi-sync replication", Unit.COUNT),
            new MetricSpec("writes_lost_sync", "writes lost per failure with sync replication", Unit.COUNT),
            new MetricSpec("commit_latency_async", "commit latency with async replication (mean)", Unit.SECONDS),
            new MetricSpec("commit_latency_semi_sync", "commit latency with semi-sync replication (mean)", Unit.SECONDS),
            new MetricSpec("commit_latency_sync", "commit latency with sync replication (mean)", Unit.SECONDS),
            new MetricSpec("sync_latency_cost", "latency cost of sync over async (mean)", Unit.SECONDS),
            new MetricSpec("sync_latency_cost_p99", "latency cost of sync over async (99th percentile)", Unit.SECONDS));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Primary failure and failover";
    }

    @Override
    public String summary() {
        return "The primary fails at random times: writes not yet on the failover target are lost, detection and "
                + "promotion decide the downtime. Judged against the RPO and RTO and compared with synchronous replication.";
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
        DesignFacts.put(out, "write_rate", DesignFacts.writeRate(d));
        DesignFacts.put(out, "mode", DesignFacts.replicationMode(d));
        DesignFacts.put(out, "lag", DesignFacts.asyncLag(d));
        DesignFacts.put(out, "failover_mode", DesignFacts.failoverMode(d));
        DesignFacts.put(out, "detection", DesignFacts.detectionTime(d));
        DesignFacts.put(out, "promotion", DesignFacts.promotionTime(d));
        DesignFacts.put(out, "rpo", DesignFacts.rpo(d));
        DesignFacts.put(out, "rto", DesignFacts.rto(d));
        return out;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        return new Run(p, seed, cancellation).run();
    }

    /** One replication: a timeline of failures, each followed by detection and promotion events. */
    private static final class Run {
        private final Simulation sim;
        private final SplittableRandom failureTimes;
        private final SplittableRandom lagDraws;
        private final SplittableRandom writeDraws;
        private final SplittableRandom timingDraws;
        private final SplittableRandom fallbackDraws;
        private final SplittableRandom latencyDraws;
        private final double writeRate;
        private final int modeIndex;
        private final Distribution lag;
        private final boolean steady;
        private final double fallback;
        private final boolean manual;
        private final Distribution detection;
        private final Distribution operator;
        private final Distribution promotion;
        private final double rpo;
        private final double rto;
        private final int failures;
        private final ParameterSet p;

        private final Tally[] lost = {new Tally(), new Tally(), new Tally()};
        private final Percentiles lostPercentiles = new Percentiles();
        private final Tally window = new Tally();
        private final Tally downtime = new Tally();
        private final Percentiles downtimePercentiles = new Percentiles();
        private final Tally refused = new Tally();
        private long rpoMet;
        private long rtoMet;
        private int done;
        private BucketedSeries aroundFailure;
        private final double seriesSpan;

        Run(ParameterSet p, long seed, Cancellation cancellation) {
            this.p = p;
            RandomStreams streams = new RandomStreams(seed);
            sim = new Simulation(cancellation);
            failureTimes = streams.stream("failure-times");
            lagDraws = streams.stream("lag");
            writeDraws = streams.stream("writes");
            timingDraws = streams.stream("timing");
            fallbackDraws = streams.stream("semi-sync-fallback");
            latencyDraws = streams.stream("commit-latency");
            writeRate = p.get("write_rate");
            modeIndex = MODES.indexOf(p.choice("mode"));
            lag = Timing.lag(p.get("lag"), p.choice("lag_distribution").equals("deterministic"));
            steady = p.choice("arrivals").equals("steady");
            fallback = p.get("semi_sync_fallback");
            manual = p.choice("failover_mode").equals("manual");
            double cv = p.get("timing_cv");
            detection = Timing.lognormal(p.get("detection"), cv);
            operator = Timing.lognormal(p.get("operator_response"), cv);
            promotion = Timing.lognormal(p.get("promotion"), cv);
            rpo = p.get("rpo");
            rto = p.get("rto");
            failures = p.count("failures");
            double expectedDowntime = p.get("detection") + p.get("promotion") + (manual ? p.get("operator_response") : 0);
            seriesSpan = Math.max(60, 2 * expectedDowntime);
        }

        ReplicationOutcome run() {
            sim.schedule(new Exponential(DAY).sample(failureTimes), this::fail);
            sim.run();
            Map<String, Double> v = new LinkedHashMap<>();
            v.put("writes_lost", lost[modeIndex].mean());
            v.put("writes_lost_p95", lostPercentiles.percentile(95));
            v.put("writes_lost_max", lost[modeIndex].max());
            v.put("loss_window", window.mean());
            v.put("downtime", downtime.mean());
            v.put("downtime_p95", downtimePercentiles.percentile(95));
            v.put("writes_refused", refused.mean());
            v.put("rpo_met", Double.isNaN(rpo) ? Double.NaN : (double) rpoMet / done);
            v.put("rto_met", Double.isNaN(rto) ? Double.NaN : (double) rtoMet / done);
            v.put("writes_lost_async", lost[0].mean());
            v.put("writes_lost_semi_sync", lost[1].mean());
            v.put("writes_lost_sync", lost[2].mean());
            commitLatency(v);
            return new ReplicationOutcome(v, List.of(new Series("writes_accepted", "writes accepted around a failure",
                    Unit.PER_SECOND, aroundFailure.start(), aroundFailure.width(), aroundFailure.values())));
        }

        /** The primary fails now: count what each mode loses, then detect and promote. */
        private void fail() {
            double failedAt = sim.now();
            double lagNow = lag.sample(lagDraws);
            boolean fellBack = fallbackDraws.nextDouble() < fallback;
            // One count of the writes in the lag window serves all three modes (common random numbers).
            long inWindow = count(lagNow);
            long[] byMode = {inWindow, fellBack ? inWindow : 0, 0};
            double[] windowByMode = {lagNow, fellBack ? lagNow : 0, 0};
            for (int m = 0; m < 3; m++) {
                lost[m].add(byMode[m]);
            }
            lostPercentiles.record(byMode[modeIndex]);
            window.add(windowByMode[modeIndex]);
            if (!Double.isNaN(rpo) && (byMode[modeIndex] == 0 || windowByMode[modeIndex] <= rpo)) {
                rpoMet++;
            }
            sim.schedule(detection.sample(timingDraws), () -> detected(failedAt));
        }

        private void detected(double failedAt) {
            if (manual) {
                sim.schedule(operator.sample(timingDraws), () -> sim.schedule(promotion.sample(timingDraws), () -> promoted(failedAt)));
            } else {
                sim.schedule(promotion.sample(timingDraws), () -> promoted(failedAt));
            }
        }

        private void promoted(double failedAt) {
            double down = sim.now() - failedAt;
            downtime.add(down);
            downtimePercentiles.record(down);
            refused.add(count(down));
            if (!Double.isNaN(rto) && down <= rto) {
                rtoMet++;
            }
            if (done == 0) {
                recordSeries(down);
            }
            done++;
            if (done < failures) {
                sim.schedule(new Exponential(DAY).sample(failureTimes), this::fail);
            }
        }

        /** Writes arriving in a span: Poisson, or evenly spaced with a random phase (exactly rate x span when whole). */
        private long count(double span) {
            double mean = writeRate * span;
            if (steady) {
                return (long) Math.floor(writeDraws.nextDouble() + mean);
            }
            return PoissonCounts.sample(writeDraws, mean);
        }

        /** Writes accepted per second from 10% of the span before the first failure to after recovery. */
        private void recordSeries(double down) {
            int buckets = 60;
            double start = -0.1 * seriesSpan;
            aroundFailure = new BucketedSeries(start, seriesSpan / buckets, buckets, BucketedSeries.Aggregate.RATE);
            double w = aroundFailure.width();
            for (int i = 0; i < buckets; i++) {
                double a = start + i * w;
                double b = a + w;
                double up = Math.max(0, Math.min(b, 0) - a) + Math.max(0, b - Math.max(a, down));
                aroundFailure.add(a, count(up));
            }
        }

        private void commitLatency(Map<String, Double> v) {
            Distribution local = Timing.lognormal(p.get("commit_time"), 0.5);
            Distribution rtt = Timing.lognormal(p.get("rtt"), 0.5);
            Tally[] mean = {new Tally(), new Tally(), new Tally()};
            Percentiles[] pct = {new Percentiles(), new Percentiles(), new Percentiles()};
            for (int i = 0; i < LATENCY_SAMPLES; i++) {
                double l = local.sample(latencyDraws);
                double r = rtt.sample(latencyDraws);
                double remote = local.sample(latencyDraws);
                // async: local flush; semi-sync: plus the replica's receipt acknowledgement; sync: plus its flush.
                double[] byMode = {l, l + r, l + r + remote};
                for (int m = 0; m < 3; m++) {
                    mean[m].add(byMode[m]);
                    pct[m].record(byMode[m]);
                }
            }
            v.put("commit_latency", mean[modeIndex].mean());
            v.put("commit_latency_p99", pct[modeIndex].percentile(99));
            v.put("commit_latency_async", mean[0].mean());
            v.put("commit_latency_semi_sync", mean[1].mean());
            v.put("commit_latency_sync", mean[2].mean());
            v.put("sync_latency_cost", mean[2].mean() - mean[0].mean());
            v.put("sync_latency_cost_p99", pct[2].percentile(99) - pct[0].percentile(99));
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        List<Verdict> out = new ArrayList<>();
        String mode = p.choice("mode");
        String lost = Unit.COUNT.format(m.get("writes_lost").value());
        if (p.isSet("rpo")) {
            double met = m.get("rpo_met").value();
            String target = Timing.target("RPO", p.get("rpo"));
            out.add(new Verdict(met >= 1 ? Verdict.Status.MET : Verdict.Status.MISSED, target,
                    target + ": met in " + Unit.RATIO.format(met) + " of failures with " + mode + " replication ("
                            + lost + " writes lost per failure on average, " + Unit.COUNT.format(m.get("writes_lost_max").value())
                            + " at worst)"));
        } else {
            out.add(new Verdict(Verdict.Status.INFO, "RPO", "No RPO stated (backup.recovery.rpo); " + lost
                    + " writes lost per failure on average with " + mode + " replication"));
        }
        String down = Unit.SECONDS.format(m.get("downtime").value());
        String down95 = Unit.SECONDS.format(m.get("downtime_p95").value());
        if (p.isSet("rto")) {
            double met = m.get("rto_met").value();
            String target = Timing.target("RTO", p.get("rto"));
            out.add(new Verdict(met >= 1 ? Verdict.Status.MET : Verdict.Status.MISSED, target,
                    target + ": met in " + Unit.RATIO.format(met) + " of failures (" + p.choice("failover_mode")
                            + " failover: downtime " + down + " on average, " + down95 + " at the 95th percentile)"));
        } else {
            out.add(new Verdict(Verdict.Status.INFO, "RTO", "No RTO stated (backup.recovery.rto); downtime " + down
                    + " on average, " + down95 + " at the 95th percentile"));
        }
        out.add(new Verdict(Verdict.Status.INFO, "sync comparison", "Async replication loses "
                + Unit.COUNT.format(m.get("writes_lost_async").value()) + " writes per failure, semi-sync "
                + Unit.COUNT.format(m.get("writes_lost_semi_sync").value()) + ", sync "
                + Unit.COUNT.format(m.get("writes_lost_sync").value()) + "; sync costs +"
                + Unit.SECONDS.format(m.get("sync_latency_cost").value()) + " per commit on average (+"
                + Unit.SECONDS.format(m.get("sync_latency_cost_p99").value()) + " at the 99th percentile)"));
        return out;
    }
}
