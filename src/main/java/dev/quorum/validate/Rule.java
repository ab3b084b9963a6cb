package dev.quorum.validate;

/**
 * One check on a design. A rule is stateless and pure: it reads the context and reports findings.
 * If it throws, the engine turns that into an ERROR finding naming the rule.
 */
public interface Rule {

    /** The rule's id, severity, summary, rationale and examples. */
    RuleInfo info();

    /** Inspects the design and reports each problem to the sink. */
    void check(DesignContext context, FindingSink sink);
}
