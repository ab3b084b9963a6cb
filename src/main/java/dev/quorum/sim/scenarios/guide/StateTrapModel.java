package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.model.NodeRole;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.model.TopologyNode;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The state trap: sessions kept in each application server's memory behind a round-robin load balancer. A
 * follow-up request works only on the server that holds the session. Compared on the same visits: in-memory
 * sessions with round robin, in-memory sessions with sticky routing (which fail only when a server restarts), and
 * a central session store that every server reads, at the cost of one round trip per request.
 */
public final class StateTrapModel extends ScenarioModel {

    /** The most visits one replication simulates request by request; the window shrinks at high rates to keep it. */
    private static final int VISIT_BUDGET = 2_000;
    private static final double MAX_WINDOW = 300;
    private static final Pattern PER_USER_STATE = Pattern.compile(
            "(?i)\\bsessions?\\b|\\bcarts?\\b|sign[- ]?in|log[- ]?in|logged in|multi-step|wizard|user state");
    private static final Pattern SESSION = Pattern.compile("(?i)session");
    private static final Pattern IN_PROCESS = Pattern.compile(
            "(?i)in-process|in process memory|local memory|memory of (?:each|every)|in-memory (?:on|of|in) (?:each|every)|each (?:api |app |application )?server'?s? memory");
    private static final Pattern STICKY = Pattern.compile("(?i)sticky sessions?|session affinity|sticky routing");

    private static final Variant LOCAL = new Variant("local", "sessions in server memory, round robin");
    private static final Variant STICKY_VARIANT = new Variant("sticky", "sessions in server memory, sticky routing");
    private static final Variant STORE = new Variant("store", "central session store");

    private static final Measure FAILED = Measure.claim("failed_share", "requests that reach a server without the session",
            Unit.RATIO, Better.LOWER);
    private static final Measure SIGNED_OUT = Measure.claim("signed_out_visits", "visits sent back to the sign-in page at least once",
            Unit.RATIO, Better.LOWER);
    private static final Measure FORCED = Measure.claim("forced_signins", "forced sign-ins", Unit.PER_SECOND, Better.LOWER);
    private static final Measure ADDED = Measure.shown("added_latency", "latency the session lookup adds to each request",
            Unit.SECONDS, Better.LOWER);

    /** A new model for the card state-trap. */
    public StateTrapModel() {
        super("state-trap");
    }

    @Override
    public List<Variant> variants() {
        return List.of(LOCAL, STICKY_VARIANT, STORE);
    }

