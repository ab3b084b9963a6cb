package dev.quorum.cli;

/** A mistake in how a command was called, reported as one line with exit code 2. */
final class UserError extends Exception {

    private static final long serialVersionUID = 1L;

    UserError(String message) {
        super(message);
    }
}
