package dev.quorum.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Time from launch to an interactive window, each start in a JVM of its own: the workbench with a sample open
 * against the smallest JavaFX window ({@link HelloWorld}), alternating so that both see the same machine. A
 * start ends when the child prints {@code QUORUM_INTERACTIVE <epoch ms>} at the first pulse after its window
 * shows (the workbench: after the design is in the window). Run on a display (Xvfb is fine):
 * {@code DISPLAY=:99 java -cp target/classes:target/test-classes:$(cat cp.txt) dev.quorum.bench.StartupBenchmark [runs] [sample]}.
 */
public final class StartupBenchmark {

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String sample = args.length > 1 ? args[1] : "samples/ecommerce.quorum.yaml";
        String classpath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<Double> workbench = new ArrayList<>();
        List<Double> hello = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path home = Files.createTempDirectory("quorum-startup-");
            workbench.add(start(List.of(java, "-cp", classpath, "-Dquorum.startupProbe=true", "-Dquorum.home=" + home,
                    "-Dquorum.open=" + sample, "dev.quorum.Main"), home));
            hello.add(start(List.of(java, "-cp", classpath, "dev.quorum.bench.HelloWorld$Launcher"), home));
            System.out.printf(Locale.ROOT, "run %d: workbench %.0f ms, hello world %.0f ms%n", i + 1,
                    workbench.get(i), hello.get(i));
        }
        double w = median(workbench);
        double h = median(hello);
        System.out.printf(Locale.ROOT, "launch to interactive, median of %d cold starts: workbench with %s %.0f ms"
                + " (min %.0f, max %.0f), hello-world JavaFX window %.0f ms (min %.0f, max %.0f); ratio %.2f%n", runs, sample,
                w, Collections.min(workbench), Collections.max(workbench), h, Collections.min(hello),
                Collections.max(hello), w / h);
    }

    /** Milliseconds from starting the process to its probe line; the process is then ended. */
    private static double start(List<String> command, Path home) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The store and the settings go to a fresh directory, never the user's.
        builder.environment().put("QUORUM_HOME", home.toString());
        long t0 = System.currentTimeMillis();
        Process p = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("QUORUM_INTERACTIVE ")) {
                    return Long.parseLong(line.substring("QUORUM_INTERACTIVE ".length()).strip()) - t0;
                }
            }
            throw new IllegalStateException("the child ended without a probe line: " + command);
        } finally {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
