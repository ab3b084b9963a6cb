package dev.quorum.sim.engine;

/** Count, mean, variance, minimum and maximum of observations, by Welford's update (stable for long runs). */
public final class Tally {

    private long count;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;
    private double sum;

    /** Adds one observation. */
    public void add(double x) {
        count++;
        double delta = x - mean;
        mean += delta / count;
        m2 += delta * (x - mean);
        sum += x;
        if (x < min) {
            min = x;
        }
        if (x > max) {
            max = x;
        }
    }

    public long count() {
        return count;
    }

    /** The mean, or NaN with no observations. */
    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    public double sum() {
        return sum;
    }

    /** The sample variance (n - 1 in the denominator), or NaN with fewer than two observations. */
    public double variance() {
        return count < 2 ? Double.NaN : m2 / (count - 1);
    }

    /** The smallest observation, or NaN with none. */
    public double min() {
        return count == 0 ? Double.NaN : min;
    }

    /** The largest observation, or NaN with none. */
    public double max() {
        return count == 0 ? Double.NaN : max;
    }
}
