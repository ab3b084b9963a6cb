package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.LogNormal;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The third-party failure: sign-ins call an SMS provider that stops answering. Each call holds a request thread
 * for as long as it waits; without a timeout the pool is used up within seconds and every request is refused.
 * Compared on the same arrivals: no timeout, a timeout, and a timeout behind a Resilience4j-style circuit breaker
 * whose open circuit sends sign-ins to a fallback at once.
 */
public final class ThirdPartyFailModel extends ScenarioModel {

    /** Healthy traffic before the outage, so the breaker's window is full of successes when it starts. */
    private static final double WARM_UP = 30;
    private static final double CALM_AFTER = 30;
    private static final double CHART_BUCKET = 5;
    private static final Pattern EXTERNAL = Pattern.compile(
            "(?i)\\b(sms|twilio|text message|e-?mail provider|sendgrid|mailgun|payment provider|payment gateway|stripe|adyen|paypal"
                    + "|third[- ]party|external (?:api|service|provider)|webhook|oauth|identity provider|geocod)");
    private static final Pattern BREAKER = Pattern.compile("(?i)circuit[- ]breaker|resilience4j|hystrix");
    private static final Pattern TIMEOUT_WORDS = Pattern.compile(
            "(?i)\\b\\d+(?:\\.\\d+)?\\s*(?:ms|s|secs?|seconds?)\\s+(?:call |request |connect |read )?time-?out"
                    + "|time-?out\\s*(?:of|=|:)?\\s*\\d+(?:\\.\\d+)?\\s*(?:ms|s|secs?|seconds?)\\b");

    private static final Variant NO_TIMEOUT = new Variant("no_timeout", "no timeout");
    private static final Variant TIMEOUT = new Variant("timeout", "timeout");
    private static final Variant BREAKER_VARIANT = new Variant("breaker", "timeout and circuit breaker");

    private static final Measure LATENCY_P50 = Measure.shown("latency_p50", "sign-in latency, median", Unit.SECONDS, Better.LOWER);
    private static final Measure LATENCY_P99 = Measure.claim("latency_p99", "sign-in latency, 99th percentile", Unit.SECONDS, Better.LOWER);
    private static final Measure PEAK_THREADS = Measure.claim("peak_threads", "busy request threads, peak", Unit.COUNT, Better.LOWER);
    private static final Measure SATURATED = Measure.claim("saturated_time", "time with every request thread busy", Unit.SECONDS, Better.LOWER);
    private static final Measure REFUSED = Measure.claim("refused", "requests refused for want of a thread", Unit.COUNT, Better.LOWER);
    private static final Measure PROVIDER_CALLS = Measure.claim("provider_calls", "calls sent to the broken provider", Unit.COUNT, Better.LOWER);
    private static final Measure FAILED = Measure.shown("failed_signins", "sign-ins answered with an error after waiting", Unit.COUNT, Better.LOWER);
    private static final Measure FALLBACK = Measure.shown("fallback", "sign-ins sent to the fallback by the open circuit", Unit.COUNT, Better.LOWER);

    /** A new model for the card third-party-fail. */
    public ThirdPartyFailModel() {
        super("third-party-fail");
    }

    @Override
    public List<Variant> variants() {
        return List.of(NO_TIMEOUT, TIMEOUT, BREAKER_VARIANT);
    }

