package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.model.SyncStrategy;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * The "free" server: a short job every hour on an always-on VPS or as a scheduled function. Pure cost
 * arithmetic, the same for every seed: runs per month times the per-request and GB-second prices, less the
 * free tier, against the server's flat monthly price, and the duty cycle at which the two cost the same.
 */
public final class FreeServerModel extends ScenarioModel {

    /** Hours in a billing month, as AWS's pricing examples and calculator count them. */
    static final double MONTH_SECONDS = 730 * 3600.0;
    /** Lambda bills a GB as 1,024 MB and memory is set in MB, so a GB-second is 2^30 bytes for one second. */
    static final double GB = 1024.0 * 1024 * 1024;
    /** The shortest job the scheduler runs: one that repeats at least once a minute is a service, not a job. */
    private static final double SHORTEST_JOB_INTERVAL = 60;
    private static final Pattern FUNCTION = Pattern.compile(
            "(?i)\\b(?:lambda|serverless|cloud functions?|azure functions?|cloud run|scheduled function|EventBridge)\\b");

    private static final Pattern JOB = Pattern.compile(
            "(?i)\\b(?:jobs?|cron|crontab|schedule[ds]?|scheduler|batch|imports?|exports?|reports?|timer)\\b");

    private static final Variant VPS = new Variant("vps", "always-on VPS");
    private static final Variant FAAS_PAID = new Variant("faas_paid", "function, free tier left out");
    private static final Variant FAAS = new Variant("faas", "function with the free tier");

    /** The model for the card free-server. */
    public FreeServerModel() {
        super("free-server");
    }

