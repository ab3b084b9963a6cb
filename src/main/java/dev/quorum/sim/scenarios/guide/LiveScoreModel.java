package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.model.SharedData;
import dev.quorum.model.SyncStrategy;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.LogNormal;
import dev.quorum.sim.engine.Percentiles;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Tally;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
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
 * The live score: clients polling every N seconds against a server pushing each match event over an open
 * connection, for the same clients and the same seeded match events.
 */
public final class LiveScoreModel extends ScenarioModel {

    /** One match of two 45-minute halves: the window every replication observes. */
    static final double MATCH = 90 * 60;
    /** Clients whose delays are recorded per event; a uniform sample of clients has the same delay distribution. */
    static final int SAMPLED_CLIENTS = 1_000;
    /** Spread of the push delivery time around its mean (coefficient of variation). */
    static final double PUSH_CV = 0.5;

    private static final Variant POLLING = new Variant("polling", "polling");
    private static final Variant PUSH = new Variant("push", "server push (SSE or WebSocket)");

    private static final Measure DELAY_MEAN = Measure.claim("delay_mean", "delivery delay, mean", Unit.SECONDS, Better.LOWER);
    private static final Measure DELAY_P95 = Measure.claim("delay_p95", "delivery delay, 95th percentile", Unit.SECONDS, Better.LOWER);
    private static final Measure DELAY_P99 = Measure.claim("delay_p99", "delivery delay, 99th percentile", Unit.SECONDS, Better.LOWER);
    private static final Measure LOAD = Measure.claim("load", "requests and pushes handled by the backend", Unit.PER_SECOND, Better.LOWER);
    private static final Measure EMPTY = Measure.shown("empty_share", "responses carrying no news", Unit.RATIO, Better.LOWER);
    private static final Measure CONNECTIONS = Measure.shown("connections", "connections open at once (time average)", Unit.COUNT, Better.LOWER);

    private static final Pattern PUSH_WORDS = Pattern.compile(
            "(?i)\\bpush(?:es|ed|ing)?\\b|server[- ]sent events|\\bSSE\\b|websockets?|long[- ]lived connection");
    private static final Pattern POLL_WORDS = Pattern.compile("(?i)\\bpoll(?:s|ed|ing)?\\b");
    private static final Pattern LIVE_WORDS = Pattern.compile(
            "(?i)\\blive\\b|real[- ]?time|\\bscores?\\b|notifications?|delivery status|order status|\\bprices?\\b|\\bpoll(?:s|ed|ing)?\\b");

    /** The model of the card "live-score". */
    public LiveScoreModel() {
        super("live-score");
    }

    @Override
    public List<Variant> variants() {
        return List.of(POLLING, PUSH);
    }

