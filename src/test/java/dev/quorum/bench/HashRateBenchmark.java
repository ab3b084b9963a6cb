package dev.quorum.bench;

import dev.quorum.sim.scenarios.guide.HashRateProbe;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * This machine's password-hashing rates with Bouncy Castle: bcrypt at cost 10 and 12 and argon2id at OWASP's
 * minimum (m = 19 MiB, t = 2, p = 1), each the median of several measurements timed by the thread's CPU time (so that other work on the machine
 * does not lower them; the wall-clock rate is shown beside), for comparison with the
 * one-GPU rates the stolen-db model takes from published hashcat benchmarks.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.quorum.bench.HashRateBenchmark [runs] [cpu-seconds]</pre>
 */
public final class HashRateBenchmark {

    private HashRateBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        // Warm the JIT up on both functions first, so the medians measure compiled code.
        HashRateProbe.bcryptRate(8, 1);
        HashRateProbe.argon2idRate(1);
        HashRateProbe.Rate[] ten = measure(runs, () -> HashRateProbe.bcryptRate(10, seconds));
        HashRateProbe.Rate[] twelve = measure(runs, () -> HashRateProbe.bcryptRate(12, seconds));
        HashRateProbe.Rate[] argon = measure(runs, () -> HashRateProbe.argon2idRate(seconds));
        System.out.printf(Locale.ROOT, "%d measurements of %.1f CPU seconds each, one thread, %d processors, load average %.1f, Java %s%n",
                runs, seconds, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"));
        System.out.println("| function | median hashes per CPU second | min | max | ms of CPU per hash | median hashes per wall second |");
        System.out.println("|---|---|---|---|---|---|");
        row("bcrypt cost 10", ten);
        row("bcrypt cost 12", twelve);
        row("argon2id m=19 MiB, t=2, p=1", argon);
        System.out.printf(Locale.ROOT, "bcrypt cost 10 / cost 12 (median rates per CPU second): %.2f (2^2 = 4 expected)%n",
                median(ten, HashRateProbe.Rate::perCpuSecond) / median(twelve, HashRateProbe.Rate::perCpuSecond));
    }

    private static HashRateProbe.Rate[] measure(int runs, Supplier<HashRateProbe.Rate> rate) {
        HashRateProbe.Rate[] out = new HashRateProbe.Rate[runs];
        for (int i = 0; i < runs; i++) {
            System.gc();
            out[i] = rate.get();
        }
        return out;
    }

    private static void row(String name, HashRateProbe.Rate[] rates) {
        double[] cpu = Arrays.stream(rates).mapToDouble(HashRateProbe.Rate::perCpuSecond).sorted().toArray();
        double med = median(rates, HashRateProbe.Rate::perCpuSecond);
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.1f | %.2f |%n", name, med, cpu[0], cpu[cpu.length - 1], 1000 / med,
                median(rates, HashRateProbe.Rate::perSecond));
    }

    private static double median(HashRateProbe.Rate[] rates, ToDoubleFunction<HashRateProbe.Rate> f) {
        return median(Arrays.stream(rates).mapToDouble(f).toArray());
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
