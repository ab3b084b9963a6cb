package dev.quorum.io;

/**
 * A design file that cannot be read, with where and why: the file, the line and column, and the field
 * path such as {@code queries[2].frequency}. Its message is one line meant for the user.
 */
public final class DesignFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final SourcePosition position;
    private final String field;
    private final String reason;

    public DesignFormatException(String source, SourcePosition position, String field, String reason) {
        super(format(source, position, field, reason));
        this.source = source;
        this.position = position;
        this.field = field;
        this.reason = reason;
    }

    private static String format(String source, SourcePosition position, String field, String reason) {
        StringBuilder b = new StringBuilder(source);
        if (position.line() > 0) {
            b.append(':').append(position.line()).append(':').append(position.column());
        }
        b.append(": ");
        if (field != null && !field.isEmpty()) {
            b.append(field).append(": ");
        }
        return b.append(reason).toString();
    }

    /** The file name or other description of where the text came from. */
    public String source() {
        return source;
    }

    /** The line and column of the problem, or {@link SourcePosition#UNKNOWN}. */
    public SourcePosition position() {
        return position;
    }

    /** The field path such as {@code queries[2].frequency}, or empty when the problem is not in one field. */
    public String field() {
        return field == null ? "" : field;
    }

    /** The reason alone, without the place. */
    public String reason() {
        return reason;
    }
}
