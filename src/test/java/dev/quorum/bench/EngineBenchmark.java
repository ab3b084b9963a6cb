package dev.quorum.bench;

import dev.quorum.sim.engine.Event;
import dev.quorum.sim.engine.Exponential;
import dev.quorum.sim.engine.RandomStreams;
import dev.quorum.sim.engine.Simulation;
import dev.quorum.sim.engine.Tally;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The simulation engine against a plain hand-written binary-heap loop of the same M/M/c queue, in one JVM
 * run. Both draw the same random numbers in the same order, so both must report the same mean wait; the
 * harness checks that before it reports a time.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.quorum.bench.EngineBenchmark [runs] [customers]</pre>
 */
public final class EngineBenchmark {

    static final int SERVERS = 8;
    static final double ARRIVAL_RATE = 7.2;
    static final double SERVICE_RATE = 1.0;
    static final long SEED = 2026;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        long customers = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long[] engine = new long[runs];
        long[] hand = new long[runs];
        Result e = null;
        Result h = null;
        // Warm both paths up first so the medians compare compiled code with compiled code.
        for (int i = 0; i < 3; i++) {
            new EngineMmc(customers).run();
            new HandLoop(customers).run();
        }
        for (int i = 0; i < runs; i++) {
            // Alternate which loop goes first, and collect garbage outside the timed section, so neither
            // loop pays for the other's allocations.
            boolean engineFirst = i % 2 == 0;
            for (int k = 0; k < 2; k++) {
                System.gc();
                long t0 = System.nanoTime();
                if (engineFirst == (k == 0)) {
                    e = new EngineMmc(customers).run();
                    engine[i] = System.nanoTime() - t0;
                } else {
                    h = new HandLoop(customers).run();
                    hand[i] = System.nanoTime() - t0;
                }
            }
        }
        if (!e.equals(h)) {
            throw new AssertionError("engine and hand loop disagree: " + e + " vs " + h);
        }
        double erlangC = erlangCWait(SERVERS, ARRIVAL_RATE, SERVICE_RATE);
        double em = median(engine) / 1e9;
        double hm = median(hand) / 1e9;
        System.out.printf(Locale.ROOT, "M/M/%d, lambda %.1f, mu %.1f, %,d customers, %,d events per run, %d runs%n",
                SERVERS, ARRIVAL_RATE, SERVICE_RATE, customers, e.events, runs);
        System.out.printf(Locale.ROOT, "mean wait: %.4f (both); Erlang C: %.4f%n", e.meanWait, erlangC);
        System.out.println("| loop | median | min | max | events/s (median) |");
        System.out.println("|---|---|---|---|---|");
        row("engine (dev.quorum.sim.engine)", engine, e.events);
        row("hand-written binary-heap loop", hand, h.events);
        System.out.printf(Locale.ROOT, "engine / hand loop (median): %.2fx%n", em / hm);
    }

    private static void row(String name, long[] nanos, long events) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        double med = median(nanos) / 1e9;
        System.out.printf(Locale.ROOT, "| %s | %.3f s | %.3f s | %.3f s | %.2fM |%n", name, med, s[0] / 1e9,
                s[s.length - 1] / 1e9, events / med / 1e6);
    }

    private static double median(long[] values) {
        long[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    /** Erlang C mean wait in queue, Wq = C(c, a) / (c mu - lambda), via the Erlang B recursion. */
    static double erlangCWait(int c, double lambda, double mu) {
        double a = lambda / mu;
        double b = 1;
        for (int k = 1; k <= c; k++) {
            b = a * b / (k + a * b);
        }
        double pWait = c * b / (c - a * (1 - b));
        return pWait / (c * mu - lambda);
    }

    /** What both loops report: the wait statistics the engine's Tally keeps, and the events fired. */
    record Result(double meanWait, double variance, double minWait, double maxWait, double totalWait, long events) {
    }

    /** M/M/c on the engine: two event objects, a FIFO of arrival times, a tally of waits. */
    static final class EngineMmc {
        private final long customers;
        private final Simulation sim = new Simulation();
        private final SplittableRandom arrivals;
        private final SplittableRandom services;
        private final Exponential interArrival = Exponential.ofRate(ARRIVAL_RATE);
        private final Exponential service = Exponential.ofRate(SERVICE_RATE);
        private final Tally waits = new Tally();
        private double[] queue = new double[1024];
        private int head;
        private int size;
        private int busy;
        private long arrived;
        private final Event arrival = this::onArrival;
        private final Event departure = this::onDeparture;

        EngineMmc(long customers) {
            this.customers = customers;
            RandomStreams streams = new RandomStreams(SEED);
            arrivals = streams.stream("arrivals");
            services = streams.stream("service");
        }

        Result run() {
            sim.schedule(interArrival.sample(arrivals), arrival);
            sim.run();
            return new Result(waits.mean(), waits.variance(), waits.min(), waits.max(), waits.sum(), sim.eventsFired());
        }

        private void onArrival() {
            if (++arrived < customers) {
                sim.schedule(interArrival.sample(arrivals), arrival);
            }
            if (busy < SERVERS) {
                busy++;
                waits.add(0);
                sim.schedule(service.sample(services), departure);
            } else {
                if (size == queue.length) {
                    double[] bigger = new double[queue.length * 2];
                    for (int i = 0; i < size; i++) {
                        bigger[i] = queue[(head + i) & (queue.length - 1)];
                    }
                    queue = bigger;
                    head = 0;
                }
                queue[(head + size++) & (queue.length - 1)] = sim.now();
            }
        }

        private void onDeparture() {
            if (size > 0) {
                double arrivedAt = queue[head];
                head = (head + 1) & (queue.length - 1);
                size--;
                waits.add(sim.now() - arrivedAt);
                sim.schedule(service.sample(services), departure);
            } else {
                busy--;
            }
        }
    }

    /** The same model as one method: a binary heap of (time, kind) in two arrays, no engine, no objects. */
    static final class HandLoop {
        private final long customers;

        HandLoop(long customers) {
            this.customers = customers;
        }

        Result run() {
            RandomStreams streams = new RandomStreams(SEED);
            SplittableRandom arrivals = streams.stream("arrivals");
            SplittableRandom services = streams.stream("service");
            double meanInter = 1 / ARRIVAL_RATE;
            double meanService = 1 / SERVICE_RATE;
            double[] time = new double[64];
            int[] kind = new int[64];
            int n = 0;
            double[] queue = new double[1 << 20];
            int qHead = 0;
            int qSize = 0;
            int busy = 0;
            long arrived = 0;
            long events = 0;
            // The same statistics as the engine's Tally (Welford mean and variance, max, sum), so both do equal work.
            long waitCount = 0;
            double waitMean = 0;
            double waitM2 = 0;
            double waitMax = Double.NEGATIVE_INFINITY;
            double waitMin = Double.POSITIVE_INFINITY;
            double waitSum = 0;
            // push arrival
            time[0] = -meanInter * StrictMath.log(1.0 - arrivals.nextDouble());
            kind[0] = 0;
            n = 1;
            while (n > 0) {
                double now = time[0];
                int k = kind[0];
                // pop
                n--;
                double lt = time[n];
                int lk = kind[n];
                int hole = 0;
                while (2 * hole + 1 < n) {
                    int c = 2 * hole + 1;
                    if (c + 1 < n && time[c + 1] < time[c]) {
                        c++;
                    }
                    if (lt <= time[c]) {
                        break;
                    }
                    time[hole] = time[c];
                    kind[hole] = kind[c];
                    hole = c;
                }
                time[hole] = lt;
                kind[hole] = lk;
                events++;
                double nextTime = Double.NaN;
                int nextKind = -1;
                double extraTime = Double.NaN;
                if (k == 0) {
                    if (++arrived < customers) {
                        nextTime = now - meanInter * StrictMath.log(1.0 - arrivals.nextDouble());
                        nextKind = 0;
                    }
                    if (busy < SERVERS) {
                        busy++;
                        waitCount++;
                        double d0 = 0 - waitMean;
                        waitMean += d0 / waitCount;
                        waitM2 += d0 * (0 - waitMean);
                        waitMin = Math.min(waitMin, 0);
                        waitMax = Math.max(waitMax, 0);
                        extraTime = now - meanService * StrictMath.log(1.0 - services.nextDouble());
                    } else {
                        if (qSize == queue.length) {
                            throw new IllegalStateException("the hand loop's fixed queue overflowed");
                        }
                        queue[(qHead + qSize++) & (queue.length - 1)] = now;
                    }
                } else {
                    if (qSize > 0) {
                        double w = now - queue[qHead];
                        qHead = (qHead + 1) & (queue.length - 1);
                        qSize--;
                        waitCount++;
                        double dw = w - waitMean;
                        waitMean += dw / waitCount;
                        waitM2 += dw * (w - waitMean);
                        waitSum += w;
                        if (w < waitMin) {
                            waitMin = w;
                        }
                        if (w > waitMax) {
                            waitMax = w;
                        }
                        extraTime = now - meanService * StrictMath.log(1.0 - services.nextDouble());
                    } else {
                        busy--;
                    }
                }
                for (int j = 0; j < 2; j++) {
                    double t = j == 0 ? nextTime : extraTime;
                    if (Double.isNaN(t)) {
                        continue;
                    }
                    int kk = j == 0 ? nextKind : 1;
                    if (n == time.length) {
                        time = Arrays.copyOf(time, n * 2);
                        kind = Arrays.copyOf(kind, n * 2);
                    }
                    int h = n++;
                    while (h > 0) {
                        int p = (h - 1) >>> 1;
                        if (time[p] <= t) {
                            break;
                        }
                        time[h] = time[p];
                        kind[h] = kind[p];
                        h = p;
                    }
                    time[h] = t;
                    kind[h] = kk;
                }
            }
            return new Result(waitMean, waitM2 / (waitCount - 1), waitMin, waitMax, waitSum, events);
        }
    }
}
