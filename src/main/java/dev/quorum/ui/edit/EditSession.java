package dev.quorum.ui.edit;

import dev.quorum.model.DesignPath;
import dev.quorum.io.DesignFile;
import dev.quorum.model.Design;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The design being edited: it owns the current {@link DesignFile}, applies every change as an {@link Edit}
 * (so each one is undoable), and tracks whether the design differs from what was last saved. Every method
 * runs on the FX thread; the design itself is immutable and may be handed to background work freely.
 */
public final class EditSession {

    private final ReadOnlyObjectWrapper<DesignFile> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper(this, "revision", 0);
    private final ReadOnlyStringWrapper touchedPath = new ReadOnlyStringWrapper(this, "touchedPath", "");
    private final UndoStack history = new UndoStack();
    private long clock = -1;
    private java.util.function.LongSupplier wallClock = System::currentTimeMillis;

    /** Starts editing {@code loaded}; the history is cleared and the design counts as saved. */
    public void load(DesignFile loaded) {
        load(loaded, true);
    }

    /** Starts editing {@code loaded}; {@code saved} says whether it is already stored somewhere as it is. */
    public void load(DesignFile loaded, boolean saved) {
        Objects.requireNonNull(loaded, "loaded");
        history.clear(saved);
        replace(loaded);
    }

    /** Applies an edit and records it for undo. */
    public void apply(Edit edit) {
        DesignFile current = requireFile();
        Design next = edit.apply(current.design());
        history.push(edit);
        replace(current.withDesign(next));
    }

    /** Sets the value at {@code path}; nothing happens when it already holds that value. */
    public void set(String path, Object value, String label) {
        Design design = requireFile().design();
        Object before = DesignPath.parse(path).get(design);
        if (Objects.equals(before, value)) {
            return;
        }
        apply(new SetValue(path, before, value, label, now()));
    }

    /** Adds {@code row} at {@code index} of the list at {@code listPath}. */
    public void insertRow(String listPath, int index, Object row, String label) {
        apply(RowEdit.insert(listPath, index, row, label));
    }

    /** Removes row {@code index} of the list at {@code listPath}. */
    public void removeRow(String listPath, int index, String label) {
        List<?> rows = (List<?>) DesignPath.parse(listPath).get(design());
        if (index < 0 || index >= rows.size()) {
            return;
        }
        apply(RowEdit.remove(listPath, index, rows.get(index), label));
    }

    /** Moves row {@code from} of the list at {@code listPath} to {@code to}. */
    public void moveRow(String listPath, int from, int to, String label) {
        List<?> rows = (List<?>) DesignPath.parse(listPath).get(design());
        if (from == to || from < 0 || to < 0 || from >= rows.size() || to >= rows.size()) {
            return;
        }
        apply(RowEdit.move(listPath, from, to, label));
    }

    /** Takes back the last edit; returns false when there was none. */
    public boolean undo() {
        Optional<Edit> edit = history.undo();
        edit.ifPresent(e -> {
            touchedPath.set("");
            replace(requireFile().withDesign(e.revert(requireFile().design())));
            touchedPath.set(e.path());
        });
        return edit.isPresent();
    }

    /** Does the last undone edit again; returns false when there was none. */
    public boolean redo() {
        Optional<Edit> edit = history.redo();
        edit.ifPresent(e -> {
            touchedPath.set("");
            replace(requireFile().withDesign(e.apply(requireFile().design())));
            touchedPath.set(e.path());
        });
        return edit.isPresent();
    }

    /** Ends the current typing burst: the next keystroke starts a new undo step. */
    public void seal() {
        history.seal();
    }

    /** The design as it is now has been saved. */
    public void markSaved() {
        history.markSaved();
    }

    /**
     * Marks the design saved only if it is still the one that was saved: a save runs in the background,
     * and edits made meanwhile must keep the window dirty.
     */
    public boolean markSavedIfUnchanged(long savedRevision) {
        if (revision.get() != savedRevision) {
            return false;
        }
        history.markSaved();
        return true;
    }

    private void replace(DesignFile next) {
        file.set(next);
        revision.set(revision.get() + 1);
    }

    private DesignFile requireFile() {
        DesignFile f = file.get();
        if (f == null) {
            throw new IllegalStateException("no design is open");
        }
        return f;
    }

    // A clock that only moves forward keeps merging decisions sane if the wall clock jumps back.
    private long now() {
        clock = Math.max(clock, wallClock.getAsLong());
        return clock;
    }

    /**
     * Replaces the clock that decides whether keystrokes merge into one undo step. Tests that type through a
     * robot freeze it: a robot on a loaded machine types slower than any person, and its pauses are not the user's.
     */
    public void useClock(java.util.function.LongSupplier millis) {
        wallClock = java.util.Objects.requireNonNull(millis, "millis");
    }

    /** The design as it is now, or null before anything is open. */
    public Design design() {
        DesignFile f = file.get();
        return f == null ? null : f.design();
    }

    /** The design file as it is now (header comment included). */
    public ReadOnlyObjectProperty<DesignFile> fileProperty() {
        return file.getReadOnlyProperty();
    }

    /** Counts every change to the design, loads included; background results carry it to know if they are stale. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The path the last undo or redo touched, so the window can show it; empty otherwise. */
    public ReadOnlyStringProperty touchedPathProperty() {
        return touchedPath.getReadOnlyProperty();
    }

    /** The undo history. */
    public UndoStack history() {
        return history;
    }

    /** True when the design differs from what was last saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return history.dirtyProperty();
    }
}
