package dev.quorum.sim.scenarios;

import dev.quorum.sim.engine.Distribution;
import dev.quorum.sim.engine.Exponential;
import java.util.SplittableRandom;

/**
 * The lag of one replication stream as a level that drifts: a new level is drawn from the lag distribution
 * at random moments (on average every {@code period}), and writes are applied in commit order, so a write is
 * never visible before one committed ahead of it. Drawing a fresh lag for every write instead would make the
 * stream's lag the maximum of many draws, far above the stated lag.
 */
final class LagProcess {

    private final Distribution levels;
    private final Exponential changes;
    private final SplittableRandom random;
    private double level;
    private double nextChange;
    private double lastApplied = Double.NEGATIVE_INFINITY;

    LagProcess(Distribution levels, double period, SplittableRandom random) {
        this.levels = levels;
        this.changes = new Exponential(period);
        this.random = random;
        this.level = levels.sample(random);
        this.nextChange = changes.sample(random);
    }

    /** When a write committed at {@code time} becomes visible at the other end; times must not decrease. */
    double applyTime(double time) {
        while (time >= nextChange) {
            level = levels.sample(random);
            nextChange += changes.sample(random);
        }
        lastApplied = Math.max(lastApplied, time + level);
        return lastApplied;
    }
}
