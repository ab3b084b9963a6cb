package dev.quorum.sim.scenarios;

/**
 * The value a run used for one parameter, and where it came from: the design (with the field and its text),
 * the documented default (with the default's source), or the caller.
 */
public record ParameterValue(Parameter parameter, double number, String choice, Origin origin, String detail) {

    /** Where a parameter's value came from. */
    public enum Origin {
        /** Read from a design field. */
        DESIGN,
        /** The documented default, because the design does not state it (or no design field fills it). */
        DEFAULT,
        /** Given by the caller, for example with {@code --param}. */
        OVERRIDE
    }

    public ParameterValue {
        choice = choice == null ? "" : choice;
        detail = detail == null ? "" : detail;
    }

    public String name() {
        return parameter.name();
    }

    /** The value in human form: the option of a choice, or the number with its unit. */
    public String text() {
        if (parameter.isChoice()) {
            return choice;
        }
        return Double.isNaN(number) ? "not stated" : parameter.unit().format(number);
    }

    /** True when a numeric parameter has a value (optional targets may be "not stated"). */
    public boolean isSet() {
        return parameter.isChoice() || !Double.isNaN(number);
    }
}
