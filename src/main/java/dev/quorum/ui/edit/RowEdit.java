package dev.quorum.ui.edit;

import dev.quorum.model.DesignPath;
import dev.quorum.model.Design;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Adds, removes or moves one row of a table (a list in the design), as one undoable step. */
public record RowEdit(Kind kind, String listPath, int index, int target, Object row, String label) implements Edit {

    /** What happens to the row. */
    public enum Kind {
        /** {@code row} is inserted at {@code index}. */
        INSERT,
        /** The row at {@code index} (which is {@code row}) is removed. */
        REMOVE,
        /** The row at {@code index} moves to {@code target}. */
        MOVE
    }

    public RowEdit {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(listPath, "listPath");
        label = label == null || label.isBlank() ? "row" : label;
    }

    /** Inserts {@code row} at {@code index}. */
    public static RowEdit insert(String listPath, int index, Object row, String label) {
        return new RowEdit(Kind.INSERT, listPath, index, index, row, label);
    }

    /** Removes the row at {@code index}, remembering it for undo. */
    public static RowEdit remove(String listPath, int index, Object row, String label) {
        return new RowEdit(Kind.REMOVE, listPath, index, index, row, label);
    }

    /** Moves the row at {@code from} to {@code to}. */
    public static RowEdit move(String listPath, int from, int to, String label) {
        return new RowEdit(Kind.MOVE, listPath, from, to, null, label);
    }

    @Override
    public Design apply(Design design) {
        return switch (kind) {
            case INSERT -> change(design, rows -> rows.add(index, row));
            case REMOVE -> change(design, rows -> rows.remove(index));
            case MOVE -> change(design, rows -> rows.add(target, rows.remove(index)));
        };
    }

    @Override
    public Design revert(Design design) {
        return switch (kind) {
            case INSERT -> change(design, rows -> rows.remove(index));
            case REMOVE -> change(design, rows -> rows.add(index, row));
            case MOVE -> change(design, rows -> rows.add(index, rows.remove(target)));
        };
    }

    private Design change(Design design, java.util.function.Consumer<List<Object>> change) {
        DesignPath path = DesignPath.parse(listPath);
        List<Object> rows = new ArrayList<>((List<?>) path.get(design));
        change.accept(rows);
        return path.with(design, List.copyOf(rows));
    }

    @Override
    public String description() {
        return switch (kind) {
            case INSERT -> "Add " + label;
            case REMOVE -> "Remove " + label;
            case MOVE -> "Move " + label;
        };
    }

    @Override
    public String path() {
        return DesignPath.row(listPath, kind == Kind.MOVE ? target : index);
    }
}
