package dev.quorum.ui;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.SimulationService;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Builds the window's services beside the JavaFX toolkit's start-up, so the FX thread finds them ready. */
final class StartupServices {

    // Set once by the launching thread before the toolkit starts; read on the FX thread after.
    private static volatile CompletableFuture<DesignService> design;
    private static volatile CompletableFuture<SimulationService> simulation;
    private static volatile Preload preload;
    private static final java.util.concurrent.CountDownLatch windowShown = new java.util.concurrent.CountDownLatch(1);

    /** The design read at start: the file asked for (null for the default sample) and its reading. */
    private record Preload(Path file, CompletableFuture<DesignFile> reading) {
    }

    private StartupServices() {
    }

    /**
     * Starts building the services on a thread of its own, and reads the design the window will open first
     * ({@code initial}, or the default sample when null). Reading the template and the simulation models took about
     * a second of the FX thread at start; the toolkit's own start-up leaves a core free for it. The design is read
     * so that the window can show it before its first layout: showing it after the window was laid out once cost
     * a second layout pass of the whole window, 0.6 to 0.9 s on this machine. Not the {@link BackgroundExecutor}:
     * that needs the FX thread, which does not exist yet.
     */
    static void begin(Path initial) {
        CompletableFuture<DesignService> d = new CompletableFuture<>();
        CompletableFuture<SimulationService> s = new CompletableFuture<>();
        CompletableFuture<DesignFile> f = new CompletableFuture<>();
        Path absolute = initial == null ? null : initial.toAbsolutePath().normalize();
        design = d;
        simulation = s;
        preload = new Preload(absolute, f);
        Thread t = new Thread(() -> {
            StartupTrace.mark("services thread started");
            build(d, DesignService::new);
            StartupTrace.mark("design service built");
            build(f, () -> {
                try {
                    DesignService service = d.join();
                    return absolute != null ? service.open(absolute) : service.openSample(WorkbenchViewModel.DEFAULT_SAMPLE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            StartupTrace.mark("first design read");
            // The simulation models are for tabs opened later; reading them beside the window's first layout took
            // a core from it, so they wait for the first frame (or a tab that asks for them first).
            try {
                windowShown.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            build(s, SimulationService::new);
            StartupTrace.mark("simulation service built");
        }, "quorum-startup");
        t.setDaemon(true);
        t.start();
    }

    private static <T> void build(CompletableFuture<T> into, java.util.function.Supplier<T> make) {
        try {
            into.complete(make.get());
        } catch (RuntimeException | Error e) {
            into.completeExceptionally(e);
        }
    }

    /**
     * The design read in advance for {@code file} (null: the default sample), waiting for it at most
     * {@code waitMillis}; null when none was read for that file, its reading failed (the caller reads it again
     * and reports the error as for any file) or it is not ready in time. Handed out once.
     */
    static DesignFile preloaded(Path file, long waitMillis) {
        Preload p = preload;
        preload = null;
        Path absolute = file == null ? null : file.toAbsolutePath().normalize();
        if (p == null || !Objects.equals(p.file(), absolute)) {
            return null;
        }
        try {
            return p.reading().get(waitMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** The design service built in advance, or a new one when none was started (tests, embedding). */
    static DesignService designService() {
        CompletableFuture<DesignService> d = design;
        design = null;
        return d != null ? d.join() : new DesignService();
    }

    /** Says that the window has drawn its first frame, so the services thread may go on with what can wait. */
    static void windowShown() {
        windowShown.countDown();
    }

    /** The simulation service built in advance, or a new one when none was started. */
    static SimulationService simulationService() {
        windowShown.countDown();
        CompletableFuture<SimulationService> s = simulation;
        simulation = null;
        return s != null ? s.join() : new SimulationService();
    }
}