    @Override
    public List<Measure> measures() {
        return List.of(LATENCY_P50, LATENCY_P99, PEAK_THREADS, SATURATED, REFUSED, PROVIDER_CALLS, FAILED, FALLBACK);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("refused_share_outage_no_timeout", "share of sign-ins refused during the outage, no timeout (simulated)", Unit.RATIO),
                new MetricSpec("refused_share_erlang_b", "share refused, Erlang B with load rate x wait (closed form)", Unit.RATIO),
                new MetricSpec("threads_outage_timeout", "busy threads during the outage, mean, timeout (simulated)", Unit.COUNT),
                new MetricSpec("threads_littles_law", "busy threads, rate x timeout (Little's law)", Unit.COUNT));
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Sign-ins arrive as a Poisson process at the sign-in rate, the same arrivals for every variant; other endpoints are not simulated, but they share the request threads, so time with every thread busy is time the whole API refuses work.",
                "A request holds its thread only while it waits on the provider; the rest of the sign-in's work is left out as small next to the provider call.",
                "A healthy provider answers in a lognormal time with the card's mean and a coefficient of variation of 0.5; calls started before the outage are answered.",
                "During the outage the provider accepts connections and never answers: a call waits the hang time without a timeout, the call timeout with one, and fails either way.",
                "The breaker follows Resilience4j's count-based state machine (sliding window, minimum number of calls capped at the window, failure rate at or above the threshold opens, HALF_OPEN on the first call after the open wait, trial calls decide); timeouts count as failures, slow-call thresholds are left out.",
                "A sign-in refused by the open circuit goes to a fallback (an authenticator app or an e-mail code) that answers at once and holds no thread worth counting.",
                "A request that finds every thread busy is refused at once (no accept queue); retries by impatient users, which would make the naive case worse, are left out.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "Resilience4j documentation, CircuitBreaker: states, count-based sliding window and the CircuitBreakerConfig defaults (resilience4j.readme.io/docs/circuitbreaker)",
                "Apache Tomcat 10 configuration reference, HTTP connector: maxThreads default 200 (tomcat.apache.org)",
                "M. Nygard, Release It!, 2nd ed., Pragmatic Bookshelf 2018: integration points, timeouts, circuit breaker, bulkheads",
                "J. D. C. Little, A proof for the queuing formula L = lambda W, Operations Research 9(3), 1961",
                "A. K. Erlang, 1917: the loss formula B(c, a), insensitive to the holding-time distribution");
    }

    @Override
    public String validation() {
        return "Two closed forms. Without a timeout every accepted call during the outage holds its thread for the hang "
                + "time, a loss system whose refused share is Erlang B with c = 200 threads and load a = 50/s x 120 s = "
                + "6,000: B = 0.9667; the simulated share of sign-ins refused during a 10-minute outage is 0.967 "
                + "(ThirdPartyFailModelTest.withoutATimeoutTheRefusedShareIsErlangB). With a 2 s timeout, Little's law gives "
                + "50/s x 2 s = 100 busy threads during the outage; simulated 99.9 (95% CI 99.5 to 100, 10 replications) "
                + "(ThirdPartyFailModelTest.withATimeoutTheBusyThreadsFollowLittlesLaw). The breaker's transitions (opens at "
                + "50 failures of 100, not at 49 or before the minimum number of calls, refuses for 60 s, permits exactly 10 "
                + "trial calls, re-opens at 5 failures of 10, closes at 4 with a fresh window) are tested on the state machine "
                + "itself (CircuitBreakerTest), and the calls the breaker lets through to the dead provider match the count "
                + "of the calls before it opens plus 10 per open cycle (ThirdPartyFailModelTest.theBreakerLetsThroughTheWindowAndTenTrialCallsPerCycle): 50/s x 3 s = 150 "
                + "before it opens, then 10 in each of the 9 half-open rounds that start within the 600 s outage (at 63 s and every "
                + "62.2 s after), 240 expected, 240 simulated (95% CI 233 to 246).";
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        if (designMentions(design, EXTERNAL)) {
            return Optional.empty();
        }
        return Optional.of("The design names no external service (SMS, e-mail, payment or other third-party API) that a request waits on.");
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        Optional<DesignProse.Mention> breaker = DesignProse.first(design, BREAKER);
        if (breaker.isPresent()) {
            return Optional.of(DesignValue.choice(BREAKER_VARIANT.id(), breaker.get().field(), breaker.get().text()));
        }
        return DesignProse.first(design, TIMEOUT_WORDS)
                .filter(t -> designMentions(design, EXTERNAL))
                .map(t -> DesignValue.choice(TIMEOUT.id(), t.field(), t.text()));
    }

    private static boolean designMentions(Design design, Pattern pattern) {
        return DesignProse.first(design, pattern).isPresent();
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        Map<String, Double> out = new LinkedHashMap<>();
        List<Series> series = new ArrayList<>();
        Run[] runs = new Run[3];
        List<Variant> vs = variants();
        Workload workload = new Workload(p, seed);
        for (int i = 0; i < vs.size(); i++) {
            Variant v = vs.get(i);
            Run run = new Run(p, workload, v, cancellation);
            run.run();
            runs[i] = run;
            out.put(metricName(LATENCY_P50, v), run.latency.count() == 0 ? 0 : run.latency.percentile(50));
            out.put(metricName(LATENCY_P99, v), run.latency.count() == 0 ? 0 : run.latency.percentile(99));
            out.put(metricName(PEAK_THREADS, v), (double) run.peakBusy);
            out.put(metricName(SATURATED, v), run.saturated);
            out.put(metricName(REFUSED, v), (double) run.refused);
            out.put(metricName(PROVIDER_CALLS, v), (double) run.callsToBrokenProvider);
            out.put(metricName(FAILED, v), (double) run.failed);
            out.put(metricName(FALLBACK, v), (double) run.fallback);
            series.add(new Series("threads_" + v.id(), "busy request threads, peak per " + (int) CHART_BUCKET + " s (" + v.label() + ")",
                    Unit.COUNT, run.chart.start(), run.chart.width(), run.chart.values()));
        }
        // Every metric is reported in the order metrics() declares, whatever order the variants were run in.
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (Measure m : measures()) {
            for (Variant v : vs) {
                ordered.put(metricName(m, v), out.get(metricName(m, v)));
            }
        }
        Run naive = runs[0];
        ordered.put("refused_share_outage_no_timeout", naive.arrivalsInOutage == 0 ? 0 : (double) naive.refusedInOutage / naive.arrivalsInOutage);
        ordered.put("refused_share_erlang_b", erlangB(p.count("request_threads"), p.get("login_rate") * p.get("hang_time")));
        ordered.put("threads_outage_timeout", runs[1].threadSecondsInOutage / p.get("outage_duration"));
        ordered.put("threads_littles_law", p.get("login_rate") * p.get("call_timeout"));
        return new ReplicationOutcome(ordered, series);
    }

    /** Erlang's loss formula by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)). */
    static double erlangB(int servers, double load) {
        double b = 1;
        for (int k = 1; k <= servers; k++) {
            b = load * b / (k + load * b);
        }
        return b;
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        double threads = p.get("request_threads");
        for (Variant v : variants()) {
            Metric refused = metrics.get(metricName(REFUSED, v));
            Metric peak = metrics.get(metricName(PEAK_THREADS, v));
            Metric saturated = metrics.get(metricName(SATURATED, v));
            if (refused == null || peak == null || saturated == null) {
                continue;
            }
            boolean held = refused.value() == 0;
            // Only the fix is judged against the threads; the other variants are shown for comparison.
            Verdict.Status status = v != fix() ? Verdict.Status.INFO : held ? Verdict.Status.MET : Verdict.Status.MISSED;
            out.add(new Verdict(status,
                    "request threads " + Unit.COUNT.format(threads),
                    capitalise(v.label()) + ": peak " + Unit.COUNT.format(peak.value()) + " of " + Unit.COUNT.format(threads)
                            + " threads busy" + (held ? ", no request refused"
                                    : ", every thread busy for " + Unit.SECONDS.format(saturated.value()) + " and "
                                            + Unit.COUNT.format(refused.value()) + " requests refused, other endpoints included")));
        }
        return out;
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    /** The end of a replication's run: long enough for the last hung call to return and for one more half-open round. */
    private static double end(ParameterSet p) {
        return WARM_UP + p.get("outage_duration") + Math.max(p.get("hang_time"), p.get("wait_duration_in_open_state") + p.get("call_timeout"))
                + CALM_AFTER;
    }

    /** The sign-ins of one replication and what a healthy provider would answer each, drawn once for every variant. */
    private static final class Workload {
        final double[] arrivals;
        final double[] answers;

        Workload(ParameterSet p, long seed) {
            RandomStreams streams = new RandomStreams(seed);
            SplittableRandom arrivalDraws = streams.stream("sign-ins");
            SplittableRandom providerDraws = streams.stream("provider-response");
            Exponential gap = Exponential.ofRate(p.get("login_rate"));
            LogNormal healthy = LogNormal.ofMeanAndCv(p.get("sms_latency"), 0.5);
            double end = end(p);
            int expected = (int) Math.min(Integer.MAX_VALUE - 8, p.get("login_rate") * end * 1.1 + 100);
            double[] at = new double[expected];
            double[] answer = new double[expected];
            int n = 0;
            for (double t = gap.sample(arrivalDraws); t < end; t += gap.sample(arrivalDraws)) {
                if (n == at.length) {
                    at = java.util.Arrays.copyOf(at, n * 2);
                    answer = java.util.Arrays.copyOf(answer, n * 2);
                }
                at[n] = t;
                answer[n] = healthy.sample(providerDraws);
                n++;
            }
            arrivals = java.util.Arrays.copyOf(at, n);
            answers = java.util.Arrays.copyOf(answer, n);
        }
    }

    /** One variant of one replication: the same arrivals and provider times as the other variants. */
    private static final class Run {
        private final Simulation sim;
        private final Workload workload;
        private final int threads;
        private final double outageStart;
        private final double outageEnd;
        private final double end;
        private final double hang;
        private final double timeout;
        private final boolean bounded;
        private final CircuitBreaker breaker;

        final Percentiles latency = new Percentiles();
        final BucketedSeries chart;
        private int busy;
        int peakBusy;
        private double saturatedSince = Double.NaN;
        double saturated;
        long refused;
        long refusedInOutage;
        long arrivalsInOutage;
        long callsToBrokenProvider;
        long failed;
        long fallback;
        double threadSecondsInOutage;
        private double lastChange;

        Run(ParameterSet p, Workload workload, Variant variant, Cancellation cancellation) {
            sim = new Simulation(cancellation);
            this.workload = workload;
            threads = p.count("request_threads");
            outageStart = WARM_UP;
            outageEnd = WARM_UP + p.get("outage_duration");
            hang = p.get("hang_time");
            timeout = p.get("call_timeout");
            bounded = variant != NO_TIMEOUT;
            breaker = variant == BREAKER_VARIANT
                    ? new CircuitBreaker(p.get("failure_rate_threshold"), p.count("sliding_window_size"),
                            p.count("minimum_number_of_calls"), p.get("wait_duration_in_open_state"),
                            p.count("permitted_calls_in_half_open_state"))
                    : null;
            end = end(p);
            chart = new BucketedSeries(0, CHART_BUCKET, (int) Math.ceil(end / CHART_BUCKET), BucketedSeries.Aggregate.MAX);
        }

        void run() {
            // Arrivals are walked in order; only the calls' ends go through the event queue.
            double[] at = workload.arrivals;
            double[] answers = workload.answers;
            for (int i = 0; i < at.length; i++) {
                sim.runUntil(at[i]);
                arrive(at[i], answers[i]);
            }
            sim.runUntil(end);
            changeBusy(end, 0);
            latency.recordCount(0, fallback);
        }

        private void arrive(double now, double answer) {
            boolean down = now >= outageStart && now < outageEnd;
            if (down) {
                arrivalsInOutage++;
            }
            if (busy >= threads) {
                refused++;
                if (down) {
                    refusedInOutage++;
                }
                return;
            }
            if (breaker != null && !breaker.tryAcquire(now)) {
                // Fallback answers take no time; they are added to the latencies in one go at the end.
                fallback++;
                return;
            }
            double holds;
            boolean callFailed;
            if (down) {
                callsToBrokenProvider++;
                holds = bounded ? timeout : hang;
                callFailed = true;
            } else {
                callFailed = bounded && answer > timeout;
                holds = callFailed ? timeout : answer;
            }
            changeBusy(now, +1);
            sim.scheduleAt(now + holds, () -> {
                changeBusy(sim.now(), -1);
                latency.record(holds);
                if (callFailed) {
                    failed++;
                }
                if (breaker != null) {
                    breaker.onResult(sim.now(), callFailed);
                }
            });
        }

        private void changeBusy(double now, int delta) {
            double from = Math.max(lastChange, outageStart);
            double to = Math.min(now, outageEnd);
            if (to > from) {
                threadSecondsInOutage += busy * (to - from);
            }
            lastChange = now;
            busy += delta;
            peakBusy = Math.max(peakBusy, busy);
            if (busy >= threads && Double.isNaN(saturatedSince)) {
                saturatedSince = now;
            } else if (busy < threads && !Double.isNaN(saturatedSince)) {
                saturated += now - saturatedSince;
                saturatedSince = Double.NaN;
            }
            if (delta == 0 && !Double.isNaN(saturatedSince)) {
                saturated += now - saturatedSince;
                saturatedSince = Double.NaN;
            }
            if (now < end) {
                chart.add(now, busy);
            }
        }
    }
}
