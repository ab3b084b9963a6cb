package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.DesignText;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The morning lag: requests arrive through the working day after a quiet night on a platform that reclaims idle
 * execution environments. On demand, the first request of the morning, and any that finds every environment busy
 * or reclaimed, waits for a cold start; a keep-warm ping keeps one environment alive around the clock; provisioned
 * concurrency keeps a set initialised for the working hours. Reports the first request's latency, the share of cold
 * starts, latency percentiles and each option's monthly bill.
 */
public final class MorningLagModel extends ScenarioModel {

    /** Days in a billing month of 730 hours. */
    static final double DAYS_PER_MONTH = 730 / 24.0;
    private static final double GB = 1024.0 * 1024 * 1024;
    /** Requests simulated per replication at most; a busier day is simulated from its start and scaled. */
    static final int REQUEST_BUDGET = 50_000;
    private static final Pattern SERVERLESS = Pattern.compile(
            "(?i)\\b(?:AWS Lambda|Lambda functions?|serverless|Azure Functions|Cloud Functions|Cloud Run|FaaS|functions? as a service)\\b");
    private static final Pattern PROVISIONED = Pattern.compile("(?i)\\bprovisioned concurrency\\b|\\bmin(?:imum)?[- _]instances\\b");
    private static final Pattern KEEP_WARM = Pattern.compile("(?i)\\bkeep[- ]warm\\b|\\bwarm(?:ing|-up)? pings?\\b");

    private static final Variant ON_DEMAND = new Variant("on_demand", "on demand");
    private static final Variant KEEP_WARM_PING = new Variant("keep_warm", "keep-warm ping");
    private static final Variant PROVISIONED_CONCURRENCY = new Variant("provisioned", "provisioned concurrency");

    /** The model for the card morning-lag. */
    public MorningLagModel() {
        super("morning-lag");
    }

