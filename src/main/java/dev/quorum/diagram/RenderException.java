package dev.quorum.diagram;

/**
 * Rendering failed or took too long. The message is one line for the user; the DOT text that was being
 * rendered is kept so the caller can save or show it.
 */
public final class RenderException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String dot;
    private final boolean timedOut;

    /** A failure with the DOT text that was being rendered. */
    public RenderException(String message, String dot, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.dot = dot;
        this.timedOut = timedOut;
    }

    /** The DOT text that could not be rendered. */
    public String dot() {
        return dot;
    }

    /** True when the render was stopped by the timeout. */
    public boolean timedOut() {
        return timedOut;
    }
}
