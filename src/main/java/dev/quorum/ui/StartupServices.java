package dev.quorum.ui;

import dev.quorum.service.DesignService;
import dev.quorum.service.SimulationService;
import java.util.concurrent.CompletableFuture;

/** Builds the window's services beside the JavaFX toolkit's start-up, so the FX thread finds them ready. */
final class StartupServices {

    // Set once by the launching thread before the toolkit starts; read on the FX thread after.
    private static volatile CompletableFuture<DesignService> design;
    private static volatile CompletableFuture<SimulationService> simulation;

    private StartupServices() {
    }

    /**
     * Starts building the services on a thread of its own. Reading the template and the simulation models took
     * about a second of the FX thread at start; the toolkit's own start-up leaves a core free for it. Not the
     * {@link BackgroundExecutor}: that needs the FX thread, which does not exist yet.
     */
    static void begin() {
        CompletableFuture<DesignService> d = new CompletableFuture<>();
        CompletableFuture<SimulationService> s = new CompletableFuture<>();
        design = d;
        simulation = s;
        Thread t = new Thread(() -> {
            build(d, DesignService::new);
            build(s, SimulationService::new);
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

    /** The design service built in advance, or a new one when none was started (tests, embedding). */
    static DesignService designService() {
        CompletableFuture<DesignService> d = design;
        design = null;
        return d != null ? d.join() : new DesignService();
    }

    /** The simulation service built in advance, or a new one when none was started. */
    static SimulationService simulationService() {
        CompletableFuture<SimulationService> s = simulation;
        simulation = null;
        return s != null ? s.join() : new SimulationService();
    }
}
