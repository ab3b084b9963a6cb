package dev.quorum.io;

import dev.quorum.model.Design;
import java.util.Map;
import java.util.Objects;

/**
 * A design as read from or written to a {@code .quorum.yaml} file: the design, the comment block at the
 * top of the file (kept so that a re-save does not drop it), and where each field was written.
 */
public record DesignFile(String headerComment, Design design, Map<String, SourcePosition> positions) {

    public DesignFile {
        headerComment = headerComment == null ? "" : headerComment;
        Objects.requireNonNull(design, "design");
        positions = positions == null ? Map.of() : Map.copyOf(positions);
    }

    /** A design with no header comment and no source positions, as created in memory. */
    public static DesignFile of(Design design) {
        return new DesignFile("", design, Map.of());
    }

    /**
     * The position of {@code path} (for example {@code queries[2].frequency}), falling back to its nearest
     * enclosing field when the exact field was not written in the file.
     */
    public SourcePosition positionOf(String path) {
        String p = path;
        while (!p.isEmpty()) {
            SourcePosition pos = positions.get(p);
            if (pos != null) {
                return pos;
            }
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return SourcePosition.UNKNOWN;
    }

    /** The same file with another design, keeping the header comment. */
    public DesignFile withDesign(Design newDesign) {
        return new DesignFile(headerComment, newDesign, Map.of());
    }
}
