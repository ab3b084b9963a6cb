package dev.quorum.ui.projects;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.OpenedProject;
import dev.quorum.service.ProjectService;
import dev.quorum.store.FindingCounts;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.SaveResult;
import dev.quorum.store.StoreConflictException;
import dev.quorum.store.StoreException;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.edit.EditSession;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * The link between the open design and its project in the store. Edits are autosaved a couple of seconds
 * after the last one, as autosave revisions the store coalesces; Save writes an explicit revision with an
 * optional message. Every write presents the version the design was based on, so a project changed
 * elsewhere (another window, another instance) is a conflict the user resolves (reload, keep mine as a
 * new revision, or compare), never a silent overwrite. All store work runs on the {@link BackgroundExecutor}.
 */
public final class ProjectDocument {

    /** How long after the last edit the design is autosaved. */
    public static final Duration AUTOSAVE_DELAY = Duration.seconds(2);

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** Both sides of a conflict, as canonical YAML, for the Compare view. */
    public record Comparison(String projectName, String mine, String theirs, int theirRevision) {
    }

    private final BackgroundExecutor executor;
    private final DesignService designs;
    private final EditSession session;
    private final Supplier<ProjectService> store;
    private final Supplier<FindingCounts> findings;
    private final Consumer<String> error;
    private final PauseTransition timer = new PauseTransition(AUTOSAVE_DELAY);
    private final ReadOnlyObjectWrapper<ProjectSummary> project = new ReadOnlyObjectWrapper<>(this, "project");
    private final ReadOnlyStringWrapper state = new ReadOnlyStringWrapper(this, "state", "");
    private final ReadOnlyBooleanWrapper conflict = new ReadOnlyBooleanWrapper(this, "conflict", false);
    private final ReadOnlyStringWrapper conflictMessage = new ReadOnlyStringWrapper(this, "conflictMessage", "");
    private long storedRevision = -1;
    private long version;
    private boolean writing;
    // A write asked for while another runs waits for it, so that each presents the version the previous produced.
    private boolean writeAgain;
    private boolean againExplicit;
    private String againMessage;
    private Runnable againThen;

    /**
     * @param store the open project store, or null before it is open
     * @param findings the latest finding counts, or null when unknown
     * @param error shows a one-line error
     */
    public ProjectDocument(BackgroundExecutor executor, DesignService designs, EditSession session,
            Supplier<ProjectService> store, Supplier<FindingCounts> findings, Consumer<String> error) {
        this.executor = executor;
        this.designs = designs;
        this.session = session;
        this.store = store;
        this.findings = findings;
        this.error = error;
        timer.setOnFinished(e -> autosave());
        session.revisionProperty().addListener((o, was, now) -> edited(now.longValue()));
    }

    /** The design now in the session is {@code opened}, read from the store: later edits autosave into it. */
    public void link(OpenedProject opened) {
        timer.stop();
        project.set(opened.project());
        version = opened.version();
        storedRevision = session.revisionProperty().get();
        conflict.set(false);
        conflictMessage.set("");
        state.set("Saved in the store · revision " + opened.revision().number());
    }

    /** The project was renamed in the browser: the window shows the new name; the version saves check is unchanged. */
    public void renamed(ProjectSummary summary) {
        ProjectSummary p = project.get();
        if (p != null && p.id().equals(summary.id())) {
            project.set(summary);
        }
    }

    /** The design in the session no longer belongs to a project (a file or a sample was opened instead). */
    public void unlink() {
        timer.stop();
        project.set(null);
        storedRevision = -1;
        conflict.set(false);
        conflictMessage.set("");
        state.set("");
    }

    private void edited(long revision) {
        if (project.get() == null || revision == storedRevision) {
            return;
        }
        if (conflict.get()) {
            state.set("Not saved: the project changed in the store");
            return;
        }
        state.set("Unsaved changes · autosave in " + (int) AUTOSAVE_DELAY.toSeconds() + " s");
        timer.playFromStart();
    }

