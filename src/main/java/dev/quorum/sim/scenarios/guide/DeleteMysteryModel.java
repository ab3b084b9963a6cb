package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataSize;
import dev.quorum.model.DeletionMode;
import dev.quorum.model.Design;
import dev.quorum.model.Query;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.PoissonCounts;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.DesignFacts;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ParameterValue;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Delete Mystery: accounts close over a year while audits, disputes and analysts ask for closed accounts'
 * history. Compares hard deletes with soft deletes (a plain index, then a partial index and a purge after the
 * retention period) and lists the design's read queries that would need the deleted_at filter.
 */
public final class DeleteMysteryModel extends ScenarioModel {

    private static final List<Variant> VARIANTS = List.of(
            new Variant("hard", "hard delete"),
            new Variant("soft", "soft delete, plain index"),
            new Variant("soft_partial", "soft delete, partial index and purge"));

    private static final List<Measure> MEASURES = List.of(
            Measure.claim("answered_share", "history requests that can be answered", Unit.RATIO, Better.HIGHER),
            Measure.claim("unanswered", "history requests that cannot be answered", Unit.COUNT, Better.LOWER),
            Measure.shown("storage_end", "history storage at the end", Unit.BYTES, Better.LOWER),
            Measure.shown("deleted_rows_kept", "rows of closed accounts kept", Unit.COUNT, Better.LOWER),
            Measure.shown("rows_read_factor", "index entries a live-row query reads per live row", Unit.FACTOR, Better.LOWER),
            Measure.shown("deleted_share_unfiltered", "share of the rows a query without the deleted_at filter returns that are deleted",
                    Unit.RATIO, Better.LOWER));

    /** The length of the model's period: a twelfth of a 365-day year. */
    static final double MONTH = 365.0 * 86_400 / 12;

    private static final Pattern CREATE_TABLE = Pattern.compile("(?i)CREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?[\"`]?(\\w+)[\"`]?");
    private static final Pattern REFERENCES = Pattern.compile("(?i)\\bREFERENCES\\s+[\"`]?(\\w+)");
    private static final Pattern DELETE_FROM = Pattern.compile("(?i)\\bDELETE\\s+FROM\\s+[\"`]?(\\w+)");
    private static final Pattern READ_TABLE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+[\"`]?(\\w+)");
    private static final Pattern DELETED_AT = Pattern.compile("(?i)\\bdeleted_at\\b");
    private static final Pattern PARTIAL_INDEX = Pattern.compile("(?i)CREATE\\s+(?:UNIQUE\\s+)?INDEX[^;]*?\\bWHERE\\b[^;]*?\\bdeleted_at\\s+IS\\s+NULL");
    private static final Pattern PER_ROW = Pattern.compile("(?i)(\\d[\\d.,]*\\s*[KMGT]?i?B)\\s+per\\s+row");

