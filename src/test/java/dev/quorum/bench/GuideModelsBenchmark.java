package dev.quorum.bench;

import dev.quorum.sim.scenarios.ModelRunner;
import dev.quorum.sim.scenarios.ParameterSet;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.guide.GuideModels;
import dev.quorum.sim.scenarios.guide.ScenarioModel;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * How long each guide model takes for the run the window starts (the card's defaults, 10 replications on the
 * machine's cores), in one warm JVM: the median and the slowest of several runs, and whether the median is under
 * the 200 ms below which the simulation view re-runs a model by itself when a parameter changes.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) dev.quorum.bench.GuideModelsBenchmark [runs]</pre>
 */
public final class GuideModelsBenchmark {

    private GuideModelsBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        ModelRunner runner = new ModelRunner();
        System.out.printf(Locale.ROOT, "%-28s %10s %10s  %s%n", "model", "median ms", "max ms", "auto re-run");
        for (ScenarioModel m : GuideModels.all()) {
            ParameterSet p = runner.resolve(m, null, Map.of());
            // Warm-up runs first, so the figures are for compiled code, as in a window that has been open a while.
            for (int i = 0; i < 3; i++) {
                runner.run(m, p, 1, 10, null, null);
            }
            long[] t = new long[runs];
            SimulationResult last = null;
            for (int i = 0; i < runs; i++) {
                long t0 = System.nanoTime();
                last = runner.run(m, p, 1 + i, 10, null, null);
                t[i] = System.nanoTime() - t0;
            }
            if (last.metrics().isEmpty()) {
                throw new AssertionError(m.id() + " reported nothing");
            }
            Arrays.sort(t);
            double median = t[runs / 2] / 1e6;
            System.out.printf(Locale.ROOT, "%-28s %10.1f %10.1f  %s%n", m.id(), median, t[runs - 1] / 1e6,
                    median < 200 ? "yes" : "no");
        }
    }
}
