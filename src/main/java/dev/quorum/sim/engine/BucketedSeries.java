package dev.quorum.sim.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A time series in fixed-width buckets for charts: each bucket keeps the sum, count and maximum of what was
 * added in it, and reports one of them. Values outside the covered span are ignored.
 */
public final class BucketedSeries {

    /** What a bucket reports. */
    public enum Aggregate {
        /** The sum of the values, for example queries started. */
        SUM,
        /** The sum divided by the bucket width, for example queries per second. */
        RATE,
        /** The mean of the values added, NaN for an empty bucket. */
        MEAN,
        /** The largest value added, NaN for an empty bucket. */
        MAX
    }

    private final double start;
    private final double width;
    private final Aggregate aggregate;
    private final double[] sums;
    private final long[] counts;
    private final double[] maxima;

    /** Buckets of {@code width} seconds from {@code start}, {@code buckets} of them. */
    public BucketedSeries(double start, double width, int buckets, Aggregate aggregate) {
        if (!(width > 0) || buckets <= 0 || !Double.isFinite(start)) {
            throw new IllegalArgumentException("a series needs a finite start, width > 0 and at least one bucket");
        }
        this.start = start;
        this.width = width;
        this.aggregate = aggregate;
        this.sums = new double[buckets];
        this.counts = new long[buckets];
        this.maxima = new double[buckets];
        java.util.Arrays.fill(maxima, Double.NEGATIVE_INFINITY);
    }

    /** Adds a value at a time. */
    public void add(double time, double value) {
        int i = index(time);
        if (i < 0) {
            return;
        }
        sums[i] += value;
        counts[i]++;
        if (value > maxima[i]) {
            maxima[i] = value;
        }
    }

    private int index(double time) {
        double pos = (time - start) / width;
        if (!(pos >= 0) || pos >= sums.length) {
            return -1;
        }
        return (int) pos;
    }

    public double start() {
        return start;
    }

    public double width() {
        return width;
    }

    /** The bucket values, oldest first. */
    public List<Double> values() {
        List<Double> out = new ArrayList<>(sums.length);
        for (int i = 0; i < sums.length; i++) {
            out.add(switch (aggregate) {
                case SUM -> sums[i];
                case RATE -> sums[i] / width;
                case MEAN -> counts[i] == 0 ? Double.NaN : sums[i] / counts[i];
                case MAX -> counts[i] == 0 ? Double.NaN : maxima[i];
            });
        }
        return out;
    }
}
