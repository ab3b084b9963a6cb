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
 * Time from launch to an interactive window, each start in a JVM of its own: the workbench with a sample open,
 * started as a user starts it ({@code bin/quorum}, which maps the window's class-data archive) and as a plain
 * {@code java -cp} of the build's classes, against the smallest JavaFX window ({@link HelloWorld}), alternating so
 * that all three see the same machine. A start ends when the child prints {@code QUORUM_INTERACTIVE <epoch ms>} at
 * the first pulse after its window shows (the workbench: after the design is in the window). Before the timed
 * starts, one untimed start through {@code bin/quorum} writes the archive, as a user's first start does. Run from
 * the project directory, on a display (Xvfb is fine), after {@code mvn package}:
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
        Path launcher = Path.of("bin", "quorum").toAbsolutePath();
        Files.deleteIfExists(Path.of("target", "quorum-workbench.jsa"));
        Path trainingHome = Files.createTempDirectory("quorum-startup-");
        double first = start(List.of(launcher.toString()), trainingHome, launcherOptions(trainingHome, sample), true);
        System.out.printf(Locale.ROOT, "first start through bin/quorum (writes the archive at exit): %.0f ms; archive %s%n",
                first, Files.exists(Path.of("target", "quorum-workbench.jsa")) ? "written" : "NOT written");
        List<Double> launched = new ArrayList<>();
        List<Double> plain = new ArrayList<>();
        List<Double> hello = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Path home = Files.createTempDirectory("quorum-startup-");
            launched.add(start(List.of(launcher.toString()), home, launcherOptions(home, sample), false));
            Path plainHome = Files.createTempDirectory("quorum-startup-");
            plain.add(start(List.of(java, "-cp", classpath, "-Dquorum.startupProbe=true", "-Dquorum.home=" + plainHome,
                    "-Dquorum.open=" + sample, "dev.quorum.Main"), plainHome, null, false));
            hello.add(start(List.of(java, "-cp", classpath, "dev.quorum.bench.HelloWorld$Launcher"), home, null, false));
            System.out.printf(Locale.ROOT, "run %d: workbench via bin/quorum %.0f ms, workbench plain java %.0f ms,"
                    + " hello world %.0f ms%n", i + 1, launched.get(i), plain.get(i), hello.get(i));
        }
        double w = median(launched);
        double p = median(plain);
        double h = median(hello);
        System.out.printf(Locale.ROOT, "launch to interactive, median of %d cold starts, %s:%n", runs, sample);
        System.out.printf(Locale.ROOT, "  workbench via bin/quorum  %5.0f ms (min %.0f, max %.0f), %.2f x hello world%n",
                w, Collections.min(launched), Collections.max(launched), w / h);
        System.out.printf(Locale.ROOT, "  workbench, plain java -cp %5.0f ms (min %.0f, max %.0f), %.2f x hello world%n",
                p, Collections.min(plain), Collections.max(plain), p / h);
        System.out.printf(Locale.ROOT, "  hello-world JavaFX window %5.0f ms (min %.0f, max %.0f)%n", h,
                Collections.min(hello), Collections.max(hello));
    }

    private static String launcherOptions(Path home, String sample) {
        return "-Dquorum.startupProbe=true -Dquorum.home=" + home + " -Dquorum.open=" + sample;
    }

    /**
     * Milliseconds from starting the process to its probe line; the process is then ended, and when
     * {@code waitForExit} waited for until it has gone (the first start writes the archive as it ends).
     */
    private static double start(List<String> command, Path home, String javaOptions, boolean waitForExit)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // The store and the settings go to a fresh directory, never the user's.
        builder.environment().put("QUORUM_HOME", home.toString());
        if (javaOptions != null) {
            builder.environment().put("QUORUM_JAVA_OPTS", javaOptions);
        }
        long t0 = System.currentTimeMillis();
        Process p = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("QUORUM_INTERACTIVE ")) {
                    long at = Long.parseLong(line.substring("QUORUM_INTERACTIVE ".length()).strip());
                    // The handle's destroy only signals; Process.destroy would also close the pipe being read.
                    p.toHandle().destroy();
                    // Drained, so that a child writing its archive at exit never blocks on a full pipe.
                    while (waitForExit && out.readLine() != null) {
                        // nothing to keep
                    }
                    return at - t0;
                }
            }
            throw new IllegalStateException("the child ended without a probe line: " + command);
        } finally {
            p.destroy();
            if (!p.waitFor(waitForExit ? 180 : 10, TimeUnit.SECONDS)) {
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
