package dev.quorum.sim.engine;

import org.HdrHistogram.DoubleHistogram;

/**
 * Percentiles of non-negative observations through HdrHistogram, to three significant digits over any range,
 * in constant memory however many values are recorded.
 */
public final class Percentiles {

    private final DoubleHistogram histogram = new DoubleHistogram(3);
    private long zeros;
    private long count;

    /** Records one value; negative values are an error in the model. */
    public void record(double value) {
        recordCount(value, 1);
    }

    /** Records {@code times} copies of a value, for events that were counted rather than simulated one by one. */
    public void recordCount(double value, long times) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("percentiles take finite values >= 0, not " + value);
        }
        if (times <= 0) {
            return;
        }
        count += times;
        // DoubleHistogram keeps a ratio of highest to lowest value, so exact zeros are counted on the side.
        if (value == 0) {
            zeros += times;
        } else {
            histogram.recordValueWithCount(value, times);
        }
    }

    public long count() {
        return count;
    }

    /** The value below which {@code percent} percent of the observations fall; NaN with none. */
    public double percentile(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        double zeroShare = 100.0 * zeros / count;
        if (percent <= zeroShare || histogram.getTotalCount() == 0) {
            return 0;
        }
        double withinNonZero = (percent - zeroShare) / (100.0 - zeroShare) * 100.0;
        return histogram.getValueAtPercentile(Math.min(100.0, withinNonZero));
    }

    /** The largest value recorded (to the histogram's precision); NaN with none. */
    public double max() {
        if (count == 0) {
            return Double.NaN;
        }
        return histogram.getTotalCount() == 0 ? 0 : histogram.getMaxValue();
    }
}
