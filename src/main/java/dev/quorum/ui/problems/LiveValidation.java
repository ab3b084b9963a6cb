package dev.quorum.ui.problems;

import dev.quorum.model.Design;
import dev.quorum.service.ValidationService;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.validate.Finding;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.util.Duration;

/**
 * Validates the design as the user types, off the FX thread. It debounces by coalescing: at most one
 * validation runs at a time, edits made meanwhile are gathered into one follow-up run of the newest design,
 * and a short settle delay lets a burst of key repeats or a paste count once. Results for a design that has
 * changed since are still shown, and the follow-up run corrects them a moment later.
 */
public final class LiveValidation {

    /**
     * How long the design must be still before a validation starts when none is running: one frame, enough
     * for a paste or a key repeat to count once, short enough to keep keystroke-to-findings under 150 ms.
     */
    public static final Duration SETTLE = Duration.millis(16);

    private static final System.Logger LOG = System.getLogger(LiveValidation.class.getName());

    private final ValidationService service;
    private final BackgroundExecutor executor;
    private final EditSession session;
    private final Consumer<FindingsIndex> onFindings;
    private final PauseTransition settle = new PauseTransition(SETTLE);
    private final ReadOnlyDoubleWrapper lastLatencyMillis = new ReadOnlyDoubleWrapper(this, "lastLatencyMillis", 0);
    private boolean running;
    private boolean pending;
    private long firstChangeNanos;

    public LiveValidation(ValidationService service, BackgroundExecutor executor, EditSession session,
            Consumer<FindingsIndex> onFindings) {
        this.service = service;
        this.executor = executor;
        this.session = session;
        this.onFindings = onFindings;
        settle.setOnFinished(e -> start());
        session.revisionProperty().addListener((o, was, now) -> changed());
    }

    private void changed() {
        if (firstChangeNanos == 0) {
            firstChangeNanos = System.nanoTime();
        }
        if (running) {
            pending = true;
        } else {
            settle.playFromStart();
        }
    }

    /** Validates now, without the settle delay; for a freshly opened design. */
    public void validateNow() {
        settle.stop();
        if (running) {
            pending = true;
        } else {
            start();
        }
    }

    private void start() {
        Design design = session.design();
        if (design == null) {
            return;
        }
        long revision = session.revisionProperty().get();
        running = true;
        pending = false;
        executor.submitInteractive(() -> service.validate(design), findings -> finished(revision, findings), error -> {
            LOG.log(System.Logger.Level.WARNING, "validation failed", error);
            running = false;
            if (pending) {
                start();
            }
        });
    }

    private void finished(long revision, List<Finding> findings) {
        running = false;
        boolean current = revision == session.revisionProperty().get();
        // Even a result for an older design is shown: while the user types on, slightly old findings beat none,
        // and the follow-up run replaces them within one validation.
        onFindings.accept(new FindingsIndex(findings));
        if (current && firstChangeNanos != 0) {
            lastLatencyMillis.set((System.nanoTime() - firstChangeNanos) / 1e6);
            firstChangeNanos = 0;
        }
        if (pending) {
            start();
        }
    }

    /** Time from the first edit after the previous result to the findings that cover it, in milliseconds. */
    public ReadOnlyDoubleProperty lastLatencyMillisProperty() {
        return lastLatencyMillis.getReadOnlyProperty();
    }
}