    @Override
    public List<Measure> measures() {
        return List.of(DELAY_MEAN, DELAY_P95, DELAY_P99, LOAD, EMPTY, CONNECTIONS);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("events", "match events in the 90 minutes", Unit.COUNT),
                new MetricSpec("polling_delay_closed_form", "polling delay, closed form: interval / 2 + push delivery time", Unit.SECONDS),
                new MetricSpec("polling_load_closed_form", "polling load, closed form: clients / interval", Unit.PER_SECOND),
                new MetricSpec("push_load_closed_form", "push load, closed form: event rate x clients", Unit.PER_SECOND));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancel) {
        Cancellation cancellation = cancel == null ? Cancellation.NONE : cancel;
        RandomStreams streams = new RandomStreams(seed);
        int clients = p.count("clients");
        double interval = p.get("poll_interval");
        double eventRate = p.get("event_rate");
        double latency = p.get("push_latency");
        Distribution trip = LogNormal.ofMeanAndCv(latency, PUSH_CV);

        // The same match events for both variants.
        List<Double> events = new ArrayList<>();
        SplittableRandom eventDraws = streams.stream("match-events");
        Exponential gap = Exponential.ofRate(eventRate);
        for (double t = gap.sample(eventDraws); t < MATCH; t += gap.sample(eventDraws)) {
            events.add(t);
        }

        // Each client polls on its own fixed phase, so a poll falls uniformly within the interval of any event.
        SplittableRandom phaseDraws = streams.stream("poll-phases");
        int sampled = Math.min(clients, SAMPLED_CLIENTS);
        double[] phase = new double[sampled];
        long polls = 0;
        for (int c = 0; c < clients; c++) {
            double ph = interval * phaseDraws.nextDouble();
            if (c < sampled) {
                phase[c] = ph;
            }
            polls += (long) StrictMath.ceil((MATCH - ph) / interval);
        }

        SplittableRandom trips = streams.stream("network-trips");
        Percentiles pollDelay = new Percentiles();
        Percentiles pushDelay = new Percentiles();
        Tally pollMean = new Tally();
        Tally pushMean = new Tally();
        int eventIndex = 0;
        for (double t : events) {
            if ((++eventIndex & 0xF) == 0) {
                cancellation.check();
            }
            for (int c = 0; c < sampled; c++) {
                double sinceLastPoll = ((t - phase[c]) % interval + interval) % interval;
                // The same network trip for both variants (common random numbers): only the wait for a poll differs.
                double network = trip.sample(trips);
                double poll = interval - sinceLastPoll + network;
                double push = network;
                pollDelay.record(poll);
                pollMean.add(poll);
                pushDelay.record(push);
                pushMean.add(push);
            }
        }

        // Polls that see news: those whose interval since the client's previous poll contains an event.
        long newsPolls = 0;
        for (int c = 0; c < sampled; c++) {
            long last = Long.MIN_VALUE;
            for (double t : events) {
                long pollIndex = (long) StrictMath.floor((t - phase[c]) / interval);
                if (pollIndex != last) {
                    newsPolls++;
                    last = pollIndex;
                }
            }
        }
        double sampledPolls = 0;
        for (int c = 0; c < sampled; c++) {
            sampledPolls += StrictMath.ceil((MATCH - phase[c]) / interval);
        }

        Map<String, Double> v = new LinkedHashMap<>();
        v.put(metricName(DELAY_MEAN, POLLING), pollMean.mean());
        v.put(metricName(DELAY_MEAN, PUSH), pushMean.mean());
        v.put(metricName(DELAY_P95, POLLING), pollDelay.percentile(95));
        v.put(metricName(DELAY_P95, PUSH), pushDelay.percentile(95));
        v.put(metricName(DELAY_P99, POLLING), pollDelay.percentile(99));
        v.put(metricName(DELAY_P99, PUSH), pushDelay.percentile(99));
        v.put(metricName(LOAD, POLLING), polls / MATCH);
        v.put(metricName(LOAD, PUSH), (double) events.size() * clients / MATCH);
        v.put(metricName(EMPTY, POLLING), sampledPolls > 0 ? 1 - newsPolls / sampledPolls : Double.NaN);
        v.put(metricName(EMPTY, PUSH), 0.0);
        // A poll holds a connection for one round trip (Little's law); a push client holds one all match long.
        v.put(metricName(CONNECTIONS, POLLING), polls / MATCH * latency);
        v.put(metricName(CONNECTIONS, PUSH), (double) clients);
        v.put("events", (double) events.size());
        v.put("polling_delay_closed_form", interval / 2 + latency);
        v.put("polling_load_closed_form", clients / interval);
        v.put("push_load_closed_form", eventRate * clients);
        return new ReplicationOutcome(v, List.of());
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        double interval = p.get("poll_interval");
        out.add(new Verdict(Verdict.Status.INFO, "polling interval " + Unit.SECONDS.format(interval),
                "Polling every " + Unit.SECONDS.format(interval) + " makes each event wait for the next poll, uniformly up to "
                        + Unit.SECONDS.format(interval) + "; halving the interval halves that wait and doubles the "
                        + Unit.PER_SECOND.format(p.get("clients") / interval) + " of polls, nearly all of them empty"));
        return out;
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Every replication observes one 90-minute match; match events arrive as a Poisson process at the event rate.",
                "Each polling client polls at a fixed interval from its own uniformly random phase, so an event waits for the next poll uniformly between 0 and the interval.",
                "A poll's answer and a push take the same network trip, drawn once per client and event for both variants: lognormal with the push delivery time as mean and a coefficient of variation of 0.5; fan-out time is folded into it.",
                "Delays are recorded for a uniform sample of at most 1,000 clients per event, which has the same distribution as all clients; the poll count covers every client exactly.",
                "The backend load counts one request per poll and one push per event per client; heartbeats on open connections, reconnects and the fallback polling while disconnected are left out.",
                "Connections open at once: a poll holds one for one network trip (Little's law), a push client holds one for the whole match.",
                "Clients never miss an event: a push client that reconnects resumes from its last event id, as the card's mechanism describes.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "WHATWG HTML Living Standard, section 9.2 Server-sent events (EventSource, Last-Event-ID, reconnection).",
                "RFC 6455, The WebSocket Protocol (IETF, 2011).",
                "J. D. C. Little, \"A proof for the queuing formula L = λW\", Operations Research 9 (1961).");
    }

    @Override
    public String validation() {
        return "With polling phases uniform over the interval N, an event waits for the next poll uniformly on [0, N), so the "
                + "mean delivery delay is N/2 plus the mean network trip and the 95th percentile about 0.95 N plus a trip; the "
                + "poll load is clients / N; push delivers in one trip and its load is the event rate x clients. For 10,000 "
                + "clients, N = 5 s, 20 events per hour and a 100 ms trip: expected 2.600 s mean polling delay, about 4.85 s at "
                + "the 95th percentile, 2,000 polls/s and 55.6 pushes/s. 40 replications give 2.600 s (95% CI 2.597 to 2.603 s), "
                + "4.853 s (95% CI 4.851 to 4.855 s), 2,000.0 polls/s and 57.2 pushes/s (95% CI 53.9 to 60.4, the spread of the "
                + "Poisson event count); push delivers in 0.100 s on average. The share of empty polls matches exp(-event rate x N) "
                + "= 97.3% (97.2% simulated). LiveScoreModelTest.pollingDelayAndLoadMatchTheClosedForms and "
                + "almostEveryPollIsEmptyInAQuietMatch.";
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        List<SyncStrategy> strategies = design.sharing().strategies();
        for (int i = 0; i < strategies.size(); i++) {
            SyncStrategy s = strategies.get(i);
            OptionalDouble f = s.frequency().seconds();
            if (POLL_WORDS.matcher(s.name() + " " + s.description()).find() && f.isPresent() && f.getAsDouble() > 0
                    && Double.isFinite(f.getAsDouble())) {
                out.put("poll_interval", DesignValue.of(f.getAsDouble(), "sharing.strategies[" + i + "].frequency",
                        s.name() + ": '" + s.frequency().text().strip() + "'"));
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
            OptionalDouble f = s.frequency().seconds();
            boolean onChange = f.isPresent() && f.getAsDouble() == 0;
            Matcher push = PUSH_WORDS.matcher(text);
            if (push.find() && (onChange || !POLL_WORDS.matcher(text).find())) {
                return Optional.of(DesignValue.choice(PUSH.id(), "sharing.strategies[" + i + "]",
                        s.name() + ": '" + push.group() + "', frequency '" + s.frequency().text().strip() + "'"));
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        if (LIVE_WORDS.matcher(text(design)).find()) {
            return Optional.empty();
        }
        return Optional.of("The design shows no data it calls live or real-time and fetches nothing by polling, so there is "
                + "no delivery delay to compare.");
    }

    /** The prose that can say data is live or polled: summary, data, queries and sharing. */
    private static String text(Design d) {
        StringBuilder b = new StringBuilder(d.summary()).append('\n');
        d.persistence().dataElements().forEach(e -> b.append(e.name()).append(' ').append(e.description()).append('\n'));
        for (Query q : d.queries()) {
            b.append(q.name()).append(' ').append(q.purpose()).append(' ').append(q.reason()).append('\n');
        }
        for (SharedData s : d.sharing().sharedData()) {
            b.append(s.data()).append(' ').append(s.whyShared()).append(' ').append(s.synchronization()).append('\n');
        }
        for (SyncStrategy s : d.sharing().strategies()) {
            b.append(s.name()).append(' ').append(s.description()).append(' ').append(s.frequency().text()).append('\n');
        }
        return b.toString();
    }
}
