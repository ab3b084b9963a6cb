package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.BucketedSeries;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
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
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Traffic Spike: load grows tenfold within an hour. Compares a fixed replica count, the Vertical Pod
 * Autoscaler (which resizes pods by evicting and restarting them) and the Horizontal Pod Autoscaler with
 * Kubernetes' default behaviour, on the same seeded requests, and reports dropped and slow requests and the cost.
 */
public final class TrafficSpikeModel extends ScenarioModel {

    private static final List<Variant> VARIANTS = List.of(
            new Variant("fixed", "fixed replicas"),
            new Variant("vpa", "VPA (resize by restart)"),
            new Variant("hpa", "HPA (add replicas)"));

    private static final List<Measure> MEASURES = List.of(
            Measure.claim("dropped", "requests dropped", Unit.COUNT, Better.LOWER),
            Measure.claim("dropped_share", "share of requests dropped", Unit.RATIO, Better.LOWER),
            Measure.claim("slow", "requests served by saturated pods (utilisation above 90%)", Unit.COUNT, Better.LOWER),
            Measure.shown("peak_pods", "replicas at the peak", Unit.COUNT, Better.LOWER),
            Measure.shown("restarts", "pod restarts", Unit.COUNT, Better.LOWER),
            Measure.shown("pod_hours", "pod-hours (in pods of the starting size)", Unit.COUNT, Better.LOWER),
            Measure.shown("cost", "cost of the pods", Unit.DOLLARS, Better.LOWER));

    /** Kubernetes' default HPA tolerance (--horizontal-pod-autoscaler-tolerance): no change within 10% of the target. */
    static final double HPA_TOLERANCE = 0.1;
    /** The period of the default scale-up policies (periodSeconds: 15). */
    static final int POLICY_PERIOD = 15;
    /** The VPA updater's default loop interval (--updater-interval 1m). */
    static final int VPA_INTERVAL = 60;
    /** The VPA updater's default --eviction-tolerance: at most half the replicas evicted at once. */
    static final double VPA_EVICTION_TOLERANCE = 0.5;
    /** The VPA recommender's default safety margin (--recommendation-margin-fraction 0.15). */
    static final double VPA_MARGIN = 0.15;
    /** The VPA updater evicts a pod when its request differs from the recommendation by 10% or more. */
    static final double VPA_UPDATE_THRESHOLD = 0.1;
    /** Utilisation above which a pod's requests count as slow: an M/M/1 response time of ten service times. */
    static final double SLOW_UTILISATION = 0.9;
    /** The share of dropped requests the verdicts accept: one in a thousand, about what retries absorb. */
    static final double DROPPED_TARGET = 0.001;
    /** The most replicas the HPA may run; a stand-in for maxReplicas. */
    static final int MAX_REPLICAS = 100_000;

    private static final Pattern HPA = Pattern.compile("(?i)\\bHPA\\b|horizontal pod autoscal|horizontal(?:ly)? scal|autoscaling group|\\bscales? out\\b");
    private static final Pattern VPA = Pattern.compile("(?i)\\bVPA\\b|vertical pod autoscal|vertical(?:ly)? scal|\\bscales? up the (?:pod|instance|machine)");
    private static final Pattern PLATFORM = Pattern.compile(
            "(?i)kubernetes|\\bk8s\\b|\\bEKS\\b|\\bGKE\\b|\\bAKS\\b|\\bpods?\\b|autoscal|\\bECS\\b|fargate|cloud run|app engine|app service|"
                    + "container apps|heroku|dynos?|instance group|scale set|\\breplicas? of the (?:api|service|app)");

