package dev.quorum.ui.edit;

import dev.quorum.model.Design;
import java.util.Objects;

/** Replaces the whole design in one undoable step, as importing SQL DDL into the schema does. */
public record ReplaceDesign(Design before, Design after, String description, String path) implements Edit {

    public ReplaceDesign {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        path = path == null ? "" : path;
    }

    @Override
    public Design apply(Design design) {
        return after;
    }

    @Override
    public Design revert(Design design) {
        return before;
    }
}
