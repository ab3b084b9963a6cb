package dev.quorum.sim.scenarios;

import dev.quorum.sim.engine.Deterministic;
import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.LogNormal;

/** Small helpers the models share for turning a mean and a spread into a distribution. */
final class Timing {

    private Timing() {
    }

    /** A lognormal with this mean and coefficient of variation; deterministic when either is zero. */
    static Distribution lognormal(double mean, double cv) {
        if (mean <= 0 || cv <= 0) {
            return new Deterministic(Math.max(0, mean));
        }
        return LogNormal.ofMeanAndCv(mean, cv);
    }

    /** An exponential with this mean, or always that value when {@code deterministic}; zero stays zero. */
    static Distribution lag(double mean, boolean deterministic) {
        if (mean <= 0 || deterministic) {
            return new Deterministic(Math.max(0, mean));
        }
        return new Exponential(mean);
    }

    /** The target in human form, for verdicts: "RPO 1 min". */
    static String target(String name, double seconds) {
        return name + " " + Unit.SECONDS.format(seconds);
    }
}
