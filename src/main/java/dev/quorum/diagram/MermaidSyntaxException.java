package dev.quorum.diagram;

/** A Mermaid block Quorum cannot read; the message names the line and what was not understood. */
public final class MermaidSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int line;

    /** An error at a 1-based line of the block. */
    public MermaidSyntaxException(int line, String message) {
        super("line " + line + ": " + message);
        this.line = line;
    }

    /** The 1-based line in the Mermaid text. */
    public int line() {
        return line;
    }
}
