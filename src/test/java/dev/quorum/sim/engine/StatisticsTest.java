package dev.quorum.sim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void tallyMatchesTheTextbookFormulas() {
        Tally t = new Tally();
        double[] v = {2, 4, 4, 4, 5, 5, 7, 9};
        for (double x : v) {
            t.add(x);
        }
        assertThat(t.count()).isEqualTo(8);
        assertThat(t.mean()).isEqualTo(5);
        assertThat(t.sum()).isEqualTo(40);
        assertThat(t.variance()).isCloseTo(32.0 / 7, within(1e-12));
        assertThat(t.min()).isEqualTo(2);
        assertThat(t.max()).isEqualTo(9);
        assertThat(new Tally().mean()).isNaN();
    }

    @Test
    void timeWeightedAverageIsTheAreaOverTheSpan() {
        TimeWeighted q = new TimeWeighted(0, 0);
        q.set(1, 2);   // level 0 on [0,1)
        q.set(3, 1);   // level 2 on [1,3)
        q.add(4, 3);   // level 1 on [3,4), then 4
        // area = 0 + 4 + 1 + 4 x (6 - 4) = 13 over 6
        assertThat(q.mean(6)).isCloseTo(13.0 / 6, within(1e-12));
        assertThat(q.max()).isEqualTo(4);
        q.restart(6);
        q.set(8, 0);
        assertThat(q.mean(10)).isCloseTo(2, within(1e-12));
    }

    @Test
    void percentilesAgreeWithASortedArrayToThreeDigits() {
        SplittableRandom r = new SplittableRandom(9);
        Percentiles p = new Percentiles();
        double[] v = new double[100_000];
        for (int i = 0; i < v.length; i++) {
            v[i] = i % 10 == 0 ? 0 : -Math.log(1 - r.nextDouble()) * 0.02;
            p.record(v[i]);
        }
        Arrays.sort(v);
        for (double q : new double[] {50, 90, 99, 99.9}) {
            double exact = v[(int) Math.ceil(q / 100 * v.length) - 1];
            assertThat(p.percentile(q)).as("p%s", q).isCloseTo(exact, within(exact * 0.002));
        }
        // 10% are zeros: the 5th percentile is zero.
        assertThat(p.percentile(5)).isZero();
        assertThat(p.count()).isEqualTo(100_000);
        assertThat(p.max()).isCloseTo(v[v.length - 1], within(v[v.length - 1] * 0.002));
        Percentiles counted = new Percentiles();
        counted.recordCount(0.001, 99);
        counted.record(5);
        assertThat(counted.percentile(99)).isCloseTo(0.001, within(1e-5));
        assertThat(counted.percentile(100)).isCloseTo(5, within(0.01));
        assertThat(new Percentiles().percentile(50)).isNaN();
    }

    @Test
    void bucketedSeriesAggregatesPerBucket() {
        BucketedSeries sum = new BucketedSeries(10, 2, 3, BucketedSeries.Aggregate.SUM);
        BucketedSeries rate = new BucketedSeries(10, 2, 3, BucketedSeries.Aggregate.RATE);
        BucketedSeries mean = new BucketedSeries(10, 2, 3, BucketedSeries.Aggregate.MEAN);
        BucketedSeries max = new BucketedSeries(10, 2, 3, BucketedSeries.Aggregate.MAX);
        double[][] points = {{10, 1}, {11.9, 3}, {12, 5}, {9.9, 100}, {16, 100}};
        for (double[] pt : points) {
            sum.add(pt[0], pt[1]);
            rate.add(pt[0], pt[1]);
            mean.add(pt[0], pt[1]);
            max.add(pt[0], pt[1]);
        }
        assertThat(sum.values()).containsExactly(4.0, 5.0, 0.0);
        assertThat(rate.values()).containsExactly(2.0, 2.5, 0.0);
        assertThat(mean.values().subList(0, 2)).containsExactly(2.0, 5.0);
        assertThat(mean.values().get(2)).isNaN();
        assertThat(max.values().subList(0, 2)).containsExactly(3.0, 5.0);
    }

    @Test
    void summaryGivesStudentTConfidenceIntervals() {
        Summary s = Summary.of(List.of(1.0, 2.0, 3.0));
        assertThat(s.mean()).isEqualTo(2);
        assertThat(s.n()).isEqualTo(3);
        // sd 1, n 3, t(0.975, 2) = 4.303
        assertThat(s.halfWidth()).isCloseTo(4.303 / Math.sqrt(3), within(1e-9));
        Summary withMissing = Summary.of(List.of(1.0, Double.NaN, 3.0));
        assertThat(withMissing.n()).isEqualTo(2);
        assertThat(withMissing.mean()).isEqualTo(2);
        assertThat(Summary.of(List.of(5.0)).low()).isNaN();
        assertThat(Summary.of(List.of(Double.NaN)).mean()).isNaN();
        assertThat(StudentT.quantile975(30)).isEqualTo(2.042);
        assertThat(StudentT.quantile975(60)).isCloseTo(2.000, within(0.001));
        assertThat(StudentT.quantile975(1000)).isCloseTo(1.962, within(0.001));
    }
}