    /** The model for the traffic-spike card. */
    public TrafficSpikeModel() {
        super("traffic-spike");
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
                new MetricSpec("pods_needed", "replicas the peak needs at the target, ceil(peak / requests per pod) (closed form)", Unit.COUNT),
                new MetricSpec("fixed_dropped_expected", "requests the fixed replicas drop, the integral of load above capacity (closed form)",
                        Unit.COUNT));
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Load rises linearly from the usual rate to growth x it over the ramp, holds the peak for half the ramp (at least "
                        + "10 min), then falls back to the usual rate for as long; requests are Poisson counts per second, the same "
                        + "for every variant.",
                "Every variant starts with the replicas the usual load needs at the target utilisation; one pod serves requests per "
                        + "pod / target utilisation at 100%, ready pods share the load evenly, and requests beyond their capacity are "
                        + "dropped rather than queued.",
                "Requests served while the pods run above 90% utilisation count as slow: for an M/M/1 pod that is a mean response "
                        + "time above ten service times.",
                "The HPA runs every sync period on the load per ready pod averaged over the period (a requests-per-second metric, "
                        + "or CPU without a limit); it follows Kubernetes' algorithm: desired = ceil(replicas x utilisation / target), "
                        + "no change within the 10% tolerance, not-yet-ready pods counted at 0% when scaling up, the larger of the "
                        + "pods and percent policies per 15 s, and the highest recommendation of the stabilisation window when scaling down.",
                "A new pod takes traffic the pod start time after the decision, rounded to whole seconds; nodes are always "
                        + "available, so no cluster-autoscaler delay is added; maxReplicas is not reached.",
                "The VPA is idealised in its favour: every minute it recommends the current demand per pod plus its 15% margin "
                        + "(the real recommender weights days of history and reacts more slowly), evicts at most half the pods whose "
                        + "size is 10% or more off, and each restarts at the new size after the pod start time; pods may grow without a node limit.",
                "Cost is pod-hours of every running or starting pod, scaled by its size, times the price per pod-hour; scale-down "
                        + "removes starting pods first.",
                "The figures are illustrative: the database connections every new pod opens, image pulls and the CPU spike of "
                        + "a starting JVM are left out.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "Kubernetes documentation, Horizontal Pod Autoscaling: algorithm details, default behavior and stabilization "
                        + "(kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/), v1.30",
                "Kubernetes kube-controller-manager reference: --horizontal-pod-autoscaler-sync-period 15s, --horizontal-pod-autoscaler-tolerance 0.1",
                "Kubernetes autoscaler repository, vertical-pod-autoscaler docs and FAQ: updater interval 1 min, eviction tolerance 0.5, "
                        + "recommendation margin 15%",
                "AWS EC2 On-Demand pricing, m6i.large in us-east-1 (US East, N. Virginia), 2024");
    }

    @Override
    public String validation() {
        return "Closed forms: the fixed replicas drop the integral of the load above their capacity, (peak - capacity)^2 / "
                + "(2 x slope) on the ramp plus (peak - capacity) x the hold: 15,531,250 requests on the defaults; 10 "
                + "replications (seed 2026) give 15,531,220 (95% CI 15,528,503 to 15,533,937). With unlimited scale-up policies "
                + "and a 1 s start the HPA's replicas stay within the 10% tolerance band around load / 100 throughout the ramp "
                + "and settle between 46 and 56 around ceil(5,000 / 100) = 50; cost is pod-hours x price exactly (5 pods x 2 h "
                + "x $0.048 = $0.48 for the fixed replicas). On a 100x step the replica count never more than doubles (or adds 4) "
                + "per 15 s, and after the load drops it stays up for the 300 s stabilisation window. "
                + "TrafficSpikeModelTest.fixedReplicasDropTheLoadAboveTheirCapacity, "
                + "TrafficSpikeModelTest.withUnlimitedPoliciesTheReplicasTrackTheLoad, "
                + "TrafficSpikeModelTest.scaleUpAtMostDoublesOrAddsFourPerPeriod, "
                + "TrafficSpikeModelTest.scaleDownWaitsForTheStabilisationWindow.";
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        if (find(design, PLATFORM).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("The design does not say its application tier runs on a platform that can add instances "
                + "(Kubernetes, an autoscaling group, a managed container service).");
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        Optional<DesignValue> hpa = find(design, HPA).map(f -> DesignValue.choice("hpa", f.field(), f.text()));
        return hpa.isPresent() ? hpa : find(design, VPA).map(f -> DesignValue.choice("vpa", f.field(), f.text()));
    }

    private record Found(String field, String text) {
    }

    /** The first match in the text fields where a design says how its tier runs and scales. */
    private static Optional<Found> find(Design d, Pattern p) {
        List<String[]> fields = new ArrayList<>();
        fields.add(new String[] {"summary", d.summary()});
        fields.add(new String[] {"concurrency.reads.occurs", d.concurrency().reads().occurs()});
        fields.add(new String[] {"concurrency.reads.handling", d.concurrency().reads().handling()});
        fields.add(new String[] {"concurrency.writes.occurs", d.concurrency().writes().occurs()});
        fields.add(new String[] {"concurrency.writes.handling", d.concurrency().writes().handling()});
        for (int i = 0; i < d.persistence().storageChoices().size(); i++) {
            fields.add(new String[] {"persistence.storage_choices[" + i + "].justification",
                    d.persistence().storageChoices().get(i).justification()});
        }
        for (int i = 0; i < d.persistence().storageChoices().size(); i++) {
            fields.add(new String[] {"persistence.storage_choices[" + i + "].system", d.persistence().storageChoices().get(i).system()});
        }
        for (String[] f : fields) {
            Matcher m = p.matcher(f[1]);
            if (m.find()) {
                return Optional.of(new Found(f[0], "'" + m.group() + "'"));
            }
        }
        return Optional.empty();
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        Load load = new Load(p);
        SplittableRandom arrivals = new RandomStreams(seed).stream("arrivals");
        long[] perSecond = new long[load.seconds];
        for (int t = 0; t < load.seconds; t++) {
            perSecond[t] = PoissonCounts.sample(arrivals, load.rate(t + 0.5));
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<Series> series = new ArrayList<>();
        double price = p.get("pod_hour_price");
        for (Variant v : VARIANTS) {
            Cluster c = new Cluster(p, load, perSecond, v.id(), cancellation);
            c.run();
            values.put(metricName(MEASURES.get(0), v), c.dropped);
            values.put(metricName(MEASURES.get(1), v), c.requests == 0 ? 0 : c.dropped / c.requests);
            values.put(metricName(MEASURES.get(2), v), c.slow);
            values.put(metricName(MEASURES.get(3), v), (double) c.peakPods);
            values.put(metricName(MEASURES.get(4), v), (double) c.restarts);
            values.put(metricName(MEASURES.get(5), v), c.podSeconds / 3600);
            values.put(metricName(MEASURES.get(6), v), c.podSeconds / 3600 * price);
            series.add(c.chart("pods_" + v.id(), "replicas (" + v.label() + ")", Unit.COUNT, c.pods, BucketedSeries.Aggregate.MEAN));
            series.add(c.chart("dropped_" + v.id(), "requests dropped per second (" + v.label() + ")", Unit.PER_SECOND, c.droppedPerSecond,
                    BucketedSeries.Aggregate.MEAN));
            series.add(c.chart("slow_" + v.id(), "slow requests per second (" + v.label() + ")", Unit.PER_SECOND, c.slowPerSecond,
                    BucketedSeries.Aggregate.MEAN));
        }
        values.put("pods_needed", (double) podsNeeded(p));
        values.put("fixed_dropped_expected", fixedDroppedExpected(p));
        return new ReplicationOutcome(values, series);
    }

    /** The replicas the usual load needs at the target utilisation, at least one. */
    static int startingPods(ParameterSet p) {
        return (int) Math.max(1, Math.ceil(p.get("baseline_rate") / p.get("pod_capacity") - 1e-9));
    }

    /** The replicas the peak needs at the target utilisation. */
    static int podsNeeded(ParameterSet p) {
        return (int) Math.max(1, Math.ceil(p.get("baseline_rate") * p.get("growth") / p.get("pod_capacity") - 1e-9));
    }

    /** The integral of the load above the fixed replicas' capacity over the ramp and the hold. */
    static double fixedDroppedExpected(ParameterSet p) {
        Load load = new Load(p);
        double capacity = startingPods(p) * p.get("pod_capacity") / p.get("target_utilisation");
        double base = load.base;
        double peak = load.peak;
        if (capacity >= peak) {
            return 0;
        }
        double ramp;
        if (peak == base) {
            ramp = (peak - capacity) * load.ramp;
        } else if (capacity <= base) {
            ramp = ((base + peak) / 2 - capacity) * load.ramp;
        } else {
            double slope = (peak - base) / load.ramp;
            ramp = (peak - capacity) * (peak - capacity) / (2 * slope);
        }
        double after = base > capacity ? (base - capacity) * load.after : 0;
        return ramp + (peak - capacity) * load.hold + after;
    }

    /** The offered load over time: a linear ramp, a hold at the peak, then the usual rate again. */
    static final class Load {
        final double base;
        final double peak;
        final double ramp;
        final double hold;
        final double after;
        final int seconds;

        Load(ParameterSet p) {
            base = p.get("baseline_rate");
            peak = base * p.get("growth");
            ramp = p.get("ramp");
            hold = Math.max(ramp / 2, 600);
            after = hold;
            seconds = (int) Math.ceil(ramp + hold + after);
        }

        double rate(double t) {
            if (t < ramp) {
                return base + (peak - base) * t / ramp;
            }
            return t < ramp + hold ? peak : base;
        }
    }

    /** One variant's replicas over one replication, advanced second by second. */
    static final class Cluster {
        private final long[] arrivals;
        private final String variant;
        private final Cancellation cancellation;
        private final double podMax;
        private final double target;
        private final int sync;
        private final int scaleUpPods;
        private final double scaleUpPercent;
        private final int stabilisation;
        private final int startTime;
        private final int minReplicas;
        final int[] pods;
        final double[] droppedPerSecond;
        final double[] slowPerSecond;
        private final double[] demand;
        private final double start;
        // HPA state: ready pods, pods becoming ready at each second, pods added at each second, recommendations.
        private int ready;
        private final int[] readyAt;
        private final int[] addedAt;
        private final int[] recommendation;
        // VPA state: each pod's size and the second it is ready again.
        private final double[] size;
        private final int[] podReadyAt;
        double requests;
        double dropped;
        double slow;
        double podSeconds;
        int peakPods;
        int restarts;

        Cluster(ParameterSet p, Load load, long[] arrivals, String variant, Cancellation cancellation) {
            this.arrivals = arrivals;
            this.variant = variant;
            this.cancellation = cancellation;
            target = p.get("target_utilisation");
            podMax = p.get("pod_capacity") / target;
            sync = (int) Math.max(1, Math.round(p.get("sync_period")));
            scaleUpPods = p.count("scale_up_pods");
            scaleUpPercent = p.get("scale_up_percent");
            stabilisation = (int) Math.round(p.get("scale_down_stabilisation"));
            startTime = (int) Math.max(1, Math.round(p.get("pod_start_time")));
            minReplicas = startingPods(p);
            int n = arrivals.length;
            start = 0;
            pods = new int[n];
            droppedPerSecond = new double[n];
            slowPerSecond = new double[n];
            demand = new double[n];
            readyAt = new int[n + startTime + 1];
            addedAt = new int[n];
            recommendation = new int[n];
            ready = minReplicas;
            size = new double[minReplicas];
            podReadyAt = new int[minReplicas];
            java.util.Arrays.fill(size, 1.0);
        }

        void run() {
            for (int t = 0; t < arrivals.length; t++) {
                if ((t & 4095) == 0) {
                    cancellation.check();
                }
                if (variant.equals("hpa")) {
                    ready += readyAt[t];
                    pendingCount -= readyAt[t];
                    readyAt[t] = 0;
                    if (t > 0 && t % sync == 0) {
                        autoscaleHorizontally(t);
                    }
                } else if (variant.equals("vpa") && t > 0 && t % VPA_INTERVAL == 0) {
                    resizeVertically(t);
                }
                serve(t);
            }
        }

        private void serve(int t) {
            double capacity;
            double readyPods;
            int running;
            double sizeSum;
            if (variant.equals("vpa")) {
                capacity = 0;
                readyPods = 0;
                sizeSum = 0;
                for (int i = 0; i < size.length; i++) {
                    sizeSum += size[i];
                    if (podReadyAt[i] <= t) {
                        capacity += size[i] * podMax;
                        readyPods++;
                    }
                }
                running = size.length;
            } else {
                readyPods = ready;
                capacity = ready * podMax;
                running = ready + starting();
                sizeSum = running;
            }
            double offered = arrivals[t];
            double served = Math.min(offered, capacity);
            double lost = offered - served;
            requests += offered;
            dropped += lost;
            droppedPerSecond[t] = lost;
            if (capacity > 0 && served / capacity > SLOW_UTILISATION) {
                slow += served;
                slowPerSecond[t] = served;
            }
            // The autoscalers see demand per ready pod in pods of the starting size at 100%, not capped by capacity.
            demand[t] = readyPods > 0 ? offered / podMax / (variant.equals("vpa") ? size.length : readyPods) : 0;
            pods[t] = running;
            peakPods = Math.max(peakPods, running);
            podSeconds += sizeSum;
        }

        private int pendingCount;

        private int starting() {
            return pendingCount;
        }

        private void autoscaleHorizontally(int t) {
            int unready = pendingCount;
            int current = ready + unready;
            double utilisation = meanDemand(t, sync);
            double ratio = utilisation / target;
            int desired = current;
            if (Math.abs(ratio - 1) > HPA_TOLERANCE && ready > 0) {
                if (ratio > 1 && unready > 0) {
                    // Pods not yet ready count as idle on the way up, so a scale-up in flight is not repeated.
                    double adjusted = utilisation * ready / (target * current);
                    if (adjusted > 1 + HPA_TOLERANCE) {
                        desired = (int) Math.ceil(adjusted * current - 1e-9);
                    }
                } else {
                    desired = (int) Math.ceil(ratio * current - 1e-9);
                }
            }
            desired = Math.max(minReplicas, Math.min(MAX_REPLICAS, desired));
            recommendation[t] = desired;
            if (desired < current) {
                // Scale down only to the highest recommendation of the stabilisation window.
                for (int s = Math.max(1, t - stabilisation); s < t; s++) {
                    if (recommendation[s] > 0) {
                        desired = Math.max(desired, recommendation[s]);
                    }
                }
                if (desired < current) {
                    remove(current - desired, t);
                }
            } else if (desired > current) {
                int added = 0;
                for (int s = Math.max(0, t - POLICY_PERIOD + 1); s <= t; s++) {
                    added += addedAt[s];
                }
                int periodStart = current - added;
                int limit = Math.max(periodStart + scaleUpPods, (int) Math.ceil(periodStart * (1 + scaleUpPercent) - 1e-9));
                desired = Math.min(desired, Math.max(current, limit));
                int more = desired - current;
                addedAt[t] += more;
                readyAt[t + startTime] += more;
                pendingCount += more;
            }
        }

        private void remove(int count, int t) {
            int left = count;
            // Pods still starting go first; the latest started first.
            for (int s = readyAt.length - 1; s > t && left > 0; s--) {
                int take = Math.min(left, readyAt[s]);
                readyAt[s] -= take;
                pendingCount -= take;
                left -= take;
            }
            ready -= left;
        }

        private void resizeVertically(int t) {
            double recommended = (1 + VPA_MARGIN) * meanDemand(t, VPA_INTERVAL);
            recommended = Math.max(recommended, 0.01);
            if (size.length < 2) {
                // The updater leaves a workload with fewer than two replicas alone.
                return;
            }
            int budget = Math.max(1, (int) Math.floor(size.length * VPA_EVICTION_TOLERANCE));
            for (int i = 0; i < size.length && budget > 0; i++) {
                if (podReadyAt[i] > t) {
                    budget--;
                }
            }
            for (int i = 0; i < size.length && budget > 0; i++) {
                if (podReadyAt[i] <= t && Math.abs(size[i] - recommended) >= VPA_UPDATE_THRESHOLD * recommended) {
                    size[i] = recommended;
                    podReadyAt[i] = t + startTime;
                    restarts++;
                    budget--;
                }
            }
        }

        private double meanDemand(int t, int window) {
            double sum = 0;
            int n = 0;
            for (int s = Math.max(0, t - window); s < t; s++) {
                sum += demand[s];
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }

        Series chart(String name, String label, Unit unit, double[] values, BucketedSeries.Aggregate aggregate) {
            BucketedSeries b = new BucketedSeries(start, values.length / 100.0, 100, aggregate);
            for (int t = 0; t < values.length; t++) {
                b.add(t, values[t]);
            }
            return new Series(name, label, unit, b.start(), b.width(), b.values());
        }

        Series chart(String name, String label, Unit unit, int[] values, BucketedSeries.Aggregate aggregate) {
            double[] d = new double[values.length];
            for (int t = 0; t < values.length; t++) {
                d[t] = values[t];
            }
            return chart(name, label, unit, d, aggregate);
        }
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        for (Variant v : VARIANTS) {
            Metric dropped = metrics.get(metricName(MEASURES.get(0), v));
            Metric share = metrics.get(metricName(MEASURES.get(1), v));
            Metric cost = metrics.get(metricName(MEASURES.get(6), v));
            Metric peak = metrics.get(metricName(MEASURES.get(3), v));
            if (dropped == null || share == null || cost == null || peak == null) {
                continue;
            }
            boolean met = share.value() < DROPPED_TARGET;
            out.add(new Verdict(met ? Verdict.Status.MET : Verdict.Status.MISSED, "under " + Unit.RATIO.format(DROPPED_TARGET) + " of requests dropped",
                    Character.toUpperCase(v.label().charAt(0)) + v.label().substring(1) + ": " + dropped.text() + " requests dropped ("
                            + share.text() + "), up to " + peak.text() + " replicas, " + cost.text() + " for the pods"));
        }
        return out;
    }
}
