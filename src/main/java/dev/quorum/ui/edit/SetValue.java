package dev.quorum.ui.edit;

import dev.quorum.model.DesignPath;
import dev.quorum.model.Design;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets the value at one field path. Keystrokes in the same field within {@link #MERGE_WINDOW_MILLIS} of
 * each other merge, so one undo takes back a burst of typing rather than a single character.
 */
public record SetValue(String path, Object before, Object after, String label, long atMillis) implements Edit {

    /** How close together two edits of one field must be to merge. */
    public static final long MERGE_WINDOW_MILLIS = 1500;

    public SetValue {
        Objects.requireNonNull(path, "path");
        label = label == null || label.isBlank() ? path : label;
    }

    @Override
    public Design apply(Design design) {
        return DesignPath.parse(path).with(design, after);
    }

    @Override
    public Design revert(Design design) {
        return DesignPath.parse(path).with(design, before);
    }

    @Override
    public String description() {
        return "Edit " + label;
    }

    @Override
    public Optional<Edit> mergedWith(Edit next) {
        if (next instanceof SetValue n && n.path.equals(path) && n.atMillis - atMillis >= 0
                && n.atMillis - atMillis <= MERGE_WINDOW_MILLIS) {
            return Optional.of(new SetValue(path, before, n.after, label, n.atMillis));
        }
        return Optional.empty();
    }
}