    /** True when there are edits the store does not have yet. */
    public boolean hasUnstoredEdits() {
        return project.get() != null && session.revisionProperty().get() != storedRevision;
    }

    /** Autosaves now if there is anything new; a no-op for a design that is not a store project. */
    public Task<SaveResult> autosave() {
        timer.stop();
        return write(null, true, null);
    }

    /**
     * Holds the autosave while the user writes a save message: the explicit save that follows carries the same
     * edits, and an autosave revision squeezed in before it (a slow typist, a loaded machine) would only be noise.
     */
    public void holdAutosave() {
        timer.stop();
    }

    /** Lets the autosave run again after the save message was cancelled, if there is anything to store. */
    public void resumeAutosave() {
        if (project.get() != null && !conflict.get() && hasUnstoredEdits()) {
            timer.playFromStart();
        }
    }

    /** Saves an explicit revision with {@code message} (may be empty). */
    public Task<SaveResult> save(String message) {
        timer.stop();
        if (project.get() == null) {
            return null;
        }
        return write(message == null ? "" : message.strip(), false, null);
    }

    /**
     * Writes what the store does not have yet and then runs {@code then}; runs it at once when there is
     * nothing to write. Closing the window and opening another design go through here, so nothing is lost.
     * On a conflict or a failure {@code then} does not run: the window stays, with the conflict shown.
     */
    public void flush(Runnable then) {
        timer.stop();
        if (!hasUnstoredEdits() || conflict.get() && project.get() != null) {
            if (conflict.get() && hasUnstoredEdits()) {
                error.accept("Resolve the conflict first: the project changed in the store since it was opened");
                return;
            }
            then.run();
            return;
        }
        write(null, true, then);
    }

    private Task<SaveResult> write(String message, boolean auto, Runnable then) {
        ProjectSummary p = project.get();
        ProjectService s = store.get();
        if (p == null || s == null || conflict.get()) {
            return null;
        }
        long revision = session.revisionProperty().get();
        if (auto && revision == storedRevision) {
            if (then != null) {
                then.run();
            }
            return null;
        }
        if (writing) {
            writeAgain = true;
            if (!auto) {
                againExplicit = true;
                againMessage = message;
            }
            if (then != null) {
                Runnable before = againThen;
                againThen = before == null ? then : () -> {
                    before.run();
                    then.run();
                };
            }
            return null;
        }
        writing = true;
        DesignFile file = session.fileProperty().get();
        long base = version;
        FindingCounts counts = findings.get();
        state.set(auto ? "Autosaving…" : "Saving…");
        return executor.submit(auto ? "" : "Saving to the store…", () -> auto
                ? s.autosave(p.id(), base, file, counts)
                : s.save(p.id(), base, file, message), result -> {
                    writing = false;
                    stored(result, revision, auto);
                    if (then != null) {
                        then.run();
                    }
                    if (writeAgain) {
                        boolean explicit = againExplicit;
                        String again = againMessage;
                        Runnable afterwards = againThen;
                        writeAgain = false;
                        againExplicit = false;
                        againMessage = null;
                        againThen = null;
                        if (explicit || hasUnstoredEdits() || afterwards != null) {
                            write(explicit ? again : null, !explicit, afterwards);
                        }
                    }
                }, failure -> {
                    writing = false;
                    writeAgain = false;
                    againExplicit = false;
                    againThen = null;
                    failed(failure);
                });
    }

    private void stored(SaveResult result, long revision, boolean auto) {
        project.set(result.project());
        version = result.project().version();
        storedRevision = revision;
        session.markSavedIfUnchanged(revision);
        String time = LocalTime.ofInstant(result.revision().savedAt(), ZoneId.systemDefault()).format(CLOCK);
        state.set((auto ? "Autosaved " : "Saved ") + time + " · revision " + result.revision().number()
                + (hasUnstoredEdits() ? " · newer edits pending" : ""));
        if (hasUnstoredEdits()) {
            timer.playFromStart();
        }
    }

