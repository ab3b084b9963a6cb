package dev.quorum.validate;

/** A rule whose metadata is fixed at construction, so a rule class only writes its check. */
public abstract class AbstractRule implements Rule {

    private final RuleInfo info;

    protected AbstractRule(String id, Severity severity, RuleCategory category, String summary, String rationale,
            String badExample, String goodExample) {
        this.info = new RuleInfo(id, severity, category, summary, rationale, badExample, goodExample);
    }

    @Override
    public final RuleInfo info() {
        return info;
    }

    @Override
    public String toString() {
        return info.id();
    }
}
