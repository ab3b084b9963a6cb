package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.DataElement;
import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
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
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stolen database: how long an attacker with GPUs needs to recover the dumped passwords by a dictionary
 * attack, for each way of storing them. Unsalted hashes are attacked once for the whole table; a salt forces
 * every guess to be hashed again for every account; bcrypt's cost doubles the work per step. Mostly closed-form
 * arithmetic on published hash rates; the only randomness is which password each sampled user has, drawn from
 * Zipf's law over the dictionary.
 */
public final class StolenDbModel extends ScenarioModel {

    /** Users sampled per replication to estimate how ranks are spread over the table. */
    static final int SAMPLE = 20_000;
    /** Buckets of the cracking-progress series over the attacker's time budget. */
    static final int PROGRESS_BUCKETS = 30;
    /** The cost at which the card's bcrypt rate is measured. */
    static final int BCRYPT_REFERENCE_COST = 5;

    private static final Variant PLAIN = new Variant("plain_text", "plain text");
    private static final Variant MD5 = new Variant("md5", "unsalted MD5");
    private static final Variant SHA1 = new Variant("sha1", "unsalted SHA-1");
    private static final Variant SALTED_SHA1 = new Variant("salted_sha1", "salted SHA-1");
    private static final Variant BCRYPT = new Variant("bcrypt", "bcrypt, usual cost");
    private static final Variant BCRYPT_STRONG = new Variant("bcrypt_strong", "bcrypt, stronger cost");
    private static final Variant ARGON2ID = new Variant("argon2id", "argon2id (m = 19 MiB, t = 2, p = 1)");

    private static final Measure TIME_TO_TARGET = Measure.claim("time_to_target", "time to recover the target share of accounts",
            Unit.SECONDS, Better.HIGHER);
    private static final Measure CRACKED = Measure.claim("cracked_in_budget", "accounts recovered within the attacker's time budget",
            Unit.RATIO, Better.LOWER);
    private static final Measure EXHAUST = Measure.shown("time_to_exhaust", "time to try the whole dictionary on every account",
            Unit.SECONDS, Better.HIGHER);
    private static final Measure RATE = Measure.shown("guess_rate", "guesses per second against the table (all GPUs)",
            Unit.PER_SECOND, Better.LOWER);

    private static final Pattern BCRYPT_COST = Pattern.compile("(?i)\\$2[abxy]?\\$(\\d{1,2})\\$|bcrypt[^.;\\n]{0,40}?(?:cost|work factor|rounds)\\s*(?:of|=|:)?\\s*(\\d{1,2})");
    private static final Pattern CREDENTIAL = Pattern.compile("(?i)passw(?:or)?d|passcode|\\bpin\\b|api[_ ]?key|secret|credential");

    /** A new model for the stolen-db card. */
    public StolenDbModel() {
        super("stolen-db");
    }

    @Override
    public List<Variant> variants() {
        return List.of(PLAIN, MD5, SHA1, SALTED_SHA1, BCRYPT, BCRYPT_STRONG, ARGON2ID);
    }

