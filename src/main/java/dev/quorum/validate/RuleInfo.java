package dev.quorum.validate;

/**
 * A rule's metadata: its stable id (for example {@code schema.fk-without-index}), default severity,
 * category, one-line summary, the rationale, and a bad and a good example.
 */
public record RuleInfo(String id, Severity defaultSeverity, RuleCategory category, String summary, String rationale,
        String badExample, String goodExample) {
}
