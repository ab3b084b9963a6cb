package dev.quorum.bench;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.ui.QuorumApp;
import dev.quorum.ui.section.PersistenceViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * Measures the editing workbench on the large generated design (400 tables, 300 queries) in a real window:
 * <ul>
 *   <li>keystroke to findings: from a key typed into a field to the findings of the new design shown;</li>
 *   <li>the longest the FX thread is blocked during a scripted editing session (typing in fields and in the
 *       schema SQL, adding and removing rows, undo and redo, saving to a file, autosaving to the project
 *       store), by a watchdog that posts a task to the FX thread every 5 ms and records how late each runs.</li>
 * </ul>
 * Run it on a display (Xvfb is fine): {@code DISPLAY=:99 java -cp ... dev.quorum.bench.WorkbenchEditingBenchmark [keystrokes]}.
 */
public final class WorkbenchEditingBenchmark {

    private WorkbenchEditingBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int keystrokes = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Path dir = Files.createTempDirectory("quorum-bench-");
        Path file = dir.resolve("large.quorum.yaml");
        new DesignService().save(DesignFile.of(LargeDesign.generate(400, 300)), file);

        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        AtomicReference<QuorumApp> appRef = new AtomicReference<>();
        onFx(() -> {
            QuorumApp app = new QuorumApp(file, dir.resolve("home"));
            app.start(new Stage());
            appRef.set(app);
            return null;
        });
        QuorumApp app = appRef.get();
        Watchdog watchdog = new Watchdog(onFx(Thread::currentThread));
        watchdog.start();
        if (DIRTY != null) {
            onFx(() -> {
                javafx.scene.Scene scene = app.view().root().getScene();
                scene.addPreLayoutPulseListener(() -> {
                    if (watchdog.phase.startsWith(DIRTY)) {
                        countLayoutRequests(scene.getRoot(), "");
                        countCssRequests(scene.getRoot(), "");
                    }
                });
                scene.addPostLayoutPulseListener(() -> {
                    if (watchdog.phase.startsWith(DIRTY)) {
                        countDirty(scene.getRoot());
                        countLayoutRequests(scene.getRoot(), "AFTER");
                    }
                });
                return null;
            });
        }
        // Not editing phases: what the window does on its own while the design opens, then while it sits idle and
        // the warm-ups and the section editors built ahead run (they start 1.5 s after the first frame).
        watchdog.phase("the window opens the design (not editing)");
        waitFor(() -> app.model().design().design() != null && !app.model().busyProperty().get(), 120);
        waitFor(() -> !app.model().problems().all().isEmpty(), 120);
        watchdog.phase("idle after the design opened: warm-ups, section editors built ahead (not editing)");
        Thread.sleep(3500);
        if (Boolean.getBoolean("bench.noPreview")) {
            onFx(() -> {
                javafx.scene.Node pane = app.view().root().lookup("#preview-pane");
                ((javafx.scene.control.SplitPane) app.view().root().lookup("#main-split")).getItems().remove(pane);
                return null;
            });
        }
        Thread.sleep(1500);
        System.out.printf(Locale.ROOT, "design open: %d findings, %d data elements, %d queries%n",
                onFx(() -> app.model().problems().all().size()),
                onFx(() -> app.model().design().design().persistence().dataElements().size()),
                onFx(() -> app.model().design().design().queries().size()));

