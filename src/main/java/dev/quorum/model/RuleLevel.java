package dev.quorum.model;

/** What a design asks of one validation rule: switch it off, or report its findings at a chosen severity. */
public enum RuleLevel implements Choice {
    OFF("off", "Off"),
    ERROR("error", "Error"),
    WARNING("warning", "Warning"),
    INFO("info", "Info");

    private final String id;
    private final String label;

    RuleLevel(String id, String label) {
        this.id = id;
        this.label = label;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }
}
