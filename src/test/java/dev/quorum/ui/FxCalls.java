package dev.quorum.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.testfx.util.WaitForAsyncUtils;

/** Calls onto the FX thread for tests, and waits for a condition read there; shared by the UI tests. */
public final class FxCalls {

    private FxCalls() {
    }

    /** Runs on the FX thread and returns the result; a failure or a 30 s wait fails the test. */
    public static <T> T fx(Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed", e);
        }
    }

    /** Runs on the FX thread. */
    public static void fxRun(Runnable work) {
        fx(() -> {
            work.run();
            return null;
        });
    }

    /** Waits up to {@code seconds} until the condition, read on the FX thread, holds. */
    public static void waitUntil(Callable<Boolean> condition, int seconds) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(condition));
        } catch (Exception e) {
            throw new AssertionError("condition not met in " + seconds + " s", e);
        }
    }
}
