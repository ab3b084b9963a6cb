package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/** The exponential distribution with a given mean: inter-arrival times of a Poisson process. */
public record Exponential(double mean) implements Distribution {

    public Exponential {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("an exponential mean must be finite and >= 0, not " + mean);
        }
    }

    /** The exponential distribution of a Poisson process with {@code rate} events per unit of time. */
    public static Exponential ofRate(double rate) {
        return new Exponential(1.0 / rate);
    }

    @Override
    public double sample(SplittableRandom random) {
        // StrictMath keeps draws identical on every JVM and CPU, which Math.log does not promise.
        return -mean * StrictMath.log(Distribution.openUnit(random));
    }

    @Override
    public String describe() {
        return "exponential, mean " + mean;
    }
}
