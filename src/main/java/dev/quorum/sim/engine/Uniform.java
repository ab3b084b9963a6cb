package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/** The continuous uniform distribution on [low, high). */
public record Uniform(double low, double high) implements Distribution {

    public Uniform {
        if (!Double.isFinite(low) || !Double.isFinite(high) || high < low) {
            throw new IllegalArgumentException("uniform needs finite low <= high, not " + low + ", " + high);
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        return low + (high - low) * random.nextDouble();
    }

    @Override
    public double mean() {
        return (low + high) / 2;
    }

    @Override
    public String describe() {
        return "uniform on [" + low + ", " + high + ")";
    }
}