    /** The model for the delete-mystery card. */
    public DeleteMysteryModel() {
        super("delete-mystery");
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
                new MetricSpec("live_accounts_end", "live accounts at the end", Unit.COUNT),
                new MetricSpec("expected_live_end", "live accounts at the end, A(1-p)^n + A g (1-(1-p)^n) / p (closed form)", Unit.COUNT),
                new MetricSpec("closed_accounts", "accounts closed over the period", Unit.COUNT),
                new MetricSpec("queries_without_filter", "read queries on soft-delete tables without a deleted_at filter", Unit.COUNT));
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Time runs in months (a twelfth of a 365-day year); each month every live account closes with the monthly share, "
                        + "drawn as a binomial count (a normal approximation above a variance of 25), and a Poisson number of "
                        + "accounts opens with the monthly new share of the starting accounts; closures spread evenly over the month.",
                "Every account carries the same number of history rows of the same size, removed by a cascading hard delete and "
                        + "kept by a soft delete until the purge after the retention period.",
                "History requests arrive as a Poisson stream and each asks for an account chosen evenly among those closed before "
                        + "it; requests before the first closure are left out, and so are accounts closed before the period began.",
                "A hard-deleted account's history is gone: restoring it from a backup is not counted, since backups age out and "
                        + "restoring one account is rarely possible.",
                "A query over live rows reads every index entry of its range: with a plain index that includes the soft-deleted "
                        + "rows, with a partial index WHERE deleted_at IS NULL only the live ones.",
                "The queries that need the filter are read from the design: reads naming a table that has a deleted_at column, "
                        + "is the target of a DELETE, or is referenced by a foreign key; a query that names deleted_at anywhere counts "
                        + "as filtered, without parsing the SQL.",
                "Keeping soft-deleted personal data past its purpose needs a legal basis (GDPR article 17); the purge is the "
                        + "model's stand-in for erasure and anonymisation.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "GOV.UK, Running a limited company: company and accounting records (keep records 6 years from the end of the financial year)",
                "Regulation (EU) 2016/679 (GDPR), article 17, right to erasure",
                "PostgreSQL documentation, Partial Indexes (section 11.8), version 16");
    }

    @Override
    public String validation() {
        return "Closed forms: the live accounts follow E[L(k+1)] = E[L(k)](1 - p) + A g, so E[L(n)] = A(1-p)^n + A g "
                + "(1 - (1-p)^n) / p. With 1,000,000 accounts, p = 2% and g = 1% over 12 months that is 892,358; 10 "
                + "replications (seed 2026) give 892,366 (95% CI 891,909 to 892,823). With closures at a steady rate "
                + "(p = g = 2%), a request at time t asks for an account closed evenly over [0, t], so a retention r shorter "
                + "than the period H answers (r / H)(1 + ln(H / r)) of the requests: 59.18% for 90 days of 365; 10 "
                + "replications at 1,000 requests a day give 59.16% (95% CI 59.12% to 59.20%). Hard deletes answer none, and "
                + "storage is (live + kept closed accounts) x rows x row size exactly. "
                + "DeleteMysteryModelTest.liveAccountsFollowTheClosedForm, "
                + "DeleteMysteryModelTest.aShortRetentionAnswersTheClosedFormShare, "
                + "DeleteMysteryModelTest.softDeletesKeepEveryClosedAccountsRowsUntilThePurge.";
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        if (design.schema().sql().isBlank() && design.persistence().dataElements().isEmpty() && design.queries().isEmpty()) {
            return Optional.of("The design states no schema, data or queries, so there are no records to delete.");
        }
        return Optional.empty();
    }

    @Override
    public Map<String, DesignValue> fromDesign(Design design) {
        Map<String, DesignValue> out = new LinkedHashMap<>();
        for (int i = 0; i < design.persistence().dataElements().size(); i++) {
            DataElement e = design.persistence().dataElements().get(i);
            Matcher m = PER_ROW.matcher(e.sizeEstimate().text());
            if (m.find()) {
                OptionalDouble bytes = DataSize.of(m.group(1)).bytes();
                if (bytes.isPresent() && bytes.getAsDouble() > 0) {
                    out.put("row_size", DesignValue.of(bytes.getAsDouble(), "persistence.data_elements[" + i + "].size_estimate",
                            e.name() + ": '" + m.group() + "'"));
                    break;
                }
            }
        }
        OptionalDouble retention = design.lifecycle().retentionPeriod().seconds();
        if (retention.isPresent() && retention.getAsDouble() > 0 && Double.isFinite(retention.getAsDouble())) {
            out.put("retention_period", DesignValue.of(retention.getAsDouble(), "lifecycle.retention_period",
                    design.lifecycle().retentionPeriod().text()));
        }
        if (!design.queries().isEmpty()) {
            Set<String> tables = softDeleteTables(design);
            List<String> unfiltered = unfilteredQueries(design, tables);
            out.put("unfiltered_queries", DesignValue.of(unfiltered.size(), "queries[*].sql",
                    (unfiltered.isEmpty() ? "none" : String.join(", ", unfiltered)) + " (soft-delete tables: "
                            + (tables.isEmpty() ? "none found" : String.join(", ", tables)) + ")"));
        }
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        DeletionMode mode = design.lifecycle().deletion().mode();
        if (mode == null) {
            return Optional.empty();
        }
        if (mode == DeletionMode.HARD) {
            return Optional.of(DesignValue.choice("hard", "lifecycle.deletion.mode", "hard"));
        }
        Matcher partial = PARTIAL_INDEX.matcher(design.schema().sql());
        return Optional.of(partial.find()
                ? DesignValue.choice("soft_partial", "schema.sql", "mode soft; '" + shorten(partial.group()) + "'")
                : DesignValue.choice("soft", "lifecycle.deletion.mode", "soft, no partial index WHERE deleted_at IS NULL in the schema"));
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").strip();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    /** Tables whose rows would be soft-deleted: with a deleted_at column, deleted by a query, or referenced by a foreign key. */
    static Set<String> softDeleteTables(Design design) {
        Set<String> out = new LinkedHashSet<>();
        String sql = design.schema().sql();
        Matcher t = CREATE_TABLE.matcher(sql);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (t.find()) {
            starts.add(new int[] {t.start()});
            names.add(t.group(1).toLowerCase(Locale.ROOT));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < starts.size() ? starts.get(i + 1)[0] : sql.length();
            String body = sql.substring(starts.get(i)[0], end);
            int stop = body.indexOf(';');
            if (DELETED_AT.matcher(stop < 0 ? body : body.substring(0, stop)).find()) {
                out.add(names.get(i));
            }
        }
        Matcher r = REFERENCES.matcher(sql);
        while (r.find()) {
            out.add(r.group(1).toLowerCase(Locale.ROOT));
        }
        for (Query q : design.queries()) {
            Matcher d = DELETE_FROM.matcher(q.sql());
            while (d.find()) {
                out.add(d.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The names of the read queries that name a soft-delete table and never deleted_at. */
    static List<String> unfilteredQueries(Design design, Set<String> tables) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < design.queries().size(); i++) {
            Query q = design.queries().get(i);
            if (DesignFacts.isWrite(q) || DELETED_AT.matcher(q.sql()).find()) {
                continue;
            }
            Matcher m = READ_TABLE.matcher(q.sql());
            while (m.find()) {
                if (tables.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    out.add(q.name().isBlank() ? "query " + (i + 1) : q.name());
                    break;
                }
            }
        }
        return out;
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        RandomStreams streams = new RandomStreams(seed);
        Year year = new Year(p, streams.stream("closures"), streams.stream("sign-ups"));
        SplittableRandom requestDraws = streams.stream("requests");
        double horizon = p.get("horizon");
        double retention = p.get("retention_period");
        long requests = PoissonCounts.sample(requestDraws, p.get("request_rate") * horizon);
        long asked = 0;
        long answerable = 0;
        for (long i = 0; i < requests; i++) {
            if ((i & 4095) == 0) {
                cancellation.check();
            }
            double t = requestDraws.nextDouble() * horizon;
            double closedBefore = year.closedBefore(t);
            double u = requestDraws.nextDouble();
            if (closedBefore <= 0) {
                continue;
            }
            asked++;
            double closedAt = year.closureTime(u * closedBefore);
            if (t - closedAt <= retention) {
                answerable++;
            }
        }
        double rows = p.get("rows_per_account");
        double rowSize = p.get("row_size");
        double live = year.live();
        double kept = year.closedSince(horizon - retention);
        Map<String, Double> v = new LinkedHashMap<>();
        for (Variant variant : VARIANTS) {
            boolean soft = !variant.id().equals("hard");
            double answered = soft ? answerable : 0;
            double keptRows = soft ? kept * rows : 0;
            v.put(metricName(MEASURES.get(0), variant), asked == 0 ? Double.NaN : answered / asked);
            v.put(metricName(MEASURES.get(1), variant), (double) (asked - (long) answered));
            v.put(metricName(MEASURES.get(2), variant), (live * rows + keptRows) * rowSize);
            v.put(metricName(MEASURES.get(3), variant), keptRows);
            double all = live + (soft ? kept : 0);
            v.put(metricName(MEASURES.get(4), variant), variant.id().equals("soft") && live > 0 ? all / live : 1.0);
            v.put(metricName(MEASURES.get(5), variant), soft && all > 0 ? kept / all : 0.0);
        }
        v.put("live_accounts_end", live);
        v.put("expected_live_end", expectedLive(p));
        v.put("closed_accounts", year.closedSince(0));
        v.put("queries_without_filter", p.get("unfiltered_queries"));
        return new ReplicationOutcome(v, List.of());
    }

    /** The months the period spans, at least one. */
    static int months(ParameterSet p) {
        return (int) Math.max(1, Math.round(p.get("horizon") / MONTH));
    }

    /** The closed-form expected live accounts at the end: A(1-p)^n + A g (1 - (1-p)^n) / p. */
    static double expectedLive(ParameterSet p) {
        double a = Math.round(p.get("accounts"));
        double close = p.get("monthly_deletion_share");
        double open = p.get("monthly_new_share");
        int n = months(p);
        double stay = StrictMath.pow(1 - close, n);
        return a * stay + (close > 0 ? a * open * (1 - stay) / close : a * open * n);
    }

    /** The accounts of one replication month by month: the closures and the live count. */
    static final class Year {
        private final double monthLength;
        private final double[] cumulativeClosed;
        private double live;

        Year(ParameterSet p, SplittableRandom closures, SplittableRandom signUps) {
            int n = months(p);
            monthLength = p.get("horizon") / n;
            double start = Math.round(p.get("accounts"));
            double share = p.get("monthly_deletion_share");
            double opened = start * p.get("monthly_new_share");
            cumulativeClosed = new double[n + 1];
            live = start;
            for (int k = 0; k < n; k++) {
                long closed = binomial(closures, (long) live, share);
                live += PoissonCounts.sample(signUps, opened) - closed;
                cumulativeClosed[k + 1] = cumulativeClosed[k] + closed;
            }
        }

        double live() {
            return live;
        }

        /** Accounts closed before time {@code t}, closures spread evenly within each month. */
        double closedBefore(double t) {
            int n = cumulativeClosed.length - 1;
            double pos = Math.max(0, Math.min(n, t / monthLength));
            int k = (int) Math.min(n - 1, Math.floor(pos));
            return cumulativeClosed[k] + (cumulativeClosed[k + 1] - cumulativeClosed[k]) * (pos - k);
        }

        /** Accounts closed at or after time {@code t} up to the end. */
        double closedSince(double t) {
            return cumulativeClosed[cumulativeClosed.length - 1] - closedBefore(t);
        }

        /** The time at which the {@code count}-th closure happened, inverting {@link #closedBefore}. */
        double closureTime(double count) {
            int n = cumulativeClosed.length - 1;
            int k = 0;
            while (k < n - 1 && cumulativeClosed[k + 1] < count) {
                k++;
            }
            double inMonth = cumulativeClosed[k + 1] - cumulativeClosed[k];
            double frac = inMonth > 0 ? (count - cumulativeClosed[k]) / inMonth : 0;
            return (k + Math.max(0, Math.min(1, frac))) * monthLength;
        }
    }

    /** A binomial(n, p) draw: by inversion for a small variance, by a rounded normal (Box-Muller) above. */
    static long binomial(SplittableRandom random, long n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        double mean = n * p;
        double variance = mean * (1 - p);
        if (variance > 25) {
            double z = StrictMath.sqrt(-2 * StrictMath.log(1 - random.nextDouble())) * StrictMath.cos(2 * Math.PI * random.nextDouble());
            return Math.max(0, Math.min(n, Math.round(mean + StrictMath.sqrt(variance) * z)));
        }
        // Walk the probabilities up from P(0) = (1 - p)^n.
        double u = random.nextDouble();
        double prob = StrictMath.pow(1 - p, n);
        double cumulative = prob;
        long k = 0;
        double ratio = p / (1 - p);
        while (u > cumulative && k < n) {
            prob *= ratio * (n - k) / (k + 1);
            k++;
            cumulative += prob;
            if (prob < 1e-300 && k > mean) {
                break;
            }
        }
        return k;
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> metrics) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, metrics));
        ParameterValue q = p.value("unfiltered_queries");
        int count = p.count("unfiltered_queries");
        String target = "every read on a soft-delete table filters deleted_at";
        if (q.origin() == ParameterValue.Origin.DESIGN) {
            out.add(new Verdict(count == 0 ? Verdict.Status.MET : Verdict.Status.MISSED, target,
                    count == 0 ? "Every read query on a soft-delete table names deleted_at (" + q.detail() + ")"
                            : count + " read " + (count == 1 ? "query lacks" : "queries lack") + " the deleted_at filter and would "
                                    + "return deleted rows under soft deletes: " + q.detail()));
        } else {
            out.add(new Verdict(Verdict.Status.INFO, target, Unit.COUNT.format(count) + " read queries without the deleted_at filter ("
                    + (q.origin() == ParameterValue.Origin.OVERRIDE ? "as given" : "the design gives no queries") + ")"));
        }
        return out;
    }
}
