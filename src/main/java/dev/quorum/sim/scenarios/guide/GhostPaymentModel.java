package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.DesignFacts;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ghost payment: shoppers who click Buy again while a slow checkout is still running, against no duplicate
 * protection, an application check-then-insert, and a unique idempotency key, on the same seeded clicks.
 */
public final class GhostPaymentModel extends ScenarioModel {

    /** Purchases simulated per replication; purchases do not interact, so the count sets only the precision. */
    static final int PURCHASES = 100_000;
    /** Double charges are reported per this many purchases. */
    static final double PER = 10_000;

    private static final Variant NONE = new Variant("none", "no protection");
    private static final Variant CHECK = new Variant("check_then_insert", "application check-then-insert");
    private static final Variant UNIQUE = new Variant("unique_key", "unique idempotency key");

    private static final Measure DOUBLE = Measure.claim("double_charges", "double charges per 10,000 purchases", Unit.COUNT, Better.LOWER);
    private static final Measure RATE = Measure.claim("double_charge_rate", "double charges at the purchase rate", Unit.PER_SECOND, Better.LOWER);
    private static final Measure PROVIDER = Measure.shown("provider_calls", "charges sent to the payment provider per 10,000 purchases", Unit.COUNT, Better.LOWER);

    /** An idempotency or request key column declared UNIQUE on its own line, or named in a UNIQUE constraint or index. */
    private static final Pattern UNIQUE_KEY = Pattern.compile(
            "(?im)^[ \\t]*(\\w*(?:idempotency|idempotent|request_id|dedup)\\w*)\\b[^\\n,]*\\bUNIQUE\\b"
                    + "|UNIQUE\\s*(?:INDEX|KEY)?\\s*\\w*\\s*(?:ON\\s+\\w+\\s*)?\\(\\s*(\\w*(?:idempotency|idempotent|request_id|dedup)\\w*)\\s*\\)");
    /** Words for records that move money or stock; "order" alone is too common ("in sequence order") to count. */
    private static final Pattern MONEY = Pattern.compile(
            "(?i)payments?|charges?\\b|(?<![-\\w])orders\\b|\\border_(?:id|items?|lines?)\\b|place[sd]? (?:an |the )?orders?\\b"
                    + "|checkout|purchases?|bookings?|invoices?|refunds?|\\bstock\\b|wallet|account balance");
    private static final Pattern PAYMENT_QUERY = Pattern.compile("(?i)payment|charge");
    private static final Pattern ORDER_QUERY = Pattern.compile("(?i)(?<![-\\w])order(?!\\s+by\\b)|checkout|purchase|booking");
    private static final Pattern INSERT = Pattern.compile("(?im)^\\s*INSERT\\b");
    private static final Pattern INSERT_INTO = Pattern.compile("(?i)\\bINSERT\\s+INTO\\s+([\\w.\"]+)");

    /** The model of the card "ghost-payment". */
    public GhostPaymentModel() {
        super("ghost-payment");
    }

    @Override
    public List<Variant> variants() {
        return List.of(NONE, CHECK, UNIQUE);
    }

