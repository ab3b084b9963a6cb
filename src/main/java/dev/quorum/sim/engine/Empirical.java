package dev.quorum.sim.engine;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The distribution of observed values: inverse of the piecewise-linear empirical CDF through the sorted
 * observations, so draws fall between the smallest and largest observation and reproduce their quantiles.
 */
public final class Empirical implements Distribution {

    private final double[] sorted;

    private Empirical(double[] sorted) {
        this.sorted = sorted;
    }

    /** The distribution of {@code observations}; at least one, all finite. */
    public static Empirical of(List<Double> observations) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("an empirical distribution needs at least one observation");
        }
        double[] v = new double[observations.size()];
        for (int i = 0; i < v.length; i++) {
            double x = observations.get(i);
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("observation " + i + " is not finite: " + x);
            }
            v[i] = x;
        }
        Arrays.sort(v);
        return new Empirical(v);
    }

    @Override
    public double sample(SplittableRandom random) {
        if (sorted.length == 1) {
            return sorted[0];
        }
        double pos = random.nextDouble() * (sorted.length - 1);
        int i = (int) pos;
        double frac = pos - i;
        return i + 1 < sorted.length ? sorted[i] + frac * (sorted[i + 1] - sorted[i]) : sorted[i];
    }

    @Override
    public double mean() {
        // The mean of the piecewise-linear interpolation: each segment contributes its midpoint.
        if (sorted.length == 1) {
            return sorted[0];
        }
        double sum = 0;
        for (int i = 0; i + 1 < sorted.length; i++) {
            sum += (sorted[i] + sorted[i + 1]) / 2;
        }
        return sum / (sorted.length - 1);
    }

    @Override
    public String describe() {
        return "empirical, " + sorted.length + " observations from " + sorted[0] + " to " + sorted[sorted.length - 1];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Empirical e && Arrays.equals(sorted, e.sorted);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(sorted);
    }
}
