package dev.quorum.model;

/**
 * One line of a recorded simulation outcome: a parameter or metric by its stable name, what people read, its
 * value as shown (with its unit), and a detail: where a parameter came from, or a metric's confidence interval.
 * Numbers are kept as the text that was shown, so the file says exactly what the reviewer saw.
 */
public record OutcomeValue(String name, String label, String value, String detail) {

    public OutcomeValue {
        name = Values.text(name);
        label = Values.text(label);
        value = Values.text(value);
        detail = Values.text(detail);
    }
}
