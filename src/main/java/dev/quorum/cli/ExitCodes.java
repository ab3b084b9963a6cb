package dev.quorum.cli;

/** The command line's exit codes, the same for every command so CI scripts can rely on them. */
public final class ExitCodes {

    /** Success, nothing to report. */
    public static final int OK = 0;
    /** The command ran, and what it found reaches the failure level (for example missing fields under --strict). */
    public static final int FINDINGS = 1;
    /** Bad input: a file that cannot be read, or wrong arguments. */
    public static final int BAD_INPUT = 2;

    private ExitCodes() {
    }
}
