package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.SharedData;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.SyncStrategy;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Tally;
import dev.quorum.sim.engine.TimeWeighted;
import dev.quorum.sim.scenarios.ConnectionPoolModel;
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
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The 4K upload: videos transcoded inside the upload request on the API server, sharing its threads and cores
 * with ordinary requests, against accepting the upload, queueing a job and transcoding on separate workers, on
 * the same seeded uploads. Uploads are simulated one by one; ordinary requests, a hundred times faster, are
 * treated as a fluid in equilibrium with the uploads running at each moment.
 */
public final class Upload4kModel extends ScenarioModel {

    /** The observed day: eight hours from an empty server. */
    static final double WINDOW = 8 * 3600;

    private static final Variant SYNC = new Variant("sync", "processing inside the request");
    private static final Variant ASYNC = new Variant("async", "accept, queue and workers");

    private static final Measure LATENCY_MEAN = Measure.claim("latency_mean", "ordinary request latency, mean", Unit.SECONDS, Better.LOWER);
    private static final Measure LATENCY_P99 = Measure.claim("latency_p99", "ordinary request latency, 99th percentile", Unit.SECONDS, Better.LOWER);
    private static final Measure THREADS = Measure.claim("threads_busy", "request threads busy (time average)", Unit.COUNT, Better.LOWER);
    private static final Measure CPU = Measure.claim("cpu_saturated", "time the API server's cores are saturated", Unit.RATIO, Better.LOWER);
    private static final Measure ANSWER = Measure.claim("upload_answer", "time until the uploader gets an answer, mean", Unit.SECONDS, Better.LOWER);
    private static final Measure REJECTED = Measure.shown("rejected", "ordinary requests turned away", Unit.RATIO, Better.LOWER);
    private static final Measure BACKLOG = Measure.shown("backlog", "uploads waiting to be processed (time average)", Unit.COUNT, Better.LOWER);
    private static final Measure WAIT = Measure.shown("processing_wait", "wait before processing starts, mean", Unit.SECONDS, Better.LOWER);
    private static final Measure DONE = Measure.shown("upload_done", "time until the video is processed, mean", Unit.SECONDS, Better.LOWER);
    private static final Measure INGRESS = Measure.shown("api_ingress", "upload bytes through the API servers", Unit.BYTES_PER_SECOND, Better.LOWER);

    private static final Pattern SCOPE = Pattern.compile(
            "(?i)upload|videos?\\b|transcod|media processing|thumbnails?|\\bimports?\\b|\\bexports?\\b|report generation|large files?|attachments?");
    private static final Pattern MEDIA = Pattern.compile(
            "(?i)(?<![a-z])(?:video|upload|media|recording|footage|movie|clip|image|photo|file|attachment)s?(?![a-z])");
    private static final Pattern PER_ITEM = Pattern.compile(
            "(?i)^\\s*(?:~|about\\s+|up to\\s+)?(\\d[\\d,]*(?:\\.\\d+)?\\s*[KMGTP]?i?B)\\s*(?:per|each|/|a)\\b");
    private static final Pattern ASYNC_WORDS = Pattern.compile(
            "(?i)\\bqueue[sd]?\\b|\\bworkers?\\b|background jobs?|202 accepted|pre-?signed|job table");
    private static final Pattern HEAVY_WORDS = Pattern.compile("(?i)upload|video|transcod|media|thumbnail|\\bjobs?\\b|import|export");

    /** The model of the card "upload-4k". */
    public Upload4kModel() {
        super("upload-4k");
    }

    @Override
    public List<Variant> variants() {
        return List.of(SYNC, ASYNC);
    }

