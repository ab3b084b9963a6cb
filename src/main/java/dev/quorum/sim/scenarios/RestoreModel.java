package dev.quorum.sim.scenarios;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.Tally;
import dev.quorum.sim.engine.Uniform;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Disaster restore. Backups start every interval and become usable when they finish; the primary site is
 * lost at random times. Without log shipping everything since the last usable backup is lost; with it, only
 * what the archive had not yet received. The restore provisions a machine, copies the data at the restore
 * rate, and replays the writes logged since the backup at the replay rate.
 */
public final class RestoreModel implements Model {

    /** The model's id. */
    public static final String ID = "restore";

    private static final double DAY = 86_400;

    private static final List<Parameter> PARAMETERS = List.of(
            Parameter.number("backup_interval", "Backup interval", Unit.SECONDS, DAY, 60, 365 * DAY,
                    "engineering assumption: a nightly backup, the most common schedule", "backup.strategy.frequency",
                    "Time between the starts of two backups."),
            Parameter.choice("log_shipping", "Continuous log shipping", List.of("on", "off"), "off",
                    "assumption: no log shipping unless the design says so", "backup.strategy.continuous_log_shipping",
                    "Whether the write-ahead or binary log is archived continuously between backups."),
            Parameter.number("archive_delay", "Archive delay", Unit.SECONDS, 60, 0, DAY,
                    "PostgreSQL manual, archive_timeout: 'settings of a minute or so are usually reasonable'", "",
                    "The longest a committed write waits before its log segment reaches the archive."),
            Parameter.number("data_size", "Data to restore", Unit.BYTES, 100e9, 1e6, 1e16,
                    "engineering assumption: 100 GB", "persistence.data_elements[*].size_estimate (sum; data only in a cache or file storage left out)",
                    "How much data a restore copies back."),
            Parameter.number("restore_rate", "Restore rate", Unit.BYTES_PER_SECOND, 100e6, 1e6, 1e11,
                    "engineering assumption: 100 MB/s, just under the 125 MiB/s baseline throughput of an AWS EBS gp3 volume", "",
                    "How fast the backup is copied back (mean); backups are taken at the same rate."),
            Parameter.number("restore_rate_cv", "Restore rate variation", Unit.COUNT, 0.2, 0, 3,
                    "engineering assumption: throughput varies by about 20% between restores", "",
                    "Coefficient of variation of the restore rate (lognormal)."),
            Parameter.number("provisioning", "Provisioning time", Unit.SECONDS, 900, 0, 7 * DAY,
                    "engineering assumption: about 15 min to start a new database host and its tooling", "",
                    "Time before copying can start (mean, lognormal with 30% variation)."),
            Parameter.number("write_rate", "Write rate", Unit.PER_SECOND, 10, 0, 1e6,
                    "engineering assumption: used only when the design gives no write query frequency",
                    "queries[*].frequency (write queries)", "Writes per second that go into the log between backups."),
            Parameter.number("replay_rate", "Log replay rate", Unit.PER_SECOND, 2000, 1, 1e7,
                    "engineering assumption: single-threaded log replay applies about 2,000 small write transactions per second", "",
                    "Logged writes replayed per second after the backup is restored."),
            Parameter.number("rpo", "RPO", Unit.SECONDS, Double.NaN, 0, 365 * DAY, "not stated: no verdict",
                    "backup.recovery.rpo", "The recovery point objective."),
            Parameter.number("rto", "RTO", Unit.SECONDS, Double.NaN, 0, 365 * DAY, "not stated: no verdict",
                    "backup.recovery.rto", "The recovery time objective."),
            Parameter.number("failures", "Site losses per replication", Unit.COUNT, 2000, 1, 1e6,
                    "engineering choice: enough losses to cover every point of the backup cycle", "",
                    "How many site losses each replication simulates."));

