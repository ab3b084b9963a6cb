package dev.quorum.sim.scenarios.guide;

import dev.quorum.model.Design;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.scenarios.DesignText;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.MetricSpec;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.ReplicationOutcome;
import dev.quorum.sim.scenarios.Unit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * The zombie code, as an illustrative drift model: between two deploys every unpinned dependency may resolve to
 * another version in each environment the code is promoted to, and a deploy fails when one of those changes
 * breaks the application. One image pinned by digest and promoted everywhere leaves nothing to drift.
 */
public final class ZombieCodeModel extends ScenarioModel {

    private static final double WEEK = 7 * 86_400.0;
    private static final double YEAR = 365 * 86_400.0;
    /** Deploys simulated per replication at most; a year of deploys, unless the team deploys more than this. */
    static final int MAX_DEPLOYS = 5_000;
    /** Above this many expected changes a draw uses the normal approximation instead of counting each one. */
    private static final double EXACT_BINOMIAL_LIMIT = 200;
    private static final Pattern PINNED = Pattern.compile(
            "(?i)\\b(?:docker\\s*file|docker(?:ised|ized)?\\s+images?|container\\s+images?|image\\s+digests?|pinned\\s+(?:base\\s+)?images?)\\b|@sha256:");

    private static final Variant UNPINNED = new Variant("unpinned", "each environment installs its own");
    private static final Variant PINNED_IMAGE = new Variant("pinned_image", "one pinned image everywhere");

    /** The model for the card zombie-code. */
    public ZombieCodeModel() {
        super("zombie-code");
    }

    @Override
    public List<Variant> variants() {
        return List.of(UNPINNED, PINNED_IMAGE);
    }

    @Override
    public List<Measure> measures() {
        return List.of(
                Measure.claim("failure_rate", "deploys that fail", Unit.RATIO, Better.LOWER),
                Measure.claim("failed_deploys", "failed deploys per year", Unit.COUNT, Better.LOWER),
                Measure.shown("version_changes", "dependency versions changed between deploys", Unit.COUNT, Better.LOWER));
    }

    @Override
    protected List<MetricSpec> extraMetrics() {
        return List.of(
                new MetricSpec("failure_chance_closed_form", "chance a deploy fails without pinning, closed form", Unit.RATIO),
                new MetricSpec("deploys_per_year", "deploys per year", Unit.COUNT));
    }

    /** The chance that one dependency changes version in one environment between two deploys. */
    static double driftBetweenDeploys(double weeklyChance, double deployRate) {
        double weeks = 1 / deployRate / WEEK;
        return 1 - StrictMath.pow(1 - weeklyChance, weeks);
    }

    /** The closed form: a deploy fails unless none of the dependency-environment pairs drifted in a breaking way. */
    static double failureChance(int dependencies, int environments, double weeklyChance, double breakingShare, double deployRate) {
        double pairs = (double) dependencies * (environments - 1);
        return 1 - StrictMath.pow(1 - driftBetweenDeploys(weeklyChance, deployRate) * breakingShare, pairs);
    }

    @Override
    public ReplicationOutcome replicate(ParameterSet p, long seed, Cancellation cancellation) {
        int dependencies = p.count("dependencies");
        int environments = p.count("environments");
        double weekly = p.get("weekly_drift_chance");
        double breaking = p.get("breaking_share");
        double rate = p.get("deploy_rate");
        // The tested environment is the first; each one the code is promoted to resolves versions on its own.
        long pairs = (long) dependencies * (environments - 1);
        double drift = driftBetweenDeploys(weekly, rate);
        double perYear = rate * YEAR;
        int deploys = (int) Math.max(1, Math.min(MAX_DEPLOYS, Math.round(perYear)));

        RandomStreams streams = new RandomStreams(seed);
        SplittableRandom drifts = streams.stream("drift");
        SplittableRandom breaks = streams.stream("breaking");
        long failed = 0;
        long changes = 0;
        for (int d = 0; d < deploys; d++) {
            if ((d & 255) == 0) {
                cancellation.check();
            }
            long changed = binomial(drifts, pairs, drift);
            changes += changed;
            // At least one of the changes breaks the application: one draw against 1 - (1 - q)^changed.
            if (breaks.nextDouble() < -StrictMath.expm1(changed * StrictMath.log1p(-Math.min(breaking, 1 - 1e-15)))) {
                failed++;
            }
        }
        double share = (double) failed / deploys;
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("failure_rate_unpinned", share);
        v.put("failure_rate_pinned_image", 0.0);
        v.put("failed_deploys_unpinned", share * perYear);
        v.put("failed_deploys_pinned_image", 0.0);
        v.put("version_changes_unpinned", (double) changes / deploys);
        v.put("version_changes_pinned_image", 0.0);
        v.put("failure_chance_closed_form", failureChance(dependencies, environments, weekly, breaking, rate));
        v.put("deploys_per_year", perYear);
        return new ReplicationOutcome(v, List.of());
    }

