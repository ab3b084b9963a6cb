package dev.quorum.sql;

import java.util.Locale;

/**
 * An SQL identifier as written, unquoted, with whether it was quoted. Comparison ignores case, as the
 * dialects Quorum reads fold unquoted names and designs rarely rely on case-sensitive names.
 */
public record SqlName(String name, boolean quoted) {

    /** An identifier from DDL text, with quotes ("x", `x`, [x]) removed and remembered. */
    public static SqlName of(String raw) {
        String r = raw.strip();
        if (r.length() >= 2 && (r.startsWith("\"") && r.endsWith("\"") || r.startsWith("`") && r.endsWith("`")
                || r.startsWith("[") && r.endsWith("]"))) {
            return new SqlName(r.substring(1, r.length() - 1), true);
        }
        return new SqlName(r, false);
    }

    /** The name folded for comparison. */
    public String key() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True when both name the same object, ignoring case. */
    public boolean matches(String other) {
        return other != null && key().equals(SqlName.of(other).key());
    }

    @Override
    public String toString() {
        return name;
    }
}