    @Override
    public List<Variant> variants() {
        return List.of(VPS, FAAS_PAID, FAAS);
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                Measure.claim("monthly_cost", "monthly cost", Unit.DOLLARS, Better.LOWER),
                Measure.claim("idle_hours_billed", "idle hours billed per month", Unit.COUNT, Better.LOWER),
                Measure.shown("cost_per_run", "cost per run", Unit.DOLLARS, Better.LOWER));
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("runs_per_month", "runs per month", Unit.COUNT),
                new MetricSpec("duty_cycle", "share of the month the job is busy", Unit.RATIO),
                new MetricSpec("break_even_runs", "runs per month at which the function costs as much as the VPS", Unit.COUNT),
                new MetricSpec("break_even_duty_cycle", "busy share at which the function costs as much as the VPS", Unit.RATIO),
                new MetricSpec("break_even_interval", "time between runs at which the function costs as much as the VPS", Unit.SECONDS));
    }

    /** The monthly bill of a function: what exceeds each free allowance at its price. */
    static double functionCost(double runs, double gbSecondsPerRun, double requestPrice, double gbSecondPrice,
            double freeRequests, double freeGbSeconds) {
        return Math.max(0, runs - freeRequests) * requestPrice + Math.max(0, runs * gbSecondsPerRun - freeGbSeconds) * gbSecondPrice;
    }

    /**
     * The runs per month at which the function's bill reaches {@code budget}. The bill is zero up to the first
     * free allowance used up and then rises piecewise linearly, so the break-even is exact on the segment where
     * it falls; NaN when the bill never reaches the budget (both prices zero).
     */
    static double breakEvenRuns(double budget, double gbSecondsPerRun, double requestPrice, double gbSecondPrice,
            double freeRequests, double freeGbSeconds) {
        double requestsFreeUntil = freeRequests;
        double computeFreeUntil = gbSecondsPerRun > 0 ? freeGbSeconds / gbSecondsPerRun : Double.POSITIVE_INFINITY;
        double[] ends = {Math.min(requestsFreeUntil, computeFreeUntil), Math.max(requestsFreeUntil, computeFreeUntil), Double.POSITIVE_INFINITY};
        double from = 0;
        double bill = 0;
        for (double to : ends) {
            double slope = (from >= requestsFreeUntil ? requestPrice : 0) + (from >= computeFreeUntil ? gbSecondsPerRun * gbSecondPrice : 0);
            if (slope > 0) {
                double reach = from + (budget - bill) / slope;
                if (reach <= to) {
                    return reach;
                }
                bill += slope * (to - from);
            }
            from = to;
        }
        return Double.NaN;
    }

    /** Lambda bills run time rounded up to the next millisecond. */
    static double billedSeconds(double runTime) {
        return StrictMath.ceil(runTime * 1000 - 1e-9) / 1000;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        double duration = p.get("job_duration");
        double runs = MONTH_SECONDS / p.get("job_interval");
        double billed = billedSeconds(duration);
        double gbSecondsPerRun = p.get("memory") / GB * billed;
        double requestPrice = p.get("request_price") / 1e6;
        double gbSecondPrice = p.get("gb_second_price");
        double vps = p.get("vps_price");
        double busySeconds = Math.min(MONTH_SECONDS, runs * duration);

        Map<String, Double> v = new LinkedHashMap<>();
        double paid = functionCost(runs, gbSecondsPerRun, requestPrice, gbSecondPrice, 0, 0);
        double free = functionCost(runs, gbSecondsPerRun, requestPrice, gbSecondPrice, p.get("free_requests"), p.get("free_gb_seconds"));
        v.put("monthly_cost_vps", vps);
        v.put("monthly_cost_faas_paid", paid);
        v.put("monthly_cost_faas", free);
        // The server is billed for every hour it exists; a function only for the rounding of each run to 1 ms.
        double rounding = runs * (billed - duration) / 3600;
        v.put("idle_hours_billed_vps", (MONTH_SECONDS - busySeconds) / 3600);
        v.put("idle_hours_billed_faas_paid", rounding);
        v.put("idle_hours_billed_faas", rounding);
        v.put("cost_per_run_vps", vps / runs);
        v.put("cost_per_run_faas_paid", paid / runs);
        v.put("cost_per_run_faas", free / runs);
        v.put("runs_per_month", runs);
        v.put("duty_cycle", runs * duration / MONTH_SECONDS);
        double breakEven = breakEvenRuns(vps, gbSecondsPerRun, requestPrice, gbSecondPrice, p.get("free_requests"), p.get("free_gb_seconds"));
        v.put("break_even_runs", breakEven);
        v.put("break_even_duty_cycle", breakEven * duration / MONTH_SECONDS);
        v.put("break_even_interval", MONTH_SECONDS / breakEven);
        return new ReplicationOutcome(v, List.of());
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = super.verdicts(p, metrics);
        Metric duty = metrics.get("duty_cycle");
        Metric breakEven = metrics.get("break_even_duty_cycle");
        Metric interval = metrics.get("break_even_interval");
        if (duty != null && breakEven != null && Double.isFinite(breakEven.value())) {
            boolean cheaper = duty.value() < breakEven.value();
            out.add(new Verdict(Verdict.Status.INFO, "break-even duty cycle " + breakEven.text(),
                    "The job is busy " + duty.text() + " of the month; the function " + (cheaper ? "stays cheaper" : "costs more")
                            + " than the VPS up to a busy share of " + breakEven.text() + " (a run every "
                            + (interval == null ? "n/a" : interval.text()) + "), free tier included"));
        }
        return out;
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        OptionalInt job = scheduledJob(design);
        if (job.isPresent()) {
            SyncStrategy s = design.sharing().strategies().get(job.getAsInt());
            out.put("job_interval", DesignValue.of(s.frequency().seconds().orElseThrow(),
                    "sharing.strategies[" + job.getAsInt() + "].frequency", "'" + s.name() + "': " + s.frequency().text()));
        }
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        OptionalInt job = scheduledJob(design);
        if (job.isEmpty()) {
            return Optional.empty();
        }
        SyncStrategy s = design.sharing().strategies().get(job.getAsInt());
        String where = "sharing.strategies[" + job.getAsInt() + "].description";
        var m = FUNCTION.matcher(s.name() + " " + s.description());
        return m.find() ? Optional.of(DesignValue.choice(FAAS.id(), where, "'" + m.group() + "'")) : Optional.empty();
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return scheduledJob(design).isPresent() ? Optional.empty()
                : Optional.of("The design states no scheduled job: no synchronization strategy is described as a job, import,"
                        + " export or report that runs periodically, so there is no always-on job server to compare with a function.");
    }

    /**
     * The first synchronization strategy that runs on a schedule, at most once a minute, and is described as a job
     * (a cron job, an import, a report); a cache refreshed every few minutes is not one.
     */
    private static OptionalInt scheduledJob(Design design) {
        List<SyncStrategy> strategies = design.sharing().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            var seconds = strategies.get(i).frequency().seconds();
            SyncStrategy s = strategies.get(i);
            if (seconds.isPresent() && Double.isFinite(seconds.getAsDouble()) && seconds.getAsDouble() >= SHORTEST_JOB_INTERVAL
                    && JOB.matcher(s.name() + " " + s.description()).find()) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Pure arithmetic with no randomness: every seed gives the same bill, so the confidence intervals are zero.",
                "A month is 730 hours, as AWS's pricing examples count it; runs per month are 730 h divided by the time between runs.",
                "The function bills memory x run time in GB-seconds with a GB of 1,024 MB, run time rounded up to the next millisecond, plus a price per request (AWS Lambda, x86, us-east-1).",
                "The free tier (1 million requests and 400,000 GB-seconds a month) is assumed to be all this job's; other functions in the account share it in reality.",
                "The VPS costs its flat monthly price whatever it does; its bandwidth, backups and the time spent patching it are left out, as are the function's scheduler (EventBridge), logs and data transfer.",
                "The function's run time equals the job's time on the VPS; a cold start before each hourly run (typically under a second) would add to the billed duration and is left out.",
                "A break-even busy share above 100% means one server could not run the jobs back to back anyway: the function is the cheaper choice at every schedule a single server can keep.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "AWS Lambda pricing, https://aws.amazon.com/lambda/pricing/ (US East (N. Virginia), x86: $0.20 per 1M requests, $0.0000166667 per GB-second; free tier 1M requests and 400,000 GB-seconds per month; duration rounded up to 1 ms), as listed in 2025",
                "AWS Lambda Developer Guide, 'Configuring Lambda function memory' (128 MB to 10,240 MB)",
                "DigitalOcean Droplet pricing, https://www.digitalocean.com/pricing/droplets (Basic, 1 vCPU, 1 GiB, 25 GiB SSD: $6 per month), as listed in 2024-2025");
    }

    @Override
    public String validation() {
        return "Closed form, exact: runs = 730 h / interval; function bill = max(0, runs - free requests) x request price"
                + " + max(0, runs x memory(GB) x run time - free GB-s) x GB-s price; break-even runs solve bill = VPS price on"
                + " the linear segment where they fall. Defaults (2 s every hour, 512 MiB): 730 runs, $0.01231 without the free"
                + " tier ($0.000146 requests + $0.01217 compute), $0 with it, $6 for the VPS; break-even 759,999 runs a month"
                + " (400,000 free runs of 1 GB-s, then $6 / $0.0000166667), a busy share of 57.8%, a run every 3.46 s. The"
                + " model gives these figures to the last digit for every seed."
                + " FreeServerModelTest.theBillIsTheClosedFormToTheCent, FreeServerModelTest.theBreakEvenCostsExactlyTheVpsPrice.";
    }
}