    @Override
    public List<Measure> measures() {
        return List.of(FAILED, SIGNED_OUT, FORCED, ADDED);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("failed_share_closed_form", "requests without the session, round robin: 1 - 1/servers (closed form)", Unit.RATIO),
                new MetricSpec("restart_failed_share_closed_form", "requests without the session, sticky: think time / restart interval (closed form)", Unit.RATIO),
                new MetricSpec("simulated_window", "time simulated request by request", Unit.SECONDS));
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Visits arrive as a Poisson process at the request rate divided by the requests per session; each visit signs in, then makes its follow-up requests separated by exponential think times, the same visits for every variant.",
                "Round robin is one global counter over the servers; with many visits interleaved, the server a user's next request reaches is as good as random, which is why the closed form 1 - 1/servers holds.",
                "A request that reaches a server without the session fails and sends the user to sign in again; that sign-in is a request of its own, routed like any other, and creates the session where it lands; the visit then goes on with its remaining requests.",
                "Sticky routing always sends a user to the server holding the session, so it fails only when that server restarts; the model leaves out the uneven load stickiness causes.",
                "Every server restarts once per restart interval (a deploy), losing the sessions in its memory; the visits in progress at that moment are Poisson with mean request rate x think time (Little's law for visits in progress), drawn per restart, and each loses its session once.",
                "A window of visits (up to 5 minutes, less at high rates) is simulated request by request; restart losses are added for one restart interval in closed form with Poisson draws, and rates are per second over the restart interval.",
                "The central store never loses a session (it is replicated) and adds one fixed round trip to every request; its own failures and capacity are left out.",
                "A session that sits idle longer than the session timeout expires in every variant alike; it is not counted as a failure of the design.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "Redis documentation, Diagnosing latency issues: network round trip of about 200 µs on 1 Gbit/s (redis.io/docs/latest/operate/oss_and_stack/management/optimization/latency/)",
                "Spring Session reference documentation: HttpSession backed by a shared store such as Redis (docs.spring.io/spring-session/reference/)",
                "Apache Tomcat 10 configuration: conf/web.xml session-timeout 30 minutes (tomcat.apache.org)",
                "J. D. C. Little, A proof for the queuing formula L = lambda W, Operations Research 9(3), 1961");
    }

    @Override
    public String validation() {
        return "Closed forms: with round robin over N servers and sessions in memory, a follow-up request fails with "
                + "probability 1 - 1/N; with 2 servers 0.5 expected, 0.4996 simulated (95% CI 0.496 to 0.503, 10 "
                + "replications of 5 minutes, seed 1), and with 4 servers 0.75 expected (StateTrapModelTest.roundRobinFailsOneMinusOneOverServers). A visit of R "
                + "follow-ups is sent back at least once with probability 1 - (1/N)^R. With sticky routing only restarts fail: "
                + "the visits in progress at a restart are rate x think time by Little's law, so the failed share is think "
                + "time / restart interval = 15 s / 1 day = 1.74e-4 (simulated 1.72e-4, 95% CI 1.70e-4 to 1.74e-4), and the share of visits interrupted is R x think time / "
                + "restart interval = 0.35% (StateTrapModelTest.stickySessionsFailOnlyAtRestarts). The store adds exactly its "
                + "round trip to every request and fails none (StateTrapModelTest.theStoreAddsItsRoundTripToEveryRequest).";
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return DesignProse.first(design, PER_USER_STATE).isPresent() ? Optional.empty()
                : Optional.of("The design keeps no per-user state between requests (no sessions, carts, sign-in or multi-step forms).");
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design d) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        List<String> ids = new ArrayList<>();
        for (TopologyNode n : d.replication().topology().nodes()) {
            if (n.role() == NodeRole.APPLICATION) {
                ids.add(n.id());
            }
        }
        if (!ids.isEmpty()) {
            out.put("servers", DesignValue.of(ids.size(), "replication.topology.nodes", "application: " + String.join(", ", ids)));
        }
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design d) {
        List<StorageChoice> choices = d.persistence().storageChoices();
        for (int i = 0; i < choices.size(); i++) {
            StorageChoice c = choices.get(i);
            if (!SESSION.matcher(c.data()).find() || c.type() == null || c.type() == StorageType.FILE_STORAGE) {
                continue;
            }
            String where = "persistence.storage_choices[" + i + "]";
            var local = IN_PROCESS.matcher(c.system() + " " + c.accessPatterns());
            if (local.find()) {
                Optional<DesignProse.Mention> sticky = DesignProse.first(d, STICKY);
                return Optional.of(sticky.isPresent()
                        ? DesignValue.choice(STICKY_VARIANT.id(), sticky.get().field(), sticky.get().text())
                        : DesignValue.choice(LOCAL.id(), where + ".system", "'" + c.system() + "'"));
            }
            return Optional.of(DesignValue.choice(STORE.id(), where,
                    "'" + c.data() + "' in " + (c.system().isBlank() ? c.type().label() : "'" + c.system() + "'")));
        }
        return DesignProse.first(d, STICKY).map(m -> DesignValue.choice(STICKY_VARIANT.id(), m.field(), m.text()));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        int servers = p.count("servers");
        double rate = p.get("request_rate");
        int perVisit = p.count("requests_per_session");
        double think = p.get("think_time");
        double restartEvery = p.get("restart_interval");
        double visitRate = rate / perVisit;
        double window = Math.min(MAX_WINDOW, VISIT_BUDGET / visitRate);

        Visits visits = new Visits(p, seed, window, cancellation);
        visits.run();

        // Restarts: one per restart interval, every server; in-progress visits are Poisson with mean rate x think time.
        SplittableRandom restartDraws = new RandomStreams(seed).stream("restarts");
        double inProgressMean = rate * think;
        long interrupted = PoissonCounts.sample(restartDraws, inProgressMean);
        // With round robin, an interrupted visit whose next request would have reached the right server fails only
        // because of the restart: one in N of them.
        long interruptedLocal = PoissonCounts.sample(restartDraws, inProgressMean / servers);
        double requestsPerInterval = rate * restartEvery;
        double visitsPerInterval = visitRate * restartEvery;

        double localShare = visits.followUps == 0 ? 0 : (double) visits.failedLocal / visits.followUps;
        double localSignedOut = visits.finishedVisits == 0 ? 0 : (double) visits.signedOutLocal / visits.finishedVisits;
        double localShareWithRestarts = Math.min(1, localShare + interruptedLocal / requestsPerInterval);
        double stickyShare = Math.min(1, interrupted / requestsPerInterval);

        Map<String, Double> out = new LinkedHashMap<>();
        out.put(metricName(FAILED, LOCAL), localShareWithRestarts);
        out.put(metricName(FAILED, STICKY_VARIANT), stickyShare);
        out.put(metricName(FAILED, STORE), 0.0);
        out.put(metricName(SIGNED_OUT, LOCAL), Math.min(1, localSignedOut + (1 - localSignedOut) * interruptedLocal / visitsPerInterval));
        out.put(metricName(SIGNED_OUT, STICKY_VARIANT), Math.min(1, interrupted / visitsPerInterval));
        out.put(metricName(SIGNED_OUT, STORE), 0.0);
        out.put(metricName(FORCED, LOCAL), localShareWithRestarts * rate);
        out.put(metricName(FORCED, STICKY_VARIANT), interrupted / restartEvery);
        out.put(metricName(FORCED, STORE), 0.0);
        out.put(metricName(ADDED, LOCAL), 0.0);
        out.put(metricName(ADDED, STICKY_VARIANT), 0.0);
        out.put(metricName(ADDED, STORE), visits.storeLatency / Math.max(1, visits.storeLookups));
        out.put("failed_share_closed_form", 1 - 1.0 / servers);
        out.put("restart_failed_share_closed_form", Math.min(1, think / restartEvery));
        out.put("simulated_window", window);
        return new ReplicationOutcome(out, List.of());
    }

    /**
     * The window of visits, request by request, for every variant at once: round robin is one counter over the
     * servers; sticky routing and the central store never send a user to a server without the session, so only the
     * in-memory round-robin variant needs the request-by-request walk.
     */
    private static final class Visits {
        private final Simulation sim;
        private final SplittableRandom visitDraws;
        private final SplittableRandom thinkDraws;
        private final Exponential visitGap;
        private final Exponential thinkGap;
        private final int servers;
        private final int perVisit;
        private final double window;
        private final double timeout;
        private final double roundTrip;
        private long roundRobinLocal;

        long followUps;
        long failedLocal;
        long signedOutLocal;
        long finishedVisits;
        long storeLookups;
        double storeLatency;

        Visits(ParameterSet p, long seed, double window, Cancellation cancellation) {
            RandomStreams streams = new RandomStreams(seed);
            sim = new Simulation(cancellation);
            visitDraws = streams.stream("visits");
            thinkDraws = streams.stream("think-times");
            visitGap = Exponential.ofRate(p.get("request_rate") / p.count("requests_per_session"));
            thinkGap = new Exponential(p.get("think_time"));
            servers = p.count("servers");
            perVisit = p.count("requests_per_session");
            this.window = window;
            timeout = p.get("session_timeout");
            roundTrip = p.get("store_round_trip");
        }

        void run() {
            sim.scheduleAt(visitGap.sample(visitDraws), this::visit);
            sim.run();
        }

        private void visit() {
            double next = sim.now() + visitGap.sample(visitDraws);
            if (next < window) {
                sim.scheduleAt(next, this::visit);
            }
            Visit v = new Visit();
            v.lastRequest = sim.now();
            // The sign-in itself is a request: it goes to the next server in each round robin and creates the session there.
            v.localServer = (int) (roundRobinLocal++ % servers);
            sim.schedule(thinkGap.sample(thinkDraws), () -> followUp(v));
        }

        private void followUp(Visit v) {
            double idle = sim.now() - v.lastRequest;
            v.lastRequest = sim.now();
            v.done++;
            followUps++;
            if (idle > timeout) {
                // Expired in every variant alike: the user signs in again wherever the request lands.
                v.localServer = (int) (roundRobinLocal % servers);
            }
            int landsOn = (int) (roundRobinLocal++ % servers);
            storeLookups++;
            storeLatency += roundTrip;
            boolean failedHere = landsOn != v.localServer;
            if (failedHere) {
                failedLocal++;
                v.signedOut = true;
            }
            if (v.done < perVisit) {
                if (failedHere) {
                    // The user signs in again after a pause; the session is created where that sign-in lands.
                    sim.schedule(thinkGap.sample(thinkDraws), () -> {
                        v.localServer = (int) (roundRobinLocal++ % servers);
                        v.lastRequest = sim.now();
                        sim.schedule(thinkGap.sample(thinkDraws), () -> followUp(v));
                    });
                } else {
                    sim.schedule(thinkGap.sample(thinkDraws), () -> followUp(v));
                }
            } else {
                finishedVisits++;
                if (v.signedOut) {
                    signedOutLocal++;
                }
            }
        }

        /** One user's visit: where the in-memory session is, and how far the visit has got. */
        private static final class Visit {
            int localServer;
            int done;
            double lastRequest;
            boolean signedOut;
        }
    }
}
