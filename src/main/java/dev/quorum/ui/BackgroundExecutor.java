package dev.quorum.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;

/**
 * The one place where the window runs slow work (file I/O, parsing, Markdown, validation) away from the FX
 * thread. Ordered work runs on one thread, in the order it was asked for; live validation has a lane of its
 * own, so that a keystroke's findings never wait behind a save or a preview.
 */
public final class BackgroundExecutor implements AutoCloseable {

    // One thread keeps results in the order the user asked for them: the last file opened is the one shown.
    private final ExecutorService pool = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "quorum-background");
        t.setDaemon(true);
        return t;
    });
    // Validation runs on every keystroke and only the newest result matters; it must not queue behind ordered work.
    private final ExecutorService interactive = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "quorum-validation");
        t.setDaemon(true);
        return t;
    });
    // A simulation can run for seconds; a save or a preview must not wait behind it, so it has a lane of its own.
    private final ExecutorService computing = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "quorum-simulation");
        t.setDaemon(true);
        return t;
    });
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper activity = new ReadOnlyStringWrapper(this, "activity", "");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(this, "working", false);
    private int running;
    private int described;

    /**
     * Runs {@code work} in the background and hands its result or failure to the FX thread.
     * Must be called on the FX thread, which is where the window's actions start. A blank description
     * keeps the task out of the status bar, for work that runs on every keystroke such as validation.
     */
    public <T> Task<T> submit(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        return submit(pool, description, work, onSuccess, onFailure);
    }

    /**
     * Runs {@code work} on the interactive lane: one task at a time, beside the ordered work rather than
     * after it. For live validation, which the caller keeps to one run in flight.
     */
    public <T> Task<T> submitInteractive(Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        return submit(interactive, "", work, onSuccess, onFailure);
    }

    /**
     * Runs long computation such as a simulation on a lane of its own, one at a time in the order asked, so that
     * ordered work (saves, previews) never queues behind it. The work stops itself when its caller cancels it.
     */
    public <T> Task<T> submitComputation(String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        return submit(computing, description, work, onSuccess, onFailure);
    }

    private <T> Task<T> submit(ExecutorService lane, String description, Callable<T> work, Consumer<? super T> onSuccess,
            Consumer<? super Throwable> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        boolean shown = description != null && !description.isBlank();
        task.setOnSucceeded(e -> {
            finished(shown);
            onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finished(shown);
            onFailure.accept(task.getException());
        });
        task.setOnCancelled(e -> finished(shown));
        started(description, shown);
        lane.execute(task);
        return task;
    }

    /** True while at least one task is queued or running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** True while a task the status bar should show (one with a description) is queued or running. */
    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }

    /** What the most recent task is doing, for the status bar; empty when idle. */
    public ReadOnlyStringProperty activityProperty() {
        return activity.getReadOnlyProperty();
    }

    private void started(String description, boolean shown) {
        checkFxThread();
        running++;
        busy.set(true);
        if (shown) {
            described++;
            working.set(true);
            activity.set(description);
        }
    }

    private void finished(boolean shown) {
        running--;
        if (shown) {
            described--;
            if (described == 0) {
                working.set(false);
                activity.set("");
            }
        }
        if (running == 0) {
            busy.set(false);
        }
    }

    private static void checkFxThread() {
        // The counters are unsynchronised on purpose: they are only touched on the FX thread.
        if (!Platform.isFxApplicationThread()) {
            throw new IllegalStateException("background work must be submitted from the FX thread");
        }
    }

    /** Stops accepting work and gives running work a moment to end; the thread is a daemon either way. */
    @Override
    public void close() {
        interactive.shutdownNow();
        computing.shutdownNow();
        pool.shutdownNow();
        try {
            pool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