    private static final List<MetricSpec> METRICS = List.of(
            new MetricSpec("loss_window", "data-loss window (mean)", Unit.SECONDS),
            new MetricSpec("loss_window_p95", "data-loss window (95th percentile)", Unit.SECONDS),
            new MetricSpec("loss_window_max", "data-loss window (worst)", Unit.SECONDS),
            new MetricSpec("restore_time", "restore time (mean)", Unit.SECONDS),
            new MetricSpec("restore_time_p95", "restore time (95th percentile)", Unit.SECONDS),
            new MetricSpec("restore_time_max", "restore time (worst)", Unit.SECONDS),
            new MetricSpec("replay_time", "log replay time (mean)", Unit.SECONDS),
            new MetricSpec("backup_duration", "time to take one backup", Unit.SECONDS),
            new MetricSpec("rpo_met", "site losses within the RPO", Unit.RATIO),
            new MetricSpec("rto_met", "site losses within the RTO", Unit.RATIO));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Disaster restore";
    }

    @Override
    public String summary() {
        return "The primary site is lost at a random time and the system restores from the last finished backup, "
                + "replaying shipped logs when there are any. Data-loss window and restore time against the RPO and RTO.";
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
        DesignFacts.put(out, "backup_interval", DesignFacts.backupInterval(d));
        DesignFacts.put(out, "log_shipping", DesignFacts.logShipping(d));
        DesignFacts.put(out, "data_size", DesignFacts.dataSize(d));
        DesignFacts.put(out, "write_rate", DesignFacts.writeRate(d));
        DesignFacts.put(out, "rpo", DesignFacts.rpo(d));
        DesignFacts.put(out, "rto", DesignFacts.rto(d));
        return out;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        RandomStreams streams = new RandomStreams(seed);
        SplittableRandom failureDraws = streams.stream("failure-times");
        SplittableRandom archiveDraws = streams.stream("archive");
        SplittableRandom restoreDraws = streams.stream("restore");
        Simulation sim = new Simulation(cancellation);

        double interval = p.get("backup_interval");
        boolean shipping = p.choice("log_shipping").equals("on");
        double size = p.get("data_size");
        double rate = p.get("restore_rate");
        double backupDuration = size / rate;
        Distribution archive = new Uniform(0, p.get("archive_delay"));
        Distribution rateDraw = Timing.lognormal(rate, p.get("restore_rate_cv"));
        Distribution provisioning = Timing.lognormal(p.get("provisioning"), 0.3);
        double logged = p.get("write_rate");
        double replayRate = p.get("replay_rate");
        double rpo = p.get("rpo");
        double rto = p.get("rto");
        int failures = p.count("failures");
        double cycle = Math.max(interval, backupDuration);
        // Losses arrive as a Poisson process, so by PASTA they land uniformly over the backup cycle.
        Exponential gap = new Exponential(1.37 * cycle);

        Tally window = new Tally();
        Percentiles windowPct = new Percentiles();
        Tally restore = new Tally();
        Percentiles restorePct = new Percentiles();
        Tally replay = new Tally();
        long[] met = new long[2];
        int buckets = 50;
        BucketedSeries byPhase = new BucketedSeries(0, cycle / buckets, buckets, BucketedSeries.Aggregate.MEAN);
        double[] lastUsable = {Double.NaN};
        int[] done = {0};

        // The backup timeline: a backup starts every interval, or as soon as the previous one has finished
        // when a backup takes longer than the interval, and is usable once it has finished.
        Runnable[] startBackup = new Runnable[1];
        startBackup[0] = () -> {
            double started = sim.now();
            sim.schedule(backupDuration, () -> lastUsable[0] = started);
            sim.schedule(cycle, startBackup[0]::run);
        };
        Runnable[] loseSite = new Runnable[1];
        loseSite[0] = () -> {
            double lostAt = sim.now();
            double sinceBackup = lostAt - lastUsable[0];
            double loss = shipping ? Math.min(sinceBackup, archive.sample(archiveDraws)) : sinceBackup;
            double replaySeconds = shipping ? logged * sinceBackup / replayRate : 0;
            double copy = size / rateDraw.sample(restoreDraws);
            double total = provisioning.sample(restoreDraws) + copy + replaySeconds;
            window.add(loss);
            windowPct.record(loss);
            restore.add(total);
            restorePct.record(total);
            replay.add(replaySeconds);
            byPhase.add(lostAt % cycle, loss);
            if (!Double.isNaN(rpo) && loss <= rpo) {
                met[0]++;
            }
            if (!Double.isNaN(rto) && total <= rto) {
                met[1]++;
            }
            if (++done[0] < failures) {
                sim.schedule(gap.sample(failureDraws), loseSite[0]::run);
            } else {
                sim.stop();
            }
        };
        sim.schedule(0, startBackup[0]::run);
        // The first loss comes after the first backup has finished, so there is always one to restore from.
        sim.schedule(backupDuration + gap.sample(failureDraws), loseSite[0]::run);
        sim.run();

        Map<String, Double> v = new LinkedHashMap<>();
        v.put("loss_window", window.mean());
        v.put("loss_window_p95", windowPct.percentile(95));
        v.put("loss_window_max", window.max());
        v.put("restore_time", restore.mean());
        v.put("restore_time_p95", restorePct.percentile(95));
        v.put("restore_time_max", restore.max());
        v.put("replay_time", replay.mean());
        v.put("backup_duration", backupDuration);
        v.put("rpo_met", Double.isNaN(rpo) ? Double.NaN : (double) met[0] / done[0]);
        v.put("rto_met", Double.isNaN(rto) ? Double.NaN : (double) met[1] / done[0]);
        return new ReplicationOutcome(v, List.of(new Series("loss_window_by_phase",
                "data-loss window by when in the backup cycle the site is lost", Unit.SECONDS, 0, byPhase.width(),
                byPhase.values())));
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        List<Verdict> out = new ArrayList<>();
        String window = Unit.SECONDS.format(m.get("loss_window").value());
        String worst = Unit.SECONDS.format(m.get("loss_window_max").value());
        if (p.isSet("rpo")) {
            double met = m.get("rpo_met").value();
            String target = Timing.target("RPO", p.get("rpo"));
            out.add(new Verdict(met >= 1 ? Verdict.Status.MET : Verdict.Status.MISSED, target, target + ": met in "
                    + Unit.RATIO.format(met) + " of site losses (data-loss window " + window + " on average, " + worst
                    + " at worst" + (p.choice("log_shipping").equals("on") ? ", logs shipped continuously" : ", no log shipping") + ")"));
        } else {
            out.add(new Verdict(Verdict.Status.INFO, "RPO", "No RPO stated; data-loss window " + window + " on average, "
                    + worst + " at worst"));
        }
        String restore = Unit.SECONDS.format(m.get("restore_time").value());
        String restore95 = Unit.SECONDS.format(m.get("restore_time_p95").value());
        if (p.isSet("rto")) {
            double met = m.get("rto_met").value();
            String target = Timing.target("RTO", p.get("rto"));
            out.add(new Verdict(met >= 1 ? Verdict.Status.MET : Verdict.Status.MISSED, target, target + ": met in "
                    + Unit.RATIO.format(met) + " of site losses (restore " + restore + " on average, " + restore95
                    + " at the 95th percentile, for " + Unit.BYTES.format(p.get("data_size")) + " at "
                    + Unit.BYTES_PER_SECOND.format(p.get("restore_rate")) + ")"));
        } else {
            out.add(new Verdict(Verdict.Status.INFO, "RTO", "No RTO stated; restore takes " + restore + " on average, "
                    + restore95 + " at the 95th percentile"));
        }
        return out;
    }
}