    /**
     * A binomial draw by skipping geometrically from one success to the next, so the work is the number of
     * successes rather than of trials; above one half it counts the failures instead.
     */
    static long binomial(SplittableRandom random, long trials, double chance) {
        if (trials <= 0 || chance <= 0) {
            return 0;
        }
        if (chance >= 1) {
            return trials;
        }
        if (chance > 0.5) {
            return trials - binomial(random, trials, 1 - chance);
        }
        double mean = trials * chance;
        if (mean > EXACT_BINOMIAL_LIMIT) {
            // Hundreds of expected changes: the normal approximation is within a fraction of a change.
            double sd = StrictMath.sqrt(mean * (1 - chance));
            double u1 = 1 - random.nextDouble();
            double z = StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(2 * StrictMath.PI * random.nextDouble());
            return Math.max(0, Math.min(trials, Math.round(mean + sd * z)));
        }
        double logMiss = StrictMath.log1p(-chance);
        long successes = 0;
        long position = -1;
        while (true) {
            double u = 1 - random.nextDouble();
            position += (long) StrictMath.floor(StrictMath.log(u) / logMiss) + 1;
            if (position >= trials) {
                return successes;
            }
            successes++;
        }
    }

    @Override
    public Optional<DesignValue> designVariant(Design design) {
        return new DesignText(design).find(PINNED, PINNED_IMAGE.id());
    }

    @Override
    public Optional<String> notApplicable(Design design) {
        return new DesignText(design).isEmpty()
                ? Optional.of("The design describes nothing yet, so there is no code deployed to environments whose dependencies could drift.")
                : Optional.empty();
    }

    @Override
    public List<String> assumptions() {
        return List.of(
                "Illustrative, not a measurement: every parameter is an assumption chosen to show the mechanism, and the failure rates are only as good as those guesses.",
                "The code is tested in the first environment; in each of the others every unpinned dependency changes version between two deploys with the chance 1 - (1 - weekly chance)^(weeks between deploys), independently of the rest.",
                "A changed version breaks the application with the breaking share; a deploy fails when at least one change breaks it, and the breakage is repaired before the next deploy, so every deploy starts afresh.",
                "Deploys are evenly spaced; a year of deploys is simulated (at most 5,000 per replication) and the failures per year scale the simulated share.",
                "The number of changed versions per deploy is an exact binomial draw up to 200 expected changes and a normal approximation above; whether one of them breaks is one exact draw against 1 - (1 - breaking share)^changes.",
                "A pinned image (base image by digest, dependencies from a lockfile) carries the same versions everywhere, so nothing drifts and no deploy fails for that reason.",
                "Left out: differences that an image does not remove (configuration, secrets, data, kernel and hardware), failures of the code itself, and the cost of building and storing images.");
    }

    @Override
    public List<String> sources() {
        return List.of(
                "Docker documentation, 'Image digests' and 'Best practices for writing Dockerfiles' (pin base images by digest), https://docs.docker.com/",
                "The Twelve-Factor App, factor II 'Dependencies' and factor X 'Dev/prod parity', https://12factor.net/");
    }

    @Override
    public String validation() {
        return "Closed form: with drift chance d = 1 - (1 - p)^(weeks between deploys) per dependency and environment,"
                + " a deploy fails with probability 1 - (1 - d x q)^(dependencies x (environments - 1)); the version changes"
                + " per deploy average d x dependencies x (environments - 1). Defaults (40 dependencies, 3 environments, 2% a"
                + " week, 5% breaking, 5 deploys a week): d = 0.40%, 1.60% of deploys fail, about 4.2 a year. With 50% a week,"
                + " 50% breaking and 10 deploys a day: expected 32.639% failures and 0.7883 changes per deploy; 40 replications"
                + " of 3,650 deploys (seed 11) give 32.553% (95% CI 32.309% to 32.798%) and 0.7874."
                + " ZombieCodeModelTest.theFailureRateMatchesTheClosedForm. A pinned image fails no deploy by construction.";
    }
}
