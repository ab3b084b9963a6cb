package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/** Always the same value; it draws nothing, so it leaves the stream untouched. */
public record Deterministic(double value) implements Distribution {

    public Deterministic {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a deterministic value must be finite, not " + value);
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        return value;
    }

    @Override
    public double mean() {
        return value;
    }

    @Override
    public String describe() {
        return "always " + value;
    }
}
