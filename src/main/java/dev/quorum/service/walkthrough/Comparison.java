package dev.quorum.service.walkthrough;

import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.Unit;
import dev.quorum.sim.scenarios.guide.ScenarioModel.Measure;

/**
 * One measure of a scenario before and after the fix: the design's own variant (or the naive one when the
 * design already has the fix) against the recommended fix, on the same seeded workload.
 *
 * @param measure      what was measured, with its direction and whether the fix claims to improve it
 * @param beforeLabel  the variant measured before, as people read it
 * @param afterLabel   the fix, as people read it
 * @param before       the metric before
 * @param after        the metric after
 */
public record Comparison(Measure measure, String beforeLabel, String afterLabel, Metric before, Metric after) {

    /** The measure's label. */
    public String label() {
        return measure.label();
    }

    /** The measure's unit. */
    public Unit unit() {
        return measure.unit();
    }

    /** True when the fix moves the measure in its better direction. */
    public boolean improved() {
        return measure.improves(before.value(), after.value());
    }

    /** The change in words: "98% lower", "3.2x higher", "unchanged", or "" when either side is not a number. */
    public String changeText() {
        double b = before.value();
        double a = after.value();
        if (!Double.isFinite(b) || !Double.isFinite(a)) {
            return "";
        }
        if (a == b) {
            return "unchanged";
        }
        if (b == 0) {
            return a > 0 ? "up from zero" : "down from zero";
        }
        double ratio = a / b;
        if (ratio < 0) {
            return "";
        }
        if (ratio < 1) {
            return ratio <= 0.5 && ratio > 0 ? Unit.number(1 / ratio) + "x lower" : Unit.RATIO.format(1 - ratio) + " lower";
        }
        return ratio >= 2 ? Unit.number(ratio) + "x higher" : Unit.RATIO.format(ratio - 1) + " higher";
    }
}