    @Override
    public List<Measure> measures() {
        return List.of(LATENCY_MEAN, LATENCY_P99, THREADS, CPU, ANSWER, REJECTED, BACKLOG, WAIT, DONE, INGRESS);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("offered_load", "transcodes the uploads need at once: upload rate x processing time", Unit.COUNT),
                new MetricSpec("erlang_c_wait", "Erlang C mean wait for a worker (M/M/c)", Unit.SECONDS),
                new MetricSpec("littles_law", "upload rate x mean wait for a worker (Little's law)", Unit.COUNT),
                new MetricSpec("workers_busy", "workers busy (time average)", Unit.COUNT));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        RandomStreams streams = new RandomStreams(seed);
        // The same uploads, with the same amounts of work, for both variants.
        List<double[]> uploads = new ArrayList<>();
        SplittableRandom arrivalDraws = streams.stream("uploads");
        SplittableRandom workDraws = streams.stream("processing");
        Exponential gap = Exponential.ofRate(p.get("upload_rate"));
        Exponential work = new Exponential(p.get("processing_time"));
        for (double t = gap.sample(arrivalDraws); t < WINDOW; t += gap.sample(arrivalDraws)) {
            uploads.add(new double[] {t, work.sample(workDraws)});
        }
        Map<String, Double> v = new LinkedHashMap<>();
        List<Series> series = new ArrayList<>();
        Day sync = new Day(p, uploads, cancellation, false);
        Day async = new Day(p, uploads, cancellation, true);
        for (Day day : List.of(sync, async)) {
            day.run();
        }
        put(v, LATENCY_MEAN, sync.latencyMean(), async.latencyMean());
        put(v, LATENCY_P99, sync.latency.percentile(99), async.latency.percentile(99));
        put(v, THREADS, sync.threads.mean(WINDOW), async.threads.mean(WINDOW));
        put(v, CPU, sync.cpuSaturated / WINDOW, async.cpuSaturated / WINDOW);
        put(v, ANSWER, sync.answer.mean(), async.answer.mean());
        put(v, REJECTED, sync.rejected / sync.offered, async.rejected / async.offered);
        put(v, BACKLOG, sync.backlog.mean(WINDOW), async.backlog.mean(WINDOW));
        put(v, WAIT, sync.wait.mean(), async.wait.mean());
        put(v, DONE, sync.done.mean(), async.done.mean());
        double bytes = uploads.size() * p.get("upload_size") / WINDOW;
        // With pre-signed URLs the file goes from the client straight to object storage.
        put(v, INGRESS, bytes, 0);
        double rate = p.get("upload_rate");
        double mean = p.get("processing_time");
        int workers = p.count("workers");
        v.put("offered_load", rate * mean);
        double erlang = ConnectionPoolModel.erlangCWait(workers, rate, 1 / mean);
        v.put("erlang_c_wait", Double.isFinite(erlang) ? erlang : Double.NaN);
        v.put("littles_law", rate * async.wait.mean());
        v.put("workers_busy", async.workersBusy.mean(WINDOW));
        series.add(sync.latencySeries.toSeries("latency_sync", "ordinary request latency, mean (" + SYNC.label() + ")"));
        series.add(async.latencySeries.toSeries("latency_async", "ordinary request latency, mean (" + ASYNC.label() + ")"));
        series.add(sync.threadSeries.toSeries("threads_sync", "request threads busy (" + SYNC.label() + ")"));
        series.add(async.backlogSeries.toSeries("backlog_async", "uploads waiting for a worker (" + ASYNC.label() + ")"));
        return new ReplicationOutcome(v, series);
    }

    private static void put(Map<String, Double> v, Measure m, double sync, double async) {
        v.put(metricName(m, SYNC), sync);
        v.put(metricName(m, ASYNC), async);
    }

    /** A series sampled at event times: the value holding at the end of each of 96 five-minute buckets. */
    private static final class Chart {
        private final Unit unit;
        private final BucketedSeries series = new BucketedSeries(0, WINDOW / 96, 96, BucketedSeries.Aggregate.MEAN);

        Chart(Unit unit) {
            this.unit = unit;
        }

        /** The level {@code value} held from {@code from} to {@code to}; sampled once a minute. */
        void hold(double from, double to, double value) {
            if (!Double.isFinite(value)) {
                return;
            }
            for (double t = StrictMath.ceil(from / 60) * 60; t < to; t += 60) {
                series.add(t, value);
            }
        }

        Series toSeries(String name, String label) {
            return new Series(name, label, unit, series.start(), series.width(), series.values());
        }
    }

    /**
     * One variant over the day. On the API server k uploads hold a thread each and share the cores with the
     * ordinary requests; in the asynchronous variant k stays 0 there and the uploads queue for the workers.
     */
    private static final class Day {
        private final List<double[]> uploads;
        private final Cancellation cancellation;
        private final boolean async;
        private final double requestRate;
        private final double requestTime;
        private final int threadCount;
        private final int cores;
        private final int workers;

        final Percentiles latency = new Percentiles();
        final TimeWeighted threads = new TimeWeighted(0, 0);
        final TimeWeighted backlog = new TimeWeighted(0, 0);
        final TimeWeighted workersBusy = new TimeWeighted(0, 0);
        final Tally answer = new Tally();
        final Tally wait = new Tally();
        final Tally done = new Tally();
        final Chart latencySeries = new Chart(Unit.SECONDS);
        final Chart threadSeries = new Chart(Unit.COUNT);
        final Chart backlogSeries = new Chart(Unit.COUNT);
        double cpuSaturated;
        double rejected;
        double offered;
        private double servedRequests;
        private double latencyArea;
        private double carry;

        Day(ParameterSet p, List<double[]> uploads, Cancellation cancellation, boolean async) {
            this.uploads = uploads;
            this.cancellation = cancellation == null ? Cancellation.NONE : cancellation;
            this.async = async;
            requestRate = p.get("request_rate");
            requestTime = p.get("request_time");
            threadCount = p.count("request_threads");
            cores = p.count("cpu_cores");
            workers = p.count("workers");
        }

        double latencyMean() {
            return servedRequests > 0 ? latencyArea / servedRequests : Double.NaN;
        }

        double[] equilibrium(int k) {
            return Upload4kModel.equilibrium(k, requestRate, requestTime, threadCount, cores);
        }

        void run() {
            double now = 0;
            int next = 0;
            // Uploads on the API server: remaining CPU seconds and arrival time of each, in arrival order.
            List<double[]> running = new ArrayList<>();
            ArrayDeque<double[]> queued = new ArrayDeque<>();
            // Completion times of the workers' jobs, for the asynchronous variant.
            List<double[]> working = new ArrayList<>();
            int events = 0;
            while (now < WINDOW) {
                if ((++events & 0xFF) == 0) {
                    cancellation.check();
                }
                int k = running.size();
                double[] eq = equilibrium(k);
                double speed = eq[3];
                double nextArrival = next < uploads.size() ? uploads.get(next)[0] : Double.POSITIVE_INFINITY;
                double nextDone = Double.POSITIVE_INFINITY;
                int finishing = -1;
                List<double[]> busy = async ? working : running;
                for (int i = 0; i < busy.size(); i++) {
                    double t = async ? busy.get(i)[2] : now + busy.get(i)[1] / speed;
                    if (t < nextDone) {
                        nextDone = t;
                        finishing = i;
                    }
                }
                double until = Math.min(WINDOW, Math.min(nextArrival, nextDone));
                account(now, until, k, eq);
                if (!async) {
                    for (double[] u : running) {
                        u[1] -= (until - now) * speed;
                    }
                }
                now = until;
                if (now >= WINDOW) {
                    break;
                }
                if (nextDone <= nextArrival) {
                    double[] u = busy.remove(finishing);
                    done.add(now - u[0]);
                    if (async) {
                        workersBusy.add(now, -1);
                    } else {
                        answer.add(now - u[0]);
                    }
                    startNext(now, queued, running, working);
                } else {
                    double[] u = uploads.get(next++);
                    if (async) {
                        // Accepting the upload is one ordinary-sized request: record the job and answer 202.
                        answer.add(requestTime);
                    }
                    queued.add(new double[] {u[0], u[1], 0});
                    backlog.add(now, 1);
                    startNext(now, queued, running, working);
                }
            }
            // Uploads still unanswered or unprocessed at the end have waited at least until then.
            for (double[] u : running) {
                if (!async) {
                    answer.add(WINDOW - u[0]);
                }
                done.add(WINDOW - u[0]);
            }
            for (double[] u : working) {
                done.add(WINDOW - u[0]);
            }
            for (double[] u : queued) {
                wait.add(WINDOW - u[0]);
                done.add(WINDOW - u[0]);
                if (!async) {
                    answer.add(WINDOW - u[0]);
                }
            }
        }

        /** Starts queued uploads while a thread (synchronous) or a worker (asynchronous) is free. */
        private void startNext(double now, ArrayDeque<double[]> queued, List<double[]> running, List<double[]> working) {
            while (!queued.isEmpty()) {
                if (async && working.size() < workers) {
                    double[] u = queued.poll();
                    wait.add(now - u[0]);
                    backlog.add(now, -1);
                    workersBusy.add(now, 1);
                    // Workers run on their own machines at full speed: the job ends after its CPU time.
                    working.add(new double[] {u[0], u[1], now + u[1]});
                } else if (!async && running.size() < threadCount) {
                    double[] u = queued.poll();
                    wait.add(now - u[0]);
                    backlog.add(now, -1);
                    running.add(u);
                } else {
                    return;
                }
            }
        }

        /** Adds the ordinary requests of [from, to) with k uploads on the API server. */
        private void account(double from, double to, int k, double[] eq) {
            double span = to - from;
            if (span <= 0) {
                return;
            }
            double n = eq[0];
            double lat = eq[1];
            double served = eq[2];
            threads.set(from, k + n);
            offered += requestRate * span;
            rejected += (requestRate - served) * span;
            if (k + requestRate * requestTime > cores) {
                cpuSaturated += span;
            }
            if (served > 0 && Double.isFinite(lat)) {
                servedRequests += served * span;
                latencyArea += served * span * lat;
                carry += served * span;
                long whole = (long) carry;
                carry -= whole;
                latency.recordCount(lat, whole);
                latencySeries.hold(from, to, lat);
            }
            threadSeries.hold(from, to, k + n);
            backlogSeries.hold(from, to, backlog.level());
        }
    }

    /**
     * The API server's fast equilibrium with k uploads transcoding on it: {ordinary requests in service, their
     * latency, the rate served, the speed of each transcode in cores (at most 1)}. Cores are shared equally among
     * running threads, so when cores are short the requests in service n solve n x cores / (k + n) = request rate
     * x request time; when the threads run out first, the requests the free threads cannot serve are turned away.
     */
    static double[] equilibrium(int k, double requestRate, double requestTime, int threadCount, int cores) {
        double demand = requestRate * requestTime;
        int free = threadCount - k;
        if (free <= 0) {
            return new double[] {0, Double.NaN, 0, Math.min(1, (double) cores / Math.max(k, 1))};
        }
        if (demand < cores) {
            double n = k + demand <= cores ? demand : k * demand / (cores - demand);
            if (n <= free) {
                return new double[] {n, n / requestRate, requestRate, Math.min(1, cores / (k + n))};
            }
        }
        double speed = Math.min(1, (double) cores / (k + free));
        double served = Math.min(requestRate, free * speed / requestTime);
        return new double[] {free, free / served, served, speed};
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        double offered = p.get("upload_rate") * p.get("processing_time");
        int workers = p.count("workers");
        Metric backlog = metrics.get(metricName(BACKLOG, ASYNC));
        String backlogText = backlog == null ? "" : "; " + backlog.text() + " uploads wait on average";
        out.add(new Verdict(offered < workers ? Verdict.Status.MET : Verdict.Status.MISSED,
                "worker capacity " + Unit.COUNT.format(workers),
                "The uploads need " + Unit.number(offered) + " transcodes at once (" + Unit.PER_SECOND.format(p.get("upload_rate"))
                        + " x " + Unit.SECONDS.format(p.get("processing_time")) + ") against " + Unit.COUNT.format(workers)
                        + " workers" + (offered < workers ? ", so the queue drains" : ", so the queue grows all day") + backlogText));
        double spare = p.get("cpu_cores") - p.get("request_rate") * p.get("request_time");
        // The synchronous variant is shown for information only, so that a design already using workers is not failed.
        out.add(new Verdict(Verdict.Status.INFO,
                "API cores " + Unit.COUNT.format(p.get("cpu_cores")),
                "Processed inside the request, the same transcodes need " + Unit.number(offered) + " cores next to the "
                        + Unit.number(p.get("request_rate") * p.get("request_time")) + " the ordinary requests use, on "
                        + Unit.COUNT.format(p.get("cpu_cores")) + " cores"
                        + (offered < spare ? "" : ", so uploads pile up until they hold the request threads")));
        return out;
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "One API server is observed for an eight-hour day from empty; uploads arrive as a Poisson process and their processing times are exponential with the stated mean (video lengths vary), the M/M/c assumptions behind Erlang C.",
                "Processed inside the request, an upload holds one request thread until its transcode ends, and its transcode shares the server's cores equally with every other running thread.",
                "Ordinary requests are CPU-bound for their request time and are treated as a fluid in equilibrium with the uploads running at each moment (they are a hundred times faster), so their latency is the mean at that moment: the percentiles are over time, not over requests at one moment.",
                "When the request threads run out, the ordinary requests the remaining threads cannot serve are turned away rather than queued without limit; uploads wait for a thread in order.",
                "In the asynchronous variant, accepting an upload costs one ordinary request and the transcodes run on separate workers at full speed; the file goes to object storage through a pre-signed URL.",
                "Client and load-balancer timeouts, retries, the upload transfer time and the job-status polling are left out; a synchronous upload's answer time is how long its request stays open.",
                "Uploads still unanswered when the day ends count with the time they have waited so far, so those means are lower bounds in overload.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "A. K. Erlang (1917), the Erlang C formula, via the Erlang B recursion (as in ConnectionPoolModel).",
                "J. D. C. Little, \"A proof for the queuing formula L = λW\", Operations Research 9 (1961).",
                "Apache Tomcat 10 configuration reference, HTTP connector: maxThreads default 200, acceptCount default 100.",
                "AWS Elastic Load Balancing documentation, Application Load Balancer idle timeout: 60 seconds by default.",
                "Amazon S3 User Guide, Uploading objects with presigned URLs.");
    }

    @Override
    public String validation() {
        return "The asynchronous variant's upload queue is an M/M/c queue: its mean wait matches Erlang C, Wq = C(c, a) / "
                + "(c mu - lambda), its time-average backlog equals the upload rate x the mean wait (Little's law), and the "
                + "workers are busy lambda x S on average. With the default load of a = 10 transcodes on 12 workers on a faster "
                + "clock (20 uploads per minute, 30 s each, so a day holds 960 processing times): Erlang C 6.741 s; 30 "
                + "replications give 6.736 s (95% CI 6.230 to 7.242 s), a backlog of 2.249 against lambda Wq = 2.245, and "
                + "9.996 workers busy (95% CI 9.931 to 10.062). The API server's equilibrium is checked against hand-computed "
                + "cases (6 transcodes beside 5 cores of requests on 8 cores: 10 requests in service, 100 ms each). Processed "
                + "inside the request, the default uploads need 10 cores beside the 5 of the requests on 8: the cores stay "
                + "saturated (99.6% of the day), the threads run out (190 of 200 busy on average) and 75% of ordinary "
                + "requests are turned away, while the asynchronous server keeps 5 threads busy at 50 ms. "
                + "Upload4kModelTest.workerQueueMatchesErlangCAndLittlesLaw, theApiServersEquilibriumFollowsEqualCoreSharing.";
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        List<DataElement> elements = design.persistence().dataElements();
        for (int i = 0; i < elements.size(); i++) {
            DataElement e = elements.get(i);
            // The name only: a description mentioning "the S3 key of the main image" does not make rows uploads.
            if (!MEDIA.matcher(e.name()).find()) {
                continue;
            }
            Matcher m = PER_ITEM.matcher(e.sizeEstimate().text());
            if (!m.find()) {
                continue;
            }
            OptionalDouble bytes = DataSize.of(m.group(1)).bytes();
            if (bytes.isPresent() && bytes.getAsDouble() > 0) {
                out.put("upload_size", DesignValue.of(bytes.getAsDouble(), "persistence.data_elements[" + i + "].size_estimate",
                        e.name() + ": '" + e.sizeEstimate().text().strip() + "'"));
                break;
            }
        }
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        List<SyncStrategy> strategies = design.sharing().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            SyncStrategy s = strategies.get(i);
            String text = s.name() + " " + s.description();
            Matcher m = ASYNC_WORDS.matcher(text);
            if (m.find() && HEAVY_WORDS.matcher(text).find()) {
                return Optional.of(DesignValue.choice(ASYNC.id(), "sharing.strategies[" + i + "]", s.name() + ": '" + m.group() + "'"));
            }
        }
        List<StorageChoice> choices = design.persistence().storageChoices();
        for (int i = 0; i < choices.size(); i++) {
            StorageChoice c = choices.get(i);
            String text = c.data() + " " + c.system() + " " + c.justification();
            Matcher m = ASYNC_WORDS.matcher(text);
            if (m.find() && HEAVY_WORDS.matcher(text).find()) {
                return Optional.of(DesignValue.choice(ASYNC.id(), "persistence.storage_choices[" + i + "]", c.data() + ": '" + m.group() + "'"));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        StringBuilder b = new StringBuilder(design.summary()).append('\n');
        for (DataElement e : design.persistence().dataElements()) {
            b.append(e.name()).append(' ').append(e.description()).append('\n');
        }
        for (StorageChoice c : design.persistence().storageChoices()) {
            b.append(c.data()).append(' ').append(c.accessPatterns()).append('\n');
        }
        for (Query q : design.queries()) {
            b.append(q.name()).append(' ').append(q.purpose()).append('\n');
        }
        for (SharedData s : design.sharing().sharedData()) {
            b.append(s.data()).append(' ').append(s.whyShared()).append('\n');
        }
        if (SCOPE.matcher(b).find()) {
            return Optional.empty();
        }
        return Optional.of("The design accepts no large files and starts no long-running work (media processing, imports, "
                + "exports, reports) from a user's request.");
    }
}
