package dev.quorum.ui.edit;

import dev.quorum.model.Design;
import java.util.Optional;

/**
 * One undoable change to the design, as a command object: it applies itself to a design and reverts
 * itself, both producing new immutable designs. Consecutive keystrokes in one field merge into one edit.
 */
public interface Edit {

    /** The design with this edit applied. */
    Design apply(Design design);

    /** The design with this edit taken back; {@code design} is the result of {@link #apply}. */
    Design revert(Design design);

    /** What the edit did, for the Edit menu: "Undo " + description. */
    String description();

    /** The field path the edit touched, so that undo and redo can show it; empty for whole-design edits. */
    String path();

    /** This edit and {@code next} as one edit, when {@code next} continues it (typing on in the same field). */
    default Optional<Edit> mergedWith(Edit next) {
        return Optional.empty();
    }
}