    private void failed(Throwable failure) {
        if (failure instanceof StoreConflictException c) {
            conflict.set(true);
            conflictMessage.set(c.getMessage());
            state.set("Not saved: the project changed in the store");
            return;
        }
        String reason = failure instanceof StoreException ? failure.getMessage()
                : "unexpected " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        state.set("Autosave failed; edits are kept in the window");
        error.accept(("Cannot save to the store: " + reason).replaceAll("\\s*\\R\\s*", " "));
    }

    /**
     * The last chance, when the application stops with edits the store does not have (the autosave delay had
     * not passed): writes them as an autosave on the calling thread. The window is gone by then, so there is
     * no FX thread work left to protect; a conflict or failure is logged, since nobody is left to ask.
     */
    public void saveBeforeExit() {
        ProjectSummary p = project.get();
        ProjectService s = store.get();
        if (p == null || s == null || conflict.get() || writing || !hasUnstoredEdits()) {
            return;
        }
        timer.stop();
        try {
            SaveResult result = s.autosave(p.id(), version, session.fileProperty().get(), findings.get());
            storedRevision = session.revisionProperty().get();
            version = result.project().version();
        } catch (StoreException | RuntimeException e) {
            System.getLogger(ProjectDocument.class.getName()).log(System.Logger.Level.ERROR,
                    "could not autosave " + p.name() + " at exit", e);
        }
    }

    /** Resolves a conflict by reading the store's current revision; {@code show} puts it in the window. */
    public Task<OpenedProject> reload(Consumer<OpenedProject> show) {
        ProjectSummary p = project.get();
        ProjectService s = store.get();
        if (p == null || s == null) {
            return null;
        }
        return executor.submit("Reloading " + p.name() + "…", () -> s.open(p.id()), opened -> {
            show.accept(opened);
            link(opened);
        }, this::failed);
    }

    /** Resolves a conflict by saving this window's design as a new revision on top of the other one. */
    public Task<SaveResult> keepMine() {
        ProjectSummary p = project.get();
        ProjectService s = store.get();
        if (p == null || s == null) {
            return null;
        }
        long revision = session.revisionProperty().get();
        DesignFile file = session.fileProperty().get();
        return executor.submit("Saving my version as a new revision…", () -> s.saveOnTop(p.id(), file,
                "Kept over a newer revision after a conflict"), result -> {
                    conflict.set(false);
                    conflictMessage.set("");
                    stored(result, revision, false);
                }, this::failed);
    }

    /** Reads both sides of the conflict for the Compare view. */
    public Task<Comparison> compare(Consumer<Comparison> show) {
        ProjectSummary p = project.get();
        ProjectService s = store.get();
        if (p == null || s == null) {
            return null;
        }
        DesignFile file = session.fileProperty().get();
        return executor.submit("Comparing with the store…", () -> {
            OpenedProject theirs = s.open(p.id());
            return new Comparison(p.name(), designs.toYaml(file), designs.toYaml(theirs.design()), theirs.revision().number());
        }, show, this::failed);
    }

    /** The project the design belongs to, or null for a file or a sample. */
    public ReadOnlyObjectProperty<ProjectSummary> projectProperty() {
        return project.getReadOnlyProperty();
    }

    /** "Autosaved 12:03:04 · revision 7", "Unsaved changes · autosave in 2 s", or empty for a file. */
    public ReadOnlyStringProperty stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** True when a save found the project changed in the store since it was opened. */
    public ReadOnlyBooleanProperty conflictProperty() {
        return conflict.getReadOnlyProperty();
    }

    /** The store's one-line explanation of the conflict. */
    public ReadOnlyStringProperty conflictMessageProperty() {
        return conflictMessage.getReadOnlyProperty();
    }
}
