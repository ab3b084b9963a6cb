package dev.quorum.validate;

/** One problem a rule found: which rule, how severe, where, what is wrong, and how to fix it. */
public record Finding(String ruleId, Severity severity, Location location, String message, String fix) {

    public Finding {
        fix = fix == null ? "" : fix;
    }
}
