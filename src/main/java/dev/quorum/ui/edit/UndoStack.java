package dev.quorum.ui.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The edits done so far and those undone, with the position the design was last saved at. Merging a
 * keystroke into the previous edit never crosses a save point or a {@link #seal()}, so undo always
 * returns to what was saved.
 */
public final class UndoStack {

    /** How many edits are kept; older ones fall off the bottom. */
    public static final int LIMIT = 1000;

    private final List<Edit> edits = new ArrayList<>();
    private int position;
    private int savedPosition;
    private boolean sealed = true;
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo", false);
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo", false);
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty", false);
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");

    /** Records an edit that has just been applied, merging it into the previous one when it continues it. */
    public void push(Edit edit) {
        if (position < edits.size()) {
            edits.subList(position, edits.size()).clear();
            if (savedPosition > position) {
                // The saved state was in the redo branch that is now gone; nothing reachable equals it.
                savedPosition = -1;
            }
        }
        Optional<Edit> merged = !sealed && position > 0 && savedPosition != position
                ? edits.get(position - 1).mergedWith(edit) : Optional.empty();
        if (merged.isPresent()) {
            edits.set(position - 1, merged.get());
        } else {
            edits.add(edit);
            position++;
            if (edits.size() > LIMIT) {
                edits.remove(0);
                position--;
                savedPosition = savedPosition > 0 ? savedPosition - 1 : -1;
            }
        }
        sealed = false;
        changed();
    }

    /** The edit to take back, moving the position down; empty when there is none. */
    public Optional<Edit> undo() {
        if (position == 0) {
            return Optional.empty();
        }
        sealed = true;
        Edit edit = edits.get(--position);
        changed();
        return Optional.of(edit);
    }

    /** The edit to do again, moving the position up; empty when there is none. */
    public Optional<Edit> redo() {
        if (position == edits.size()) {
            return Optional.empty();
        }
        sealed = true;
        Edit edit = edits.get(position++);
        changed();
        return Optional.of(edit);
    }

    /** The next edit starts a new undo step even if it continues the last one (focus moved, for example). */
    public void seal() {
        sealed = true;
    }

    /** The current state is what was saved. */
    public void markSaved() {
        savedPosition = position;
        sealed = true;
        changed();
    }

    /** Forgets every edit; the current state counts as saved when {@code saved} is true. */
    public void clear(boolean saved) {
        edits.clear();
        position = 0;
        savedPosition = saved ? 0 : -1;
        sealed = true;
        changed();
    }

    private void changed() {
        canUndo.set(position > 0);
        canRedo.set(position < edits.size());
        dirty.set(position != savedPosition);
        undoText.set(position > 0 ? "Undo " + edits.get(position - 1).description() : "Undo");
        redoText.set(position < edits.size() ? "Redo " + edits.get(position).description() : "Redo");
    }

    /** How many edits can be undone. */
    public int undoDepth() {
        return position;
    }

    /** True when there is something to undo. */
    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** True when there is something to redo. */
    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    /** True when the design differs from what was last saved. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    /** "Undo Edit RPO" or "Undo". */
    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    /** "Redo Add query" or "Redo". */
    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }
}
