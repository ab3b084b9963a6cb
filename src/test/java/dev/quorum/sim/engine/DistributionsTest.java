package dev.quorum.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    private static final int N = 200_000;

    private static double[] sample(Distribution d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[N];
        for (int i = 0; i < N; i++) {
            v[i] = d.sample(r);
        }
        return v;
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElseThrow();
    }

    private static double sd(double[] v) {
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(x -> (x - m) * (x - m)).sum() / (v.length - 1));
    }

    @Test
    void exponentialHasItsMeanAndStandardDeviation() {
        double[] v = sample(new Exponential(2), 1);
        assertThat(mean(v)).isCloseTo(2, within(0.02));
        assertThat(sd(v)).isCloseTo(2, within(0.03));
        assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(0);
        assertThat(Exponential.ofRate(4).mean()).isEqualTo(0.25);
    }

    @Test
    void lognormalFromMeanAndCvHasThatMeanAndCv() {
        LogNormal d = LogNormal.ofMeanAndCv(3, 0.5);
        assertThat(d.mean()).isCloseTo(3, within(1e-12));
        double[] v = sample(d, 2);
        assertThat(mean(v)).isCloseTo(3, within(0.02));
        assertThat(sd(v) / mean(v)).isCloseTo(0.5, within(0.01));
    }

    @Test
    void normalHasItsMeanAndSd() {
        double[] v = sample(new Normal(10, 2), 3);
        assertThat(mean(v)).isCloseTo(10, within(0.02));
        assertThat(sd(v)).isCloseTo(2, within(0.02));
        // About 95.45% within two standard deviations.
        long inside = Arrays.stream(v).filter(x -> Math.abs(x - 10) <= 4).count();
        assertThat((double) inside / N).isCloseTo(0.9545, within(0.002));
    }

    @Test
    void uniformStaysInItsBounds() {
        double[] v = sample(new Uniform(5, 7), 4);
        assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(5);
        assertThat(Arrays.stream(v).max().orElseThrow()).isLessThan(7);
        assertThat(mean(v)).isCloseTo(6, within(0.01));
    }

    @Test
    void deterministicAlwaysGivesItsValueAndDrawsNothing() {
        SplittableRandom r = new SplittableRandom(5);
        SplittableRandom twin = new SplittableRandom(5);
        assertThat(new Deterministic(1.5).sample(r)).isEqualTo(1.5);
        assertThat(r.nextLong()).isEqualTo(twin.nextLong());
    }

    @Test
    void empiricalReproducesTheObservationsRangeAndMean() {
        Empirical d = Empirical.of(List.of(4.0, 1.0, 3.0, 2.0));
        double[] v = sample(d, 6);
        assertThat(Arrays.stream(v).min().orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(Arrays.stream(v).max().orElseThrow()).isLessThanOrEqualTo(4);
        assertThat(d.mean()).isEqualTo(2.5);
        assertThat(mean(v)).isCloseTo(2.5, within(0.01));
        // The piecewise-linear CDF puts a third of the mass between each pair of neighbours.
        long low = Arrays.stream(v).filter(x -> x < 2).count();
        assertThat((double) low / N).isCloseTo(1.0 / 3, within(0.005));
        assertThat(Empirical.of(List.of(9.0)).sample(new SplittableRandom(1))).isEqualTo(9);
        assertThat(d).isEqualTo(Empirical.of(List.of(1.0, 2.0, 3.0, 4.0)));
    }

    @Test
    void poissonCountsHaveMeanAndVarianceEqualToTheMean() {
        for (double mean : new double[] {0.3, 4, 25, 1000, 1e6}) {
            SplittableRandom r = new SplittableRandom((long) mean);
            int n = 100_000;
            double sum = 0;
            double sumSq = 0;
            for (int i = 0; i < n; i++) {
                long k = PoissonCounts.sample(r, mean);
                assertThat(k).isNotNegative();
                sum += k;
                sumSq += (double) k * k;
            }
            double m = sum / n;
            double var = sumSq / n - m * m;
            assertThat(m).as("mean of Poisson(%s)", mean).isCloseTo(mean, within(4 * Math.sqrt(mean / n)));
            assertThat(var / mean).as("variance / mean of Poisson(%s)", mean).isCloseTo(1, within(0.03));
        }
        assertThat(PoissonCounts.sample(new SplittableRandom(1), 0)).isZero();
        assertThat(PoissonCounts.logFactorial(20)).isCloseTo(Math.log(2432902008176640000.0), within(1e-9));
    }

    @Test
    void invalidParametersAreRefused() {
        assertThatThrownBy(() -> new Exponential(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LogNormal.ofMeanAndCv(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Uniform(2, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Normal(0, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Empirical.of(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PoissonCounts.sample(new SplittableRandom(1), Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
