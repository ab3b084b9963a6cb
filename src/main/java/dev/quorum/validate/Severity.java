package dev.quorum.validate;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is; the order is from most to least severe. */
public enum Severity {
    /** The design is wrong or will lose data. */
    ERROR,
    /** The design is risky or contradicts itself. */
    WARNING,
    /** Worth knowing; not wrong. */
    INFO;

    /** The lower-case id used in files, flags and reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    /** The severity with this id, ignoring case. */
    public static Optional<Severity> byId(String id) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