    @Override
    public List<Variant> variants() {
        return List.of(ON_DEMAND, KEEP_WARM_PING, PROVISIONED_CONCURRENCY);
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                Measure.claim("first_request_latency", "latency of the morning's first request", Unit.SECONDS, Better.LOWER),
                Measure.claim("cold_start_share", "requests that wait for a cold start", Unit.RATIO, Better.LOWER),
                Measure.shown("latency_mean", "request latency, mean", Unit.SECONDS, Better.LOWER),
                Measure.shown("latency_p99", "request latency, 99th percentile", Unit.SECONDS, Better.LOWER),
                Measure.shown("latency_max", "request latency, worst of the day", Unit.SECONDS, Better.LOWER),
                Measure.shown("monthly_cost", "monthly cost", Unit.DOLLARS, Better.LOWER));
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("cold_chance_closed_form", "chance a request finds no warm environment after an idle gap, closed form",
                        Unit.RATIO),
                new MetricSpec("provisioned_fixed_cost", "monthly cost of keeping the provisioned environments initialised",
                        Unit.DOLLARS));
    }

    /** The chance that a Poisson stream at {@code rate} leaves a gap longer than the idle timeout before a request. */
    static double coldChance(double rate, double idleTimeout) {
        return StrictMath.exp(-rate * idleTimeout);
    }

    /** What the provisioned environments cost a month for being initialised, used or not. */
    static double provisionedFixedCost(int environments, double memoryBytes, double workingHours, double pricePerGbSecond) {
        return environments * (memoryBytes / GB) * workingHours * DAYS_PER_MONTH * pricePerGbSecond;
    }

    /**
     * One day of one variant. An environment is known by the time it is next free: busy ones wait in a queue by
     * that time, idle ones in the order they became free, so the router takes the most recently used from one end
     * and the platform reclaims the longest idle from the other.
     */
    private static final class Day {
        final int provisioned;
        final PriorityQueue<Double> busyProvisioned = new PriorityQueue<>();
        final PriorityQueue<Double> busyOnDemand = new PriorityQueue<>();
        final ArrayDeque<Double> idleOnDemand = new ArrayDeque<>();
        final double coldStart;
        final double warm;
        final double idleTimeout;
        long requests;
        long colds;
        long onProvisioned;
        long pingColds;
        double firstLatency = Double.NaN;
        double latencySum;

        Day(int provisioned, double coldStart, double warm, double idleTimeout) {
            this.provisioned = provisioned;
            this.coldStart = coldStart;
            this.warm = warm;
            this.idleTimeout = idleTimeout;
        }

        /** Serves a call at {@code t}; returns its latency. */
        double serve(double t, boolean ping) {
            while (!busyProvisioned.isEmpty() && busyProvisioned.peek() <= t) {
                busyProvisioned.poll();
            }
            if (busyProvisioned.size() < provisioned) {
                busyProvisioned.add(t + warm);
                if (!ping) {
                    onProvisioned++;
                }
                return warm;
            }
            while (!busyOnDemand.isEmpty() && busyOnDemand.peek() <= t) {
                idleOnDemand.addLast(busyOnDemand.poll());
            }
            // The platform reclaims environments idle for longer than the timeout.
            while (!idleOnDemand.isEmpty() && t - idleOnDemand.peekFirst() > idleTimeout) {
                idleOnDemand.pollFirst();
            }
            double latency = warm;
            if (idleOnDemand.isEmpty()) {
                latency = coldStart + warm;
                if (!ping) {
                    colds++;
                } else if (t >= 0) {
                    pingColds++;
                }
            } else {
                idleOnDemand.pollLast();
            }
            busyOnDemand.add(t + latency);
            return latency;
        }

        void request(double t) {
            double l = serve(t, false);
            if (requests == 0) {
                firstLatency = l;
            }
            requests++;
            latencySum += l;
        }
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        double coldStart = p.get("cold_start");
        double warm = p.get("warm_latency");
        double idleTimeout = p.get("idle_timeout");
        double workingHours = p.get("working_hours");
        double dailyRequests = p.get("daily_requests") * 86_400;
        double rate = dailyRequests / workingHours;
        double gb = p.get("memory") / GB;
        int provisionedCount = Math.max(1, p.count("provisioned_environments"));
        double pingInterval = p.get("keep_warm_interval");

        RandomStreams streams = new RandomStreams(seed);
        // The same arrivals for every variant: the day starts at 0 (8:00) after a night without requests.
        SplittableRandom arrivalDraws = streams.stream("arrivals");
        Exponential gap = Exponential.ofRate(rate);
        List<Double> arrivals = new ArrayList<>();
        for (double t = gap.sample(arrivalDraws); t < workingHours && arrivals.size() < REQUEST_BUDGET; t += gap.sample(arrivalDraws)) {
            arrivals.add(t);
        }
        double simulatedUntil = arrivals.size() < REQUEST_BUDGET ? workingHours : arrivals.get(arrivals.size() - 1);
        // The ping schedule's phase relative to 8:00 is as random as the minute someone created it.
        double phase = streams.stream("ping-phase").nextDouble() * pingInterval;

        Map<String, Double> v = new LinkedHashMap<>();
        for (Variant variant : variants()) {
            Day day = new Day(variant == PROVISIONED_CONCURRENCY ? provisionedCount : 0, coldStart, warm, idleTimeout);
            if (variant == KEEP_WARM_PING) {
                // Pings run all night; start early enough that the night's environment is the one the pings keep.
                double ping = phase - pingInterval * (StrictMath.ceil((idleTimeout + coldStart) / pingInterval) + 2);
                int next = 0;
                while (next < arrivals.size() || ping < simulatedUntil) {
                    if (next < arrivals.size() && (ping >= simulatedUntil || arrivals.get(next) < ping)) {
                        day.request(arrivals.get(next++));
                    } else {
                        day.serve(ping, true);
                        ping += pingInterval;
                    }
                    if ((next & 4095) == 0) {
                        cancellation.check();
                    }
                }
            } else {
                for (int i = 0; i < arrivals.size(); i++) {
                    day.request(arrivals.get(i));
                    if ((i & 4095) == 0) {
                        cancellation.check();
                    }
                }
            }
            String id = variant.id();
            long n = day.requests;
            v.put("first_request_latency_" + id, day.firstLatency);
            v.put("cold_start_share_" + id, n == 0 ? Double.NaN : (double) day.colds / n);
            v.put("latency_mean_" + id, n == 0 ? Double.NaN : day.latencySum / n);
            // A request takes either the warm time or a cold start more, so the percentiles follow from the count of
            // cold starts: the 99th percentile is cold once more than 1% of the requests are.
            double coldLatency = coldStart + warm;
            v.put("latency_p99_" + id, n == 0 ? Double.NaN : day.colds > 0.01 * n ? coldLatency : warm);
            v.put("latency_max_" + id, n == 0 ? Double.NaN : day.colds > 0 ? coldLatency : warm);

            // The bill: the simulated day scaled to the expected requests of a day, times the days of a month.
            double scale = n == 0 ? 0 : dailyRequests / n;
            double requestPrice = p.get("request_price") / 1e6;
            double onDemandRuns = (n - day.onProvisioned) * scale;
            double cost = dailyRequests * requestPrice
                    + onDemandRuns * warm * gb * p.get("duration_price")
                    + day.colds * scale * coldStart * gb * p.get("duration_price")
                    + day.onProvisioned * scale * warm * gb * p.get("provisioned_duration_price");
            double monthly = cost * DAYS_PER_MONTH;
            if (variant == PROVISIONED_CONCURRENCY) {
                monthly += provisionedFixedCost(provisionedCount, p.get("memory"), workingHours, p.get("provisioned_price"));
            }
            if (variant == KEEP_WARM_PING) {
                // Pings run around the clock. At night each finds the last one's environment unless the interval
                // outlasts the idle timeout; in the day the simulated pings say how many started cold.
                double pingsPerMonth = DAYS_PER_MONTH * 86_400 / pingInterval;
                double nightColds = pingInterval - warm > idleTimeout ? (86_400 - workingHours) / pingInterval : 0;
                double dayColds = day.pingColds * workingHours / simulatedUntil;
                monthly += pingsPerMonth * (requestPrice + warm * gb * p.get("duration_price"))
                        + (nightColds + dayColds) * coldStart * gb * p.get("duration_price") * DAYS_PER_MONTH;
            }
            v.put("monthly_cost_" + id, monthly);
        }
        v.put("cold_chance_closed_form", coldChance(rate, idleTimeout));
        v.put("provisioned_fixed_cost", provisionedFixedCost(provisionedCount, p.get("memory"), workingHours, p.get("provisioned_price")));
        return new ReplicationOutcome(v, List.of());
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        DesignText text = new DesignText(design);
        Optional<DesignValue> provisioned = text.find(PROVISIONED, PROVISIONED_CONCURRENCY.id());
        return provisioned.isPresent() ? provisioned : text.find(KEEP_WARM, KEEP_WARM_PING.id());
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return new DesignText(design).find(SERVERLESS, "").isPresent() ? Optional.empty()
                : Optional.of("The design does not say it serves requests from a serverless platform that scales to zero"
                        + " (AWS Lambda, Azure Functions, Cloud Functions or Cloud Run), so there are no cold starts after idle spells.");
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Requests arrive as a Poisson stream spread evenly over the working hours; nothing arrives at night, so every on-demand environment has been reclaimed by 8:00.",
                "An environment is reclaimed once it has been idle for longer than the idle timeout; AWS does not document that time, so it is an assumption.",
                "A request takes the first free provisioned environment, else the most recently used free on-demand environment, else waits for a cold start on a new one; each environment serves one request at a time.",
                "A keep-warm ping runs around the clock at a random phase and is served like a request, so it keeps one environment warm when its interval is shorter than the idle timeout; requests that overlap need environments of their own and can still start cold.",
                "Provisioned concurrency is scheduled for the working hours only and ready when they start; requests beyond the provisioned environments spill over to on demand.",
                "Monthly cost: 730 h months; every request pays the request price; on-demand run time, the initialisation of cold starts included, at the on-demand GB-second price; provisioned environments at the provisioned price for the working hours plus their run time at the provisioned duration price; the free tier is left out.",
                "A day busier than 50,000 requests is simulated from its start up to that many requests (the morning, where the cold starts are) and its figures scaled to the whole day.",
                "Left out: cold starts caused by deploys and by the platform recycling environments every few hours, SnapStart and smaller packages (which shorten the cold start rather than avoid it), and a database flooded by new connections.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "AWS Lambda Developer Guide, 'Understanding the Lambda execution environment lifecycle' (Init, Invoke and Shutdown phases; environments are reused and eventually reclaimed)",
                "AWS Lambda Developer Guide, 'Configuring provisioned concurrency' (scheduled with Application Auto Scaling)",
                "AWS Lambda pricing, https://aws.amazon.com/lambda/pricing/ (US East (N. Virginia), x86: $0.20 per 1M requests, $0.0000166667 per GB-second on demand; provisioned concurrency $0.0000041667 per GB-second plus $0.0000097222 per GB-second of run time), as listed in 2025",
                "AWS Compute Blog, 'AWS Lambda standardizes billing for INIT phase' (2025): initialisation billed from August 1, 2025");
    }

    @Override
    public String validation() {
        return "Closed forms: in a Poisson stream at rate λ a request finds no warm environment when the gap before it exceeds"
                + " the idle timeout T, with chance exp(-λT); with λ = 360 per 10 h (0.01/s) and T = 100 s that is 36.8%, and"
                + " with the always-cold first request the expected share is about 36.96%; 100 replications (seed 5) give 36.84% (95% CI 36.29% to 37.39%). A"
                + " keep-warm ping every I > T leaves the first request warm with chance T / I: for 10 min and 20 min the first"
                + " request should take 80 ms + 50% x 5 s = 2.58 s on average; 200 replications (seed 3) give 2.505 s (95% CI"
                + " 2.156 s to 2.854 s). Provisioned cost = environments x GB x"
                + " working hours x days x price = 2 x 1 x 36,000 s x 30.42 x $0.0000041667 = $9.125 a month, exactly."
                + " MorningLagModelTest.theColdShareMatchesTheIdleGapClosedForm, MorningLagModelTest.aPingSlowerThanTheTimeoutKeepsTheMorningWarmOnlySometimes,"
                + " MorningLagModelTest.provisionedConcurrencyCostsEnvironmentsTimesHoursTimesPrice.";
    }
}
