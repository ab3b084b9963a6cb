package dev.quorum.sim.scenarios;

/**
 * What a design says for one parameter: a number in the parameter's base unit or an option, the field it was
 * read from, and the text that was read, so a result can show its evidence.
 */
public record DesignValue(double number, String choice, String field, String text) {

    public DesignValue {
        choice = choice == null ? "" : choice;
        field = field == null ? "" : field;
        text = text == null ? "" : text;
    }

    /** A number read from {@code field}. */
    public static DesignValue of(double number, String field, String text) {
        return new DesignValue(number, "", field, text);
    }

    /** An option read from {@code field}. */
    public static DesignValue choice(String choice, String field, String text) {
        return new DesignValue(Double.NaN, choice, field, text);
    }
}
