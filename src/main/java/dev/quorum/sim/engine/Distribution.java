package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/**
 * A probability distribution of a non-random-state kind: sampling reads only the generator passed in, so
 * one distribution can serve several streams and replications at once.
 */
public sealed interface Distribution permits Exponential, LogNormal, Normal, Uniform, Deterministic, Empirical {

    /** One draw, using {@code random} only. */
    double sample(SplittableRandom random);

    /** The distribution's mean. */
    double mean();

    /** A short description such as "exponential, mean 2 s". */
    String describe();

    /** A uniform draw in (0, 1], so logarithms of it are finite. */
    static double openUnit(SplittableRandom random) {
        return 1.0 - random.nextDouble();
    }
}
