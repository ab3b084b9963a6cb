package dev.quorum.validate;

/** Where a rule reports what it finds; the engine adds the rule id and the effective severity. */
@FunctionalInterface
public interface FindingSink {

    /** Reports one finding at {@code location} with a message and a suggested fix. */
    void report(Location location, String message, String fix);
}
