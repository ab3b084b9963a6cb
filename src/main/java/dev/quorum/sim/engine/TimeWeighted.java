package dev.quorum.sim.engine;

/**
 * The time-weighted average of a level that changes at events, such as a queue length or the number of busy
 * connections: the area under the level divided by the time observed.
 */
public final class TimeWeighted {

    private double start;
    private double lastTime;
    private double level;
    private double area;
    private double max;

    /** Starts observing at {@code time} with the level at {@code level}. */
    public TimeWeighted(double time, double level) {
        reset(time, level);
    }

    /** Forgets the past and starts again at {@code time}, keeping the current level; used to drop a warm-up. */
    public void restart(double time) {
        reset(time, level);
    }

    private void reset(double time, double newLevel) {
        start = time;
        lastTime = time;
        level = newLevel;
        area = 0;
        max = newLevel;
    }

    /** The level changes to {@code newLevel} at {@code time}. */
    public void set(double time, double newLevel) {
        if (time < lastTime) {
            throw new IllegalArgumentException("time went backwards: " + time + " < " + lastTime);
        }
        area += level * (time - lastTime);
        lastTime = time;
        level = newLevel;
        if (newLevel > max) {
            max = newLevel;
        }
    }

    /** Adds {@code delta} to the level at {@code time}. */
    public void add(double time, double delta) {
        set(time, level + delta);
    }

    /** The current level. */
    public double level() {
        return level;
    }

    /** The highest level seen since the start. */
    public double max() {
        return max;
    }

    /** The average level from the start to {@code time}; NaN for an empty span. */
    public double mean(double time) {
        double span = time - start;
        if (!(span > 0)) {
            return Double.NaN;
        }
        return (area + level * (time - lastTime)) / span;
    }
}