        // Keystroke to findings, one isolated keystroke at a time, in a text field of the Consistency section.
        AtomicLong findingsAt = new AtomicLong();
        onFx(() -> {
            app.model().problems().indexProperty().addListener((o, was, is) -> findingsAt.set(System.nanoTime()));
            app.view().tree().select("consistency");
            return null;
        });
        Thread.sleep(500);
        TextInputControl field = onFx(() -> (TextInputControl) app.view().sectionView("consistency")
                .editor("consistency.implementation").control());
        onFx(() -> {
            field.requestFocus();
            field.end();
            return null;
        });
        watchdog.phase("isolated keystrokes in a text field, with live validation");
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < keystrokes; i++) {
            long before = findingsAt.get();
            char c = (char) ('a' + i % 26);
            long t0 = onFx(() -> {
                long t = System.nanoTime();
                type(field, c);
                return t;
            });
            waitFor(() -> findingsAt.get() != before && findingsAt.get() > t0
                    && !app.model().busyProperty().get(), 30);
            latencies.add((findingsAt.get() - t0) / 1e6);
            Thread.sleep(250);
        }

        // The rest of a scripted editing session: a burst of typing, the schema SQL, rows, undo and redo, saving.
        watchdog.phase("typing bursts (16 keys/s) in a text field");
        for (int i = 0; i < 40; i++) {
            onFx(() -> {
                type(field, 'x');
                return null;
            });
            Thread.sleep(60);
        }
        // The preview follows 700 ms after typing pauses; waited for in a phase of its own, so that it is neither
        // counted in the next phase nor hidden by it.
        String previewPhase = "the Markdown preview following the edits (700 ms after typing pauses)";
        watchdog.phase(previewPhase);
        Thread.sleep(1500);
        waitFor(() -> !app.model().busyProperty().get(), 60);
        watchdog.phase("opening the Schema section (2,000-line SQL editor, built on first use)");
        onFx(() -> {
            app.view().tree().select("schema");
            return null;
        });
        Thread.sleep(1500);
        watchdog.phase("typing in the 2,000-line schema SQL");
        var sql = onFx(() -> app.view().sectionView("schema").editor("schema.sql").code().area());
        onFx(() -> {
            sql.requestFocus();
            sql.moveTo(0);
            return null;
        });
        for (int i = 0; i < 20; i++) {
            onFx(() -> {
                sql.insertText(sql.getCaretPosition(), "-");
                return null;
            });
            Thread.sleep(120);
        }
        watchdog.phase(previewPhase);
        Thread.sleep(1500);
        waitFor(() -> !app.model().busyProperty().get(), 60);
        watchdog.phase("switching to the Data Persistence section");
        onFx(() -> {
            app.view().tree().select("persistence");
            return null;
        });
        Thread.sleep(800);
        // Against the first opening above, this tells what is the first time's cost (code, styles and fonts used for
        // the first time) from what every opening costs.
        watchdog.phase("opening the Schema section again, then Data Persistence again");
        onFx(() -> {
            app.view().tree().select("schema");
            return null;
        });
        Thread.sleep(800);
        onFx(() -> {
            app.view().tree().select("persistence");
            return null;
        });
        Thread.sleep(800);
        watchdog.phase("adding and removing rows of the 400-row table");
        PersistenceViewModel persistence = onFx(() -> app.model().design().section(PersistenceViewModel.class));
        for (int i = 0; i < 10; i++) {
            onFx(() -> {
                persistence.dataElements().select(5);
                persistence.dataElements().addRow();
                return null;
            });
            Thread.sleep(150);
            onFx(() -> {
                persistence.dataElements().removeSelected();
                return null;
            });
            Thread.sleep(150);
        }
        watchdog.phase("undo and redo");
        for (int i = 0; i < 15; i++) {
            onFx(app.model()::undo);
            Thread.sleep(80);
        }
        for (int i = 0; i < 15; i++) {
            onFx(app.model()::redo);
            Thread.sleep(80);
        }
        watchdog.phase("saving to a file (atomic write in the background)");
        for (int i = 0; i < 3; i++) {
            Path target = dir.resolve("saved-" + i + ".quorum.yaml");
            onFx(() -> app.model().files().saveAs(target));
            Thread.sleep(700);
        }
        waitFor(() -> !app.model().busyProperty().get(), 60);
        Thread.sleep(1200);

        // The project store: the design becomes a store project, then typing bursts are autosaved to it.
        watchdog.phase("opening the project store and the design as a store project");
        onFx(() -> {
            app.projects().start();
            return null;
        });
        waitFor(() -> app.projects().readyProperty().get() && !app.model().busyProperty().get(), 120);
        java.util.UUID id = app.projects().service().create(onFx(() -> app.model().design().session().fileProperty().get()),
                "benchmark").project().id();
        onFx(() -> {
            app.projects().open(id, () -> { });
            return null;
        });
        waitFor(() -> app.model().project().projectProperty().get() != null && !app.model().busyProperty().get(), 120);
        Thread.sleep(1000);
        watchdog.phase("typing, then autosaving to the store (10 coalesced autosaves of the 400-table design)");
        TextInputControl again = onFx(() -> {
            app.view().tree().select("consistency");
            return (TextInputControl) app.view().sectionView("consistency").editor("consistency.implementation").control();
        });
        for (int i = 0; i < 10; i++) {
            for (int k = 0; k < 5; k++) {
                onFx(() -> {
                    type(again, 'y');
                    return null;
                });
                Thread.sleep(60);
            }
            onFx(() -> app.model().project().autosave());
            waitFor(() -> app.model().saveStateProperty().get().startsWith("Autosaved") && !app.model().busyProperty().get(), 60);
            Thread.sleep(300);
        }
        Thread.sleep(500);
        watchdog.stop();
        for (var e : watchdog.phases().entrySet()) {
            System.out.printf(Locale.ROOT, "  %-75s longest block %6.1f ms%n", e.getKey(), e.getValue());
        }
        watchdog.printBlame();
        watchdog.printProfile();
        printDirty();

        Collections.sort(latencies);
        System.out.printf(Locale.ROOT, "keystroke to findings (%d isolated keystrokes): median %.1f ms, min %.1f ms, p90 %.1f ms,"
                + " p95 %.1f ms, max %.1f ms%n", latencies.size(), median(latencies), latencies.get(0),
                latencies.get((int) Math.floor(latencies.size() * 0.9)),
                latencies.get((int) Math.min(latencies.size() - 1, Math.ceil(latencies.size() * 0.95) - 1)),
                latencies.get(latencies.size() - 1));
        System.out.printf(Locale.ROOT, "FX thread during the session: longest block %.1f ms, 99th percentile %.1f ms,"
                + " %d probes, %d over 50 ms%n", watchdog.max(), watchdog.percentile(0.99), watchdog.count(),
                watchdog.over(50));
        Platform.exit();
        System.exit(0);
    }

    private static void type(TextInputControl field, char c) {
        // The same events a key press sends; the field's own behaviour inserts the character.
        String s = String.valueOf(c);
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_TYPED, s, "", KeyCode.UNDEFINED, false, false, false, false));
        Event.fireEvent(field, new KeyEvent(KeyEvent.KEY_RELEASED, "", "", KeyCode.UNDEFINED, false, false, false, false));
    }

    private static double median(List<Double> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }

    private static void waitFor(Supplier<Boolean> condition, int seconds) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < end) {
            if (onFx(condition::get)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new IllegalStateException("timed out");
    }

    /**
     * With {@code -Dbench.dirty=PREFIX}: after each layout pass during the phases whose names start with PREFIX, counts
     * the nodes JavaFX will repaint (those marked dirty), by class, id and style class, to find what repaints when
     * nothing should.
     */
    private static final String DIRTY = System.getProperty("bench.dirty");
    private static final java.util.Map<String, Integer> DIRTY_NODES = new java.util.HashMap<>();

    private static void countDirty(javafx.scene.Node node) {
        if (com.sun.javafx.scene.NodeHelper.isDirtyEmpty(node)) {
            // Nothing of the node itself changed; its children may have.
        } else {
            StringBuilder bits = new StringBuilder();
            for (com.sun.javafx.scene.DirtyBits bit : com.sun.javafx.scene.DirtyBits.values()) {
                if (com.sun.javafx.scene.NodeHelper.isDirty(node, bit)) {
                    bits.append(' ').append(bit);
                }
            }
            DIRTY_NODES.merge(node.getClass().getSimpleName() + "#" + node.getId() + node.getStyleClass() + bits, 1,
                    Integer::sum);
        }
        if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                countDirty(child);
            }
        }
    }

    private static java.lang.reflect.Field cssFlag;

    /** Counts the topmost nodes whose styles are to be worked out again: where a CSS pass starts from. */
    private static void countCssRequests(javafx.scene.Node node, String path) {
        try {
            if (cssFlag == null) {
                cssFlag = javafx.scene.Node.class.getDeclaredField("cssFlag");
                cssFlag.setAccessible(true);
            }
            String here = path + "/" + node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId())
                    + node.getStyleClass();
            Object flag = cssFlag.get(node);
            if (!"CLEAN".equals(String.valueOf(flag)) && !"DIRTY_BRANCH".equals(String.valueOf(flag))) {
                String cell = node instanceof javafx.scene.control.IndexedCell<?> c
                        ? " index " + c.getIndex() + " visible " + c.isVisible() + " " + c.getPseudoClassStates() : "";
                DIRTY_NODES.merge("CSS " + flag + " " + (here.length() > 200 ? "..." + here.substring(here.length() - 200) : here)
                        + cell, 1, Integer::sum);
                return;
            }
            if (node instanceof javafx.scene.Parent p) {
                for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                    countCssRequests(child, here);
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts the deepest parents that asked for a layout: where a layout pass starts from. */
    private static boolean countLayoutRequests(javafx.scene.Node node, String path) {
        if (!(node instanceof javafx.scene.Parent p) || !p.isNeedsLayout()) {
            return false;
        }
        String here = path + "/" + node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId());
        boolean deeper = false;
        for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
            deeper |= countLayoutRequests(child, here);
        }
        if (!deeper) {
            DIRTY_NODES.merge("LAYOUT " + here, 1, Integer::sum);
        }
        return true;
    }

    private static void printDirty() {
        if (DIRTY == null) {
            return;
        }
        System.out.println("nodes marked for repaint after layout, phases starting '" + DIRTY + "':");
        DIRTY_NODES.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(40)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %5d  %s%n", e.getValue(), e.getKey()));
    }

    /**
     * Posts a probe to the FX thread every 5 ms and records how late each one runs, per phase of the session.
     * With {@code -Dbench.blame=true} it also samples the FX thread's stack every 5 ms while a probe is more than
     * 20 ms late, and prints per phase where those samples were (the innermost Quorum frames), to say what blocked.
     */
    private static final class Watchdog {
        private static final boolean BLAME = Boolean.getBoolean("bench.blame");
        private final Thread fxThread;
        private final java.util.Map<String, java.util.Map<String, Integer>> blame =
                Collections.synchronizedMap(new java.util.LinkedHashMap<>());

        Watchdog(Thread fxThread) {
            this.fxThread = fxThread;
        }

        private final List<Double> delays = Collections.synchronizedList(new ArrayList<>());
        private final java.util.Map<String, Double> phases = Collections.synchronizedMap(new java.util.LinkedHashMap<>());
        private volatile String phase = "";

        void phase(String name) {
            phase = name;
            phases.putIfAbsent(name, 0.0);
            if (Boolean.getBoolean("javafx.pulseLogger") || Boolean.getBoolean("bench.phaseTimes")) {
                // Marks where a phase starts among the pulse logger's lines (and, in wall-clock ms, for a flight
                // recording), so that its slow pulses and samples can be told apart.
                System.err.println("PHASE: " + System.currentTimeMillis() + " " + name);
            }
        }

        java.util.Map<String, Double> phases() {
            return phases;
        }
        private volatile boolean running = true;
        private final Thread thread = new Thread(this::loop, "fx-watchdog");

        void start() {
            thread.setDaemon(true);
            thread.start();
            if (PROFILE != null) {
                Thread profiler = new Thread(this::profile, "fx-profiler");
                profiler.setDaemon(true);
                profiler.start();
            }
        }

        /**
         * With {@code -Dbench.profile=PREFIX}: samples the FX thread's stack every millisecond, whether late or not,
         * during the phases whose names start with PREFIX, and prints the methods most often on the stack. A flight
         * recording misses much of this thread's time (it samples only threads running Java code, and not at all on
         * some runs), so this is the way to see where a phase's first-time costs go.
         */
        private static final String PROFILE = System.getProperty("bench.profile");
        /** With {@code -Dbench.profileStacks=FILE} as well: every sampled stack, whole, for a closer look. */
        private static final java.io.PrintStream STACKS = openStacks(System.getProperty("bench.profileStacks"));

        private static java.io.PrintStream openStacks(String file) {
            try {
                return file == null ? null : new java.io.PrintStream(new java.io.FileOutputStream(file), true, "UTF-8");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        private final java.util.Map<String, Integer> onStack = new java.util.HashMap<>();
        private final java.util.Map<String, Integer> onTop = new java.util.HashMap<>();
        private int profiled;

        private void profile() {
            while (running) {
                if (phase.startsWith(PROFILE)) {
                    StackTraceElement[] stack = fxThread.getStackTrace();
                    java.util.Set<String> seen = new java.util.HashSet<>();
                    for (StackTraceElement f : stack) {
                        seen.add(f.getClassName() + "." + f.getMethodName());
                    }
                    synchronized (onStack) {
                        if (STACKS != null) {
                            StringBuilder one = new StringBuilder("STACK\n");
                            for (StackTraceElement f : stack) {
                                one.append(f.getClassName()).append('.').append(f.getMethodName()).append(':')
                                        .append(f.getLineNumber()).append('\n');
                            }
                            STACKS.print(one);
                        }
                        profiled++;
                        seen.forEach(m -> onStack.merge(m, 1, Integer::sum));
                        if (stack.length > 0) {
                            onTop.merge(stack[0].getClassName() + "." + stack[0].getMethodName(), 1, Integer::sum);
                        }
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void printProfile() {
            if (PROFILE == null) {
                return;
            }
            synchronized (onStack) {
                System.out.printf(Locale.ROOT, "FX thread profile of the phases starting '%s' (%d samples, 1 ms apart)%n", PROFILE, profiled);
                onStack.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(120)
                        .forEach(e -> System.out.printf(Locale.ROOT, "  on stack %5d  %s%n", e.getValue(), e.getKey()));
                onTop.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(30)
                        .forEach(e -> System.out.printf(Locale.ROOT, "  on top   %5d  %s%n", e.getValue(), e.getKey()));
            }
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        private void loop() {
            while (running) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                String during = phase;
                Platform.runLater(() -> {
                    double delay = (System.nanoTime() - posted) / 1e6;
                    delays.add(delay);
                    phases.merge(during, delay, Math::max);
                    ran.countDown();
                });
                try {
                    while (!ran.await(5, TimeUnit.MILLISECONDS)) {
                        if (BLAME && System.nanoTime() - posted > 20_000_000L) {
                            sample(during);
                        }
                    }
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void sample(String during) {
            StackTraceElement[] stack = fxThread.getStackTrace();
            List<String> frames = new ArrayList<>();
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("dev.quorum") && frames.size() < 4) {
                    frames.add(f.getClassName().replace("dev.quorum.", "") + "." + f.getMethodName() + ":" + f.getLineNumber());
                }
            }
            String top = stack.length == 0 ? "?" : stack[0].getClassName() + "." + stack[0].getMethodName();
            if (frames.isEmpty()) {
                // Outside Quorum's code: name the JavaFX frames instead (a parked FX thread waits for the renderer).
                for (StackTraceElement f : stack) {
                    if (frames.size() < 5 && (f.getClassName().startsWith("com.sun.javafx") || f.getClassName().startsWith("javafx"))) {
                        frames.add(f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName());
                    }
                }
            }
            String key = (frames.isEmpty() ? "(no JavaFX or Quorum frame)" : String.join(" < ", frames)) + "  [top: " + top + "]";
            blame.computeIfAbsent(during, k -> Collections.synchronizedMap(new java.util.HashMap<>())).merge(key, 1, Integer::sum);
        }

        void printBlame() {
            if (!BLAME) {
                return;
            }
            System.out.println("where the FX thread was while a probe was over 20 ms late (5 ms samples):");
            blame.forEach((during, counts) -> {
                System.out.println("  " + during);
                counts.entrySet().stream().sorted(java.util.Map.Entry.<String, Integer>comparingByValue().reversed()).limit(8)
                        .forEach(e -> System.out.printf(Locale.ROOT, "    %4d  %s%n", e.getValue(), e.getKey()));
            });
        }

        double max() {
            synchronized (delays) {
                return delays.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            }
        }

        double percentile(double p) {
            synchronized (delays) {
                List<Double> sorted = new ArrayList<>(delays);
                Collections.sort(sorted);
                return sorted.isEmpty() ? 0 : sorted.get((int) Math.min(sorted.size() - 1, Math.floor(sorted.size() * p)));
            }
        }

        int count() {
            return delays.size();
        }

        long over(double millis) {
            synchronized (delays) {
                return delays.stream().filter(d -> d > millis).count();
            }
        }
    }
}