    @Override
    public List<Measure> measures() {
        return List.of(TIME_TO_TARGET, CRACKED, EXHAUST, RATE);
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("guesses_for_target", "guesses per account to reach the target share (Zipf closed form)", Unit.COUNT),
                new MetricSpec("guesses_for_target_sampled", "guesses per account to reach the target share (sampled users)", Unit.COUNT),
                new MetricSpec("bcrypt_cost_ratio", "bcrypt work of the stronger cost over the usual one (2^difference)", Unit.FACTOR));
    }

    /** bcrypt guesses per second at {@code cost}, from the rate at cost 5: every cost step doubles the work. */
    static double bcryptRate(double cost5Rate, int cost) {
        return cost5Rate / StrictMath.pow(2, cost - BCRYPT_REFERENCE_COST);
    }

    /**
     * The share of dictionary users whose password is among the {@code guesses} most popular, for popularity
     * falling as rank^-s over a dictionary of {@code size}: the continuous Zipf distribution function.
     */
    static double zipfShare(double guesses, double size, double s) {
        if (guesses <= 1) {
            return 0;
        }
        if (guesses >= size) {
            return 1;
        }
        if (Math.abs(1 - s) < 1e-9) {
            return StrictMath.log(guesses) / StrictMath.log(size);
        }
        double e = 1 - s;
        return (StrictMath.pow(guesses, e) - 1) / (StrictMath.pow(size, e) - 1);
    }

    /** The inverse of {@link #zipfShare}: the guesses that reach {@code share} of the dictionary's users. */
    static double zipfGuesses(double share, double size, double s) {
        if (share <= 0) {
            return 1;
        }
        if (share >= 1) {
            return size;
        }
        if (Math.abs(1 - s) < 1e-9) {
            return StrictMath.exp(share * StrictMath.log(size));
        }
        double e = 1 - s;
        return StrictMath.pow(1 + share * (StrictMath.pow(size, e) - 1), 1 / e);
    }

    /** How one storage is attacked: its guess rate, and whether every account has to be attacked on its own. */
    private record Attack(double rate, boolean salted) {

        /** Seconds to try {@code guesses} candidates against every one of {@code users} accounts. */
        double seconds(double guesses, double users) {
            return salted ? guesses * users / rate : guesses / rate;
        }

        /** Candidates per account that fit into {@code seconds}. */
        double guesses(double seconds, double users) {
            return salted ? seconds * rate / users : seconds * rate;
        }
    }

    private List<Attack> attacks(ParameterSet p) {
        double gpus = p.get("gpus");
        double md5 = p.get("md5_rate") * gpus;
        double sha1 = p.get("sha1_rate") * gpus;
        double bcrypt5 = p.get("bcrypt_cost5_rate") * gpus;
        return List.of(
                new Attack(Double.POSITIVE_INFINITY, false),
                new Attack(md5, false),
                new Attack(sha1, false),
                new Attack(sha1, true),
                new Attack(bcryptRate(bcrypt5, p.count("bcrypt_cost")), true),
                new Attack(bcryptRate(bcrypt5, p.count("bcrypt_cost_strong")), true),
                new Attack(p.get("argon2id_rate") * gpus, true));
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        double users = p.get("users");
        double dictionary = p.get("guesses_per_password");
        double coverage = p.get("dictionary_coverage");
        double s = p.get("zipf_exponent");
        double target = p.get("target_share");
        double budget = p.get("attack_time");
        double[] ranks = sampleRanks(new RandomStreams(seed).stream("password-ranks"), dictionary, coverage, s);
        cancellation.check();
        // The target is reached when the attacker has tried as many guesses as the rank of the user at that quantile.
        int k = (int) Math.ceil(target * ranks.length) - 1;
        double sampledGuesses = k < 0 ? 0 : ranks[Math.min(k, ranks.length - 1)];
        Map<String, Double> v = new LinkedHashMap<>();
        List<Variant> variants = variants();
        List<Attack> attacks = attacks(p);
        List<Series> series = new ArrayList<>();
        double width = budget / PROGRESS_BUCKETS;
        for (int i = 0; i < variants.size(); i++) {
            Variant var = variants.get(i);
            Attack a = attacks.get(i);
            boolean plain = var == PLAIN;
            v.put(metricName(TIME_TO_TARGET, var), plain ? 0 : Double.isInfinite(sampledGuesses) ? Double.NaN : a.seconds(sampledGuesses, users));
            v.put(metricName(CRACKED, var), plain ? 1 : crackedShare(ranks, a.guesses(budget, users)));
            v.put(metricName(EXHAUST, var), plain ? 0 : a.seconds(dictionary, users));
            v.put(metricName(RATE, var), plain ? Double.NaN : a.rate());
            List<Double> progress = new ArrayList<>(PROGRESS_BUCKETS);
            for (int b = 1; b <= PROGRESS_BUCKETS; b++) {
                progress.add(plain ? 1 : crackedShare(ranks, a.guesses(b * width, users)));
            }
            series.add(new Series("cracked_" + var.id(), "accounts recovered over the attack, " + var.label(), Unit.RATIO, width, width, progress));
        }
        v.put("guesses_for_target", target > coverage ? Double.NaN : zipfGuesses(target / coverage, dictionary, s));
        v.put("guesses_for_target_sampled", Double.isInfinite(sampledGuesses) ? Double.NaN : sampledGuesses);
        v.put("bcrypt_cost_ratio", StrictMath.pow(2, p.count("bcrypt_cost_strong") - p.count("bcrypt_cost")));
        return new ReplicationOutcome(v, series);
    }

    /**
     * The dictionary rank of each sampled user's password, in ascending order; +infinity for a password outside
     * the dictionary. Ranks are whole numbers: the attacker needs that many guesses, most popular first. The
     * draws are stratified, one uniform in each of {@link #SAMPLE} equal slices, so that a sample far smaller
     * than the table still spreads over the ranks as the table does, instead of adding the noise of a small
     * sample to the heavy tail of Zipf's law.
     */
    static double[] sampleRanks(SplittableRandom random, double dictionary, double coverage, double s) {
        double[] ranks = new double[SAMPLE];
        for (int i = 0; i < SAMPLE; i++) {
            double u = (i + random.nextDouble()) / SAMPLE;
            ranks[i] = u < coverage ? Math.min(dictionary, Math.ceil(zipfGuesses(u / coverage, dictionary, s))) : Double.POSITIVE_INFINITY;
        }
        // Already ascending: the rank grows with u. The sort only guards the ceiling and the cap.
        Arrays.sort(ranks);
        return ranks;
    }

    /** The share of sampled users whose rank is within {@code guesses}. */
    private static double crackedShare(double[] sortedRanks, double guesses) {
        double g = Math.floor(Math.min(guesses, Double.MAX_VALUE));
        int lo = 0;
        int hi = sortedRanks.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedRanks[mid] <= g) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return (double) lo / sortedRanks.length;
    }

    @Override
    public List<Verdict> verdicts(ParameterSet p, Map<String, Metric> m) {
        List<Verdict> out = new ArrayList<>(super.verdicts(p, m));
        String target = Unit.RATIO.format(p.get("target_share"));
        String budget = Unit.SECONDS.format(p.get("attack_time"));
        int cost = p.count("bcrypt_cost");
        int strong = p.count("bcrypt_cost_strong");
        StringBuilder text = new StringBuilder("Time for " + Unit.number(p.get("gpus")) + " GPU(s) to recover " + target + " of "
                + Unit.number(p.get("users")) + " accounts:");
        for (Variant var : variants()) {
            Metric t = m.get(metricName(TIME_TO_TARGET, var));
            String label = var == BCRYPT ? "bcrypt cost " + cost : var == BCRYPT_STRONG ? "bcrypt cost " + strong : var.label();
            text.append(' ').append(label).append(' ')
                    .append(t == null || Double.isNaN(t.value()) ? "never (beyond the dictionary)" : Unit.SECONDS.format(t.value()))
                    .append(var == fix() ? "." : ";");
        }
        out.add(new Verdict(Verdict.Status.INFO, "time to recover the target share", text.toString()));
        Metric fixTime = m.get(metricName(TIME_TO_TARGET, fix()));
        boolean beyondBudget = fixTime != null && (Double.isNaN(fixTime.value()) || fixTime.value() > p.get("attack_time"));
        out.add(new Verdict(beyondBudget ? Verdict.Status.MET : Verdict.Status.MISSED, "target share out of reach within the budget",
                "With " + fix().label() + " the attacker recovers " + Unit.RATIO.format(m.get(metricName(CRACKED, fix())).value())
                        + " of accounts within " + budget + (beyondBudget ? ", short of " + target
                        : ", reaching " + target + " already: a slow hash delays weak passwords but cannot save them; "
                        + "block the most common passwords at sign-up") + "."));
        return out;
    }

    @Override
    public Optional<DesignValue> designVariant(Design d) {
        for (String[] f : credentialText(d)) {
            String t = f[1];
            if (!CREDENTIAL.matcher(t).find()) {
                continue;
            }
            String lower = t.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("argon2")) {
                return Optional.of(DesignValue.choice(ARGON2ID.id(), f[0], "mentions argon2"));
            }
            Matcher cost = BCRYPT_COST.matcher(t);
            if (cost.find()) {
                int c = Integer.parseInt(cost.group(1) != null ? cost.group(1) : cost.group(2));
                return Optional.of(DesignValue.choice(c >= 12 ? BCRYPT_STRONG.id() : BCRYPT.id(), f[0], "'" + cost.group().strip() + "'"));
            }
            if (lower.contains("bcrypt")) {
                return Optional.of(DesignValue.choice(BCRYPT.id(), f[0], "mentions bcrypt without a cost"));
            }
            boolean salted = lower.contains("salt");
            if (lower.contains("sha1") || lower.contains("sha-1") || lower.contains("sha256") || lower.contains("sha-256")) {
                return Optional.of(DesignValue.choice(salted ? SALTED_SHA1.id() : SHA1.id(), f[0], "mentions a fast SHA hash"
                        + (salted ? " with a salt" : " without a salt")));
            }
            if (lower.contains("md5")) {
                return Optional.of(DesignValue.choice(salted ? SALTED_SHA1.id() : MD5.id(), f[0], "mentions MD5" + (salted ? " with a salt" : "")));
            }
        }
        return Optional.empty();
    }

    /** The texts that say how credentials are stored: the schema's SQL and the data elements' descriptions. */
    private static List<String[]> credentialText(Design d) {
        List<String[]> out = new ArrayList<>();
        // SQL line by line, so a comment about one column is not read as about another.
        String[] lines = d.schema().sql().split("\\R");
        for (String line : lines) {
            if (!line.isBlank()) {
                out.add(new String[] {"schema.sql", line});
            }
        }
        List<DataElement> elements = d.persistence().dataElements();
        for (int i = 0; i < elements.size(); i++) {
            out.add(new String[] {"persistence.data_elements[" + i + "].description", elements.get(i).name() + ": " + elements.get(i).description()});
        }
        return out;
    }

    @Override
    public Optional<String> notApplicable(Design d) {
        for (String[] f : credentialText(d)) {
            if (CREDENTIAL.matcher(f[1]).find()) {
                return Optional.empty();
            }
        }
        return Optional.of("The design's schema and data elements mention no passwords, PINs, API keys or other secrets, so a dump reveals none.");
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "The attacker runs a dictionary attack, most popular candidates first, with the published single-GPU hash rates of the parameters, scaled linearly with the GPUs.",
                "A share of users (the dictionary coverage) has a password in the dictionary; within it, popularity falls with rank as Zipf's law (continuous form), so a user of rank r falls after r guesses; the others are never recovered by this dictionary.",
                "Plain text reveals every password at once, in and out of the dictionary.",
                "Unsalted MD5 and SHA-1 are attacked once for the whole table: each guess is hashed once and looked up among all the hashes. A precomputed rainbow or lookup table makes even that one pass a lookup, so the times shown for them are upper bounds, all well under a second.",
                "With a per-user salt every guess must be hashed again for each account, so the attacker sweeps each candidate across all accounts before the next (times = guesses x accounts / rate).",
                "bcrypt's rate at cost c is the card's cost-5 rate divided by 2^(c - 5); argon2id's GPU rate is the card's assumed upper bound, not a measurement, so bcrypt at cost 12 may come out slower to attack than argon2id at OWASP's minimum, whose advantage is the memory it demands from every parallel guess.",
                "Which password each user has is sampled, " + SAMPLE + " users a replication in stratified slices of the distribution; every other figure is closed-form arithmetic, so replications differ only by that sample, and little.",
                "Left out: rule-based mangling and brute force beyond the dictionary, targeted guessing with personal data, pepper or hardware-held keys, and the defender's rate limits, which protect online sign-in but not an offline dump.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "OWASP Password Storage Cheat Sheet (cheatsheetseries.owasp.org): argon2id with m = 19 MiB, t = 2, p = 1; bcrypt with a work factor of 10 or more",
                "hashcat v6.2.6 benchmark on one RTX 4090 (Chick3nman, gist 32e662a5bb63bc4f51b847bb422222fd, October 2022): MD5, SHA1, bcrypt $2*$ cost 5",
                "N. Provos and D. Mazieres, 'A Future-Adaptable Password Scheme', USENIX 1999: bcrypt and its cost factor",
                "RFC 9106, Argon2 Memory-Hard Function for Password Hashing and Proof-of-Work Applications (2021)",
                "D. Wang, H. Cheng, P. Wang, X. Huang and G. Jian, 'Zipf's Law in Passwords', IEEE TIFS 12(11), 2017",
                "Bouncy Castle (org.bouncycastle:bcprov-jdk18on) OpenBSDBCrypt and Argon2BytesGenerator, measured by HashRateProbe");
    }

    @Override
    public String validation() {
        return "Closed form: with coverage c, Zipf exponent s and a dictionary of N, the guesses per account that reach a share t of "
                + "all accounts are g = (1 + (t / c)(N^(1-s) - 1))^(1/(1-s)); at the defaults (t = 10%, c = 30%, s = 0.9, N = 14.3M) "
                + "g = 6,291; the sampled users' quantile gives 6,280 over 10 replications, and the test requires its 95% confidence interval plus 3% "
                + "(StolenDbModelTest.sampledGuessesMatchTheZipfClosedForm). A salted hash then takes g x accounts / rate: "
                + "for bcrypt at cost 10, 6,291 x 1M / (242k / 32) = 8.3e5 s, about 9.6 days, and cost 12 exactly 4x that, "
                + "while unsalted MD5 needs one pass, g / 148 GH/s, under a microsecond "
                + "(StolenDbModelTest.timesFollowTheRatesAndTheSalt). This machine's own rates, measured with Bouncy Castle by "
                + "HashRateProbe, are in docs/benchmarks.md; the model never uses them, to stay deterministic.";
    }
}
