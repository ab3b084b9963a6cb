package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/**
 * Draws the number of events of a Poisson process in a window, so a model can count, for example, the writes
 * in a replication-lag window without firing one event per write. Exact for every mean: inversion by
 * multiplication below 10, Hörmann's transformed rejection with squeeze (PTRS, 1993) above.
 */
public final class PoissonCounts {

    private PoissonCounts() {
    }

    /** One draw of Poisson({@code mean}). */
    public static long sample(SplittableRandom random, double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("a Poisson mean must be finite and >= 0, not " + mean);
        }
        if (mean == 0) {
            return 0;
        }
        if (mean < 10) {
            return byMultiplication(random, mean);
        }
        return ptrs(random, mean);
    }

    private static long byMultiplication(SplittableRandom random, double mean) {
        double limit = StrictMath.exp(-mean);
        double product = random.nextDouble();
        long k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }

    private static long ptrs(SplittableRandom random, double lam) {
        double slam = StrictMath.sqrt(lam);
        double loglam = StrictMath.log(lam);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = random.nextDouble() - 0.5;
            double v = random.nextDouble();
            double us = 0.5 - Math.abs(u);
            long k = (long) Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) {
                return k;
            }
            if (k < 0 || (us < 0.013 && v > us)) {
                continue;
            }
            if (StrictMath.log(v) + StrictMath.log(invalpha) - StrictMath.log(a / (us * us) + b)
                    <= -lam + k * loglam - logFactorial(k)) {
                return k;
            }
        }
    }

    /** ln(k!) by Stirling's series, exact enough (error below 1e-10) for k >= 10; a table below. */
    static double logFactorial(long k) {
        if (k < 10) {
            double f = 1;
            for (long i = 2; i <= k; i++) {
                f *= i;
            }
            return StrictMath.log(f);
        }
        double x = k + 1.0;
        return (x - 0.5) * StrictMath.log(x) - x + 0.5 * StrictMath.log(2 * Math.PI)
                + 1 / (12 * x) - 1 / (360 * x * x * x) + 1 / (1260 * x * x * x * x * x);
    }
}
