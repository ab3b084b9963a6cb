package dev.quorum.diagram;

import guru.nidi.graphviz.engine.Format;
import guru.nidi.graphviz.engine.Graphviz;
import guru.nidi.graphviz.engine.GraphvizCmdLineEngine;
import guru.nidi.graphviz.engine.GraphvizV8Engine;
import guru.nidi.graphviz.engine.Rasterizer;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders DOT text to SVG or PNG through graphviz-java, with the {@code dot} binary when it is installed
 * and the bundled J2V8 engine otherwise, within a timeout.
 *
 * <p>graphviz-java keeps its engine in static state, and J2V8 keeps its V8 runtime per thread, so every
 * render in the process runs on one shared worker thread: the engine is chosen there, and a warm V8
 * stays warm. When a render times out the worker is abandoned (a V8 layout cannot be interrupted; the
 * {@code dot} process is killed by graphviz-java's own timeout) and the next render starts a new one.
 */
public final class DiagramRenderer {

    /** How long a render may take unless the caller says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** PNG resolution unless the caller says otherwise. */
    public static final int DEFAULT_DPI = 96;
    /** The longest side of a PNG; Graphviz scales larger drawings down to fit. */
    public static final int MAX_PNG_PIXELS = 12_000;

    private static final Object LOCK = new Object();
    private static ExecutorService worker = newWorker();
    // Set on the worker thread; volatile because a replacement worker is a different thread.
    private static volatile RenderEngine active;
    private static volatile long activeTimeoutSeconds;

    private final RenderEngine requested;
    private final Duration timeout;

    /** A renderer with the automatic engine and the default timeout. */
    public DiagramRenderer() {
        this(RenderEngine.AUTO, DEFAULT_TIMEOUT);
    }

    /** A renderer with a chosen engine and timeout. */
    public DiagramRenderer(RenderEngine engine, Duration timeout) {
        this.requested = engine == null ? RenderEngine.AUTO : engine;
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
        this.timeout = timeout;
    }

    /** The engine this renderer uses: AUTO resolved against the PATH. */
    public RenderEngine engine() {
        return requested == RenderEngine.AUTO ? (dotAvailable() ? RenderEngine.DOT : RenderEngine.J2V8) : requested;
    }

    /** True when a {@code dot} executable is on the PATH. */
    public static boolean dotAvailable() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && (Files.isExecutable(Path.of(dir, "dot")) || Files.isExecutable(Path.of(dir, "dot.exe")))) {
                return true;
            }
        }
        return false;
    }

    /** Serialises changes of graphviz-java's process-wide engine across all renderers. */
    private static final Object ENGINE_CHANGE = new Object();

    /** Renders as SVG, or as PNG at {@link #DEFAULT_DPI}. */
    public RenderedDiagram render(String dot, RenderFormat format) throws RenderException {
        return render(dot, format, DEFAULT_DPI);
    }

    /**
     * Renders the DOT text. For PNG the resolution is {@code dpi} and the longest side at most
     * {@link #MAX_PNG_PIXELS}. Blocks the calling thread for up to the timeout; never call it on a UI thread.
     */
    public RenderedDiagram render(String dot, RenderFormat format, int dpi) throws RenderException {
        return render(dot, format, dpi, MAX_PNG_PIXELS);
    }

    /** As {@link #render(String, RenderFormat, int)}, with the longest PNG side at most {@code maxPixels}. */
    public RenderedDiagram render(String dot, RenderFormat format, int dpi, int maxPixels) throws RenderException {
        RenderEngine engine = engine();
        if (engine == RenderEngine.DOT && !dotAvailable()) {
            throw new RenderException("the Graphviz 'dot' program is not installed; install the graphviz package or use the j2v8 engine",
                    dot, false, null);
        }
        String source = format == RenderFormat.PNG ? withBitmapSettings(dot, dpi, maxPixels) : dot;
        long start = System.nanoTime();
        Future<byte[]> job;
        synchronized (LOCK) {
            job = worker.submit(() -> renderOnWorker(source, format, engine));
        }
        try {
            byte[] bytes = job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new RenderedDiagram(bytes, format, engine, (System.nanoTime() - start) / 1_000_000);
        } catch (TimeoutException e) {
            job.cancel(true);
            abandonWorker();
            throw new RenderException("rendering took longer than " + describe(timeout) + " and was stopped; the diagram may be too large"
                    + " (try a neighbourhood or the tables-only overview)", dot, true, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new RenderException("Graphviz (" + engine.id() + ") could not render the diagram: " + oneLine(cause), dot, false, cause);
        } catch (InterruptedException e) {
            job.cancel(true);
            Thread.currentThread().interrupt();
            throw new RenderException("rendering was interrupted", dot, false, e);
        }
    }

    private byte[] renderOnWorker(String source, RenderFormat format, RenderEngine engine) throws Exception {
        long seconds = Math.max(1, (timeout.toMillis() + 999) / 1000);
        if (active != engine || engine == RenderEngine.DOT && activeTimeoutSeconds != seconds) {
            // graphviz-java keeps the engine in static state, and an engine's start-up reports back into the queue
            // of whichever useEngine call is newest; a render abandoned after a timeout may still be starting its
            // engine, so engine changes from every renderer take turns, or the late report overfills the new queue.
            synchronized (ENGINE_CHANGE) {
                if (engine == RenderEngine.DOT) {
                    Graphviz.useEngine(new GraphvizCmdLineEngine().timeout((int) seconds, TimeUnit.SECONDS));
                } else {
                    Graphviz.useEngine(new GraphvizV8Engine());
                }
            }
            active = engine;
            activeTimeoutSeconds = seconds;
        }
        Set<Path> before = engine == RenderEngine.DOT ? engineTempDirs() : Set.of();
        try {
            Graphviz graphviz = Graphviz.fromString(source);
            if (format == RenderFormat.SVG) {
                return graphviz.render(Format.SVG).toString().getBytes(StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (engine == RenderEngine.DOT) {
                graphviz.rasterize(Rasterizer.builtIn("png")).toOutputStream(out);
            } else {
                graphviz.render(Format.PNG).toOutputStream(out);
            }
            return out.toByteArray();
        } finally {
            if (engine == RenderEngine.DOT) {
                removeOwnTempDirs(before, source);
            }
        }
    }

    /**
     * graphviz-java's command-line engine leaves a folder with the DOT source and the output in
     * {@code java.io.tmpdir/GraphvizJava} for every render. Design content does not belong in a shared
     * temporary folder, so the folders this render made (those holding exactly our source) are deleted.
     */
    private static void removeOwnTempDirs(Set<Path> before, String source) {
        for (Path dir : engineTempDirs()) {
            if (before.contains(dir)) {
                continue;
            }
            try {
                Path dotFile = dir.resolve("dotfile.dot");
                if (Files.isRegularFile(dotFile) && Files.readString(dotFile, StandardCharsets.UTF_8).equals(source)) {
                    try (Stream<Path> files = Files.list(dir)) {
                        for (Path f : files.toList()) {
                            Files.deleteIfExists(f);
                        }
                    }
                    Files.deleteIfExists(dir);
                }
            } catch (IOException | UncheckedIOException e) {
                // Best effort: a folder we cannot read or delete is left to the system's temp cleaning.
            }
        }
    }

    private static Set<Path> engineTempDirs() {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "GraphvizJava");
        if (!Files.isDirectory(root)) {
            return Set.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("DotEngine")).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException e) {
            return Set.of();
        }
    }

    /**
     * Puts the bitmap resolution and a size cap first in the graph body, where graphviz-java also looks
     * for the resolution. Our generators escape '=' in user text, so no label can supply its own.
     */
    static String withBitmapSettings(String dot, int dpi, int maxPixels) {
        int brace = dot.indexOf('{');
        if (brace < 0) {
            return dot;
        }
        int safeDpi = Math.max(36, Math.min(dpi, 600));
        double inches = (double) Math.max(100, Math.min(maxPixels, MAX_PNG_PIXELS)) / safeDpi;
        String size = String.format(java.util.Locale.ROOT, "%.1f,%.1f", inches, inches);
        return dot.substring(0, brace + 1) + "\n  graph [dpi=" + safeDpi + ", size=\"" + size + "\"]" + dot.substring(brace + 1);
    }

    private static void abandonWorker() {
        synchronized (LOCK) {
            worker.shutdownNow();
            worker = newWorker();
            // The new worker must choose its engine again; a V8 runtime belongs to the old thread.
            active = null;
        }
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "quorum-graphviz");
            t.setDaemon(true);
            return t;
        });
    }

    /** The first line of a Graphviz error, without the temporary file names graphviz-java puts in it. */
    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replaceAll("(?:[A-Za-z]:)?[^\\s:]*GraphvizJava[^\\s:]*:\\s*", "").replaceFirst("^Error:\\s*", "");
        m = m.replaceAll("\\s*\\R\\s*", " ").strip();
        return m.length() > 300 ? m.substring(0, 300) + "…" : m;
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
