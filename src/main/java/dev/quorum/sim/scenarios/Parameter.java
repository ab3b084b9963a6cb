package dev.quorum.sim.scenarios;

import java.util.List;

/**
 * One input of a model: its name, unit, default, allowed range, where the default comes from, and which
 * design field fills it when the design states it. A choice parameter has options instead of a number.
 *
 * @param name        the key used with {@code --param name=value}
 * @param label       what people read
 * @param unit        the unit of the value ({@link Unit#CHOICE} for options)
 * @param defaultValue the default in the base unit; NaN means "not stated" for optional targets such as an RPO
 * @param min         the smallest allowed value, inclusive
 * @param max         the largest allowed value, inclusive
 * @param options     the allowed values of a choice, empty for numbers
 * @param defaultChoice the default option of a choice, empty for numbers
 * @param source      where the default comes from: a document, a formula, or "engineering assumption" and why
 * @param designField the design field that fills the parameter, empty when none does
 * @param help        one line on what the parameter means in the model
 */
public record Parameter(String name, String label, Unit unit, double defaultValue, double min, double max,
        List<String> options, String defaultChoice, String source, String designField, String help) {

    public Parameter {
        options = List.copyOf(options);
        if (unit == Unit.CHOICE && !options.contains(defaultChoice)) {
            throw new IllegalArgumentException(name + ": default " + defaultChoice + " is not one of " + options);
        }
        if (unit != Unit.CHOICE && !Double.isNaN(defaultValue) && (defaultValue < min || defaultValue > max)) {
            throw new IllegalArgumentException(name + ": default " + defaultValue + " outside [" + min + ", " + max + "]");
        }
    }

    /** A numeric parameter. */
    public static Parameter number(String name, String label, Unit unit, double defaultValue, double min, double max,
            String source, String designField, String help) {
        return new Parameter(name, label, unit, defaultValue, min, max, List.of(), "", source, designField, help);
    }

    /** A parameter whose value is one of {@code options}. */
    public static Parameter choice(String name, String label, List<String> options, String defaultChoice,
            String source, String designField, String help) {
        return new Parameter(name, label, Unit.CHOICE, Double.NaN, Double.NaN, Double.NaN, options, defaultChoice,
                source, designField, help);
    }

    /** True for a choice parameter. */
    public boolean isChoice() {
        return unit == Unit.CHOICE;
    }

    /** The default in human form, "not stated" for an optional target without one. */
    public String defaultText() {
        if (isChoice()) {
            return defaultChoice;
        }
        return Double.isNaN(defaultValue) ? "not stated" : unit.format(defaultValue);
    }

    /** The allowed range in human form, or the options of a choice. */
    public String rangeText() {
        if (isChoice()) {
            return String.join(" | ", options);
        }
        return unit.format(min) + " to " + unit.format(max);
    }
}
