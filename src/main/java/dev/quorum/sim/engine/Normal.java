package dev.quorum.sim.engine;

import java.util.SplittableRandom;

/** The normal distribution, sampled by Box-Muller with StrictMath so every JVM draws the same values. */
public record Normal(double mean, double sd) implements Distribution {

    private static final double TWO_PI = 2 * Math.PI;

    public Normal {
        if (!Double.isFinite(mean) || !(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("normal needs a finite mean and sd >= 0, not " + mean + ", " + sd);
        }
    }

    @Override
    public double sample(SplittableRandom random) {
        return mean + sd * standard(random);
    }

    /** One standard normal draw from two uniforms; the second Box-Muller value is dropped to keep no state. */
    static double standard(SplittableRandom random) {
        double u1 = Distribution.openUnit(random);
        double u2 = random.nextDouble();
        return StrictMath.sqrt(-2 * StrictMath.log(u1)) * StrictMath.cos(TWO_PI * u2);
    }

    @Override
    public String describe() {
        return "normal, mean " + mean + ", sd " + sd;
    }
}