    @Override
    public List<Measure> measures() {
        return List.of(DOUBLE, RATE, PROVIDER);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("second_clicks", "second requests per 10,000 purchases", Unit.COUNT),
                new MetricSpec("none_closed_form", "double charges per 10,000 without protection, closed form", Unit.COUNT),
                new MetricSpec("check_closed_form", "double charges per 10,000 with check-then-insert, closed form", Unit.COUNT));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancel) {
        Cancellation cancellation = cancel == null ? Cancellation.NONE : cancel;
        RandomStreams streams = new RandomStreams(seed);
        SplittableRandom patienceDraws = streams.stream("patience");
        SplittableRandom clickDraws = streams.stream("click-again");
        double latency = p.get("backend_latency");
        double share = p.get("repeat_click_share");
        double window = p.get("race_window");
        double rate = p.get("purchase_rate");
        Exponential patience = new Exponential(p.get("patience"));

        long seconds = 0;
        long racing = 0;
        for (int i = 0; i < PURCHASES; i++) {
            if ((i & 0xFFF) == 0) {
                cancellation.check();
            }
            // Both draws for every purchase, so the streams stay aligned whatever the parameters.
            double waited = patience.sample(patienceDraws);
            boolean clicksAgain = clickDraws.nextDouble() < share;
            if (waited < latency && clicksAgain) {
                seconds++;
                // The second request's check runs before the first request's insert has committed.
                if (waited < window) {
                    racing++;
                }
            }
        }

        Map<String, Double> v = new LinkedHashMap<>();
        double scale = PER / PURCHASES;
        double perPurchaseRate = rate / PURCHASES;
        v.put(metricName(DOUBLE, NONE), seconds * scale);
        v.put(metricName(DOUBLE, CHECK), racing * scale);
        v.put(metricName(DOUBLE, UNIQUE), 0.0);
        v.put(metricName(RATE, NONE), seconds * perPurchaseRate);
        v.put(metricName(RATE, CHECK), racing * perPurchaseRate);
        v.put(metricName(RATE, UNIQUE), 0.0);
        v.put(metricName(PROVIDER, NONE), (PURCHASES + seconds) * scale);
        v.put(metricName(PROVIDER, CHECK), (PURCHASES + racing) * scale);
        v.put(metricName(PROVIDER, UNIQUE), PER);
        v.put("second_clicks", seconds * scale);
        double mean = p.get("patience");
        v.put("none_closed_form", PER * share * -StrictMath.expm1(-latency / mean));
        v.put("check_closed_form", PER * share * -StrictMath.expm1(-Math.min(window, latency) / mean));
        return new ReplicationOutcome(v, List.of());
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        for (Variant variant : variants()) {
            Metric m = metrics.get(metricName(RATE, variant));
            if (m == null) {
                continue;
            }
            double perHour = m.value() * 3600;
            // Only the fix is judged: the result does not know which variant the design uses, and --strict must not
            // fail a design that already has the key because the naive variants miss.
            Verdict.Status status = !variant.equals(fix()) ? Verdict.Status.INFO
                    : perHour > 0 ? Verdict.Status.MISSED : Verdict.Status.MET;
            out.add(new Verdict(status, "one charge per purchase", capitalise(variant.label()) + ": "
                    + Unit.number(perHour) + " double charges per hour at " + Unit.PER_SECOND.format(p.get("purchase_rate"))
                    + " purchases"));
        }
        return out;
    }

    private static String capitalise(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Every purchase in the slow moment takes exactly the slow checkout time; a shopper's patience is exponential with the stated mean.",
                "A shopper whose patience runs out before the answer comes clicks again with the stated probability, once; third clicks and automatic client or gateway retries are left out, so the figures are a floor.",
                "Without protection every second click is charged again; the check-then-insert lets a second click through only when it arrives within the race window of the first, before the first insert has committed.",
                "The unique idempotency key leaves no duplicate: the database rejects the second insert whatever the timing, and the repeat gets the stored result.",
                "Purchases do not interact, so each replication simulates 100,000 of them independently and scales to the purchase rate for the hourly figure.",
                "The model counts charges, not money: the cost of a double charge (refund, fees, a support ticket) is left out.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "Stripe API reference, Idempotent requests: the Idempotency-Key header, keys kept for at least 24 hours.",
                "PostgreSQL documentation, INSERT ... ON CONFLICT DO NOTHING, and unique constraints (section 5.4.3).",
                "IETF draft The Idempotency-Key HTTP Header Field (draft-ietf-httpapi-idempotency-key-header).",
                "J. Nielsen, Response Times: The 3 Important Limits (Nielsen Norman Group, 1993).");
    }

    @Override
    public String validation() {
        return "A purchase is charged twice without protection when the shopper's exponential patience (mean p) ends before the "
                + "checkout time L and they click again (share s): 10,000 x s x (1 - exp(-L/p)) per 10,000 purchases; the "
                + "check-then-insert leaves 10,000 x s x (1 - exp(-w/p)) for the race window w; the unique key 0. For s = 25%, "
                + "L = 4 s, p = 2 s, w = 5 ms: 2,161.7 and 6.24 expected; 40 replications of 100,000 purchases give "
                + "2,156.5 (95% CI 2,152.7 to 2,160.2) and 6.19 (95% CI 5.98 to 6.40), and 0 with the key. "
                + "GhostPaymentModelTest.doubleChargesMatchTheClosedForms.";
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        purchaseQuery(design).ifPresent(v -> out.put("purchase_rate", v));
        return out;
    }

    /** The frequency of the first write query that creates payments, else of the first that creates orders. */
    private static Optional<DesignValue> purchaseQuery(Design d) {
        for (Pattern kind : List.of(PAYMENT_QUERY, ORDER_QUERY)) {
            List<Query> queries = d.queries();
            for (int i = 0; i < queries.size(); i++) {
                Query q = queries.get(i);
                if (!DesignFacts.isWrite(q) || !INSERT.matcher(q.sql()).find()) {
                    continue;
                }
                // The name, the purpose or the table inserted into; other SQL (a status 'pending_payment') does not count.
                if (!kind.matcher(q.name() + " " + q.purpose() + " " + insertedTables(q.sql())).find()) {
                    continue;
                }
                OptionalDouble f = q.frequency().perSecond();
                if (f.isPresent() && f.getAsDouble() > 0) {
                    return Optional.of(DesignValue.of(f.getAsDouble(), "queries[" + i + "].frequency",
                            (q.name().isBlank() ? "unnamed" : q.name()) + ": '" + q.frequency().text().strip() + "'"));
                }
            }
        }
        return Optional.empty();
    }

    private static String insertedTables(String sql) {
        StringBuilder b = new StringBuilder();
        Matcher m = INSERT_INTO.matcher(sql);
        while (m.find()) {
            b.append(m.group(1)).append(' ');
        }
        return b.toString();
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        Matcher m = UNIQUE_KEY.matcher(design.schema().sql());
        if (m.find()) {
            String column = m.group(1) != null ? m.group(1) : m.group(2);
            return Optional.of(DesignValue.choice(UNIQUE.id(), "schema.sql", "UNIQUE on " + column.toLowerCase(Locale.ROOT)));
        }
        return Optional.empty();
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        StringBuilder b = new StringBuilder(design.summary()).append('\n').append(design.schema().sql()).append('\n');
        for (DataElement e : design.persistence().dataElements()) {
            b.append(e.name()).append(' ').append(e.description()).append('\n');
        }
        for (Query q : design.queries()) {
            b.append(q.name()).append(' ').append(q.purpose()).append('\n');
        }
        if (MONEY.matcher(b).find()) {
            return Optional.empty();
        }
        return Optional.of("The design creates no payments, orders or other records that move money or stock, so a "
                + "repeated request cannot charge twice.");
    }
}
