package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/** The lognormal distribution: exp(mu + sigma Z). Right-skewed and positive, like latencies and repair times. */
public record LogNormal(double mu, double sigma) implements Distribution {

    public LogNormal {
        if (!Double.isFinite(mu) || !(sigma >= 0) || Double.isInfinite(sigma)) {
            throw new IllegalArgumentException("lognormal needs finite mu and sigma >= 0, not " + mu + ", " + sigma);
        }
    }

    /**
     * The lognormal with a given mean and coefficient of variation (standard deviation over mean):
     * sigma^2 = ln(1 + cv^2) and mu = ln(mean) - sigma^2 / 2.
     */
    public static LogNormal ofMeanAndCv(double mean, double cv) {
        if (!(mean > 0) || !(cv >= 0)) {
            throw new IllegalArgumentException("lognormal needs mean > 0 and cv >= 0, not " + mean + ", " + cv);
        }
        double s2 = StrictMath.log1p(cv * cv);
        return new LogNormal(StrictMath.log(mean) - s2 / 2, StrictMath.sqrt(s2));
    }

    @Override
    public double sample(SplittableRandom random) {
        return StrictMath.exp(mu + sigma * Normal.standard(random));
    }

    @Override
    public double mean() {
        return StrictMath.exp(mu + sigma * sigma / 2);
    }

    @Override
    public String describe() {
        return "lognormal, mean " + mean() + ", sigma " + sigma;
    }
}
