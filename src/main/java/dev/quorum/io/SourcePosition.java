package dev.quorum.io;

/** A one-based line and column in a source file. */
public record SourcePosition(int line, int column) {

    /** Used when a position is not known. */
    public static final SourcePosition UNKNOWN = new SourcePosition(0, 0);

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
