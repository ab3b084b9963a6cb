package dev.quorum.sim.engine;

import java.util.List;

/**
 * The mean of one quantity over replications with its 95% confidence interval from Student's t, treating
 * replications as independent (they have independent seeds). NaN values, replications where the quantity
 * did not occur, are left out and reduce n.
 */
public record Summary(double mean, double low, double high, int n) {

    /** Summarises the values in order; the order is fixed, so the sum and thus the result are bit-for-bit stable. */
    public static Summary of(List<Double> values) {
        int n = 0;
        double sum = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
                sum += v;
            }
        }
        if (n == 0) {
            return new Summary(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sum / n;
        if (n == 1) {
            return new Summary(mean, Double.NaN, Double.NaN, 1);
        }
        double ss = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double half = StudentT.quantile975(n - 1) * Math.sqrt(ss / (n - 1) / n);
        return new Summary(mean, mean - half, mean + half, n);
    }

    /** Half the width of the interval; NaN when it is unknown (fewer than two replications). */
    public double halfWidth() {
        return (high - low) / 2;
    }
}
