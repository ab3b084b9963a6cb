package dev.quorum.template;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One input of a scenario's simulation model, as the card states it: the default with its unit and where that
 * figure comes from, the sensible range, and the design field that fills it when the design states it.
 *
 * @param name        the key the simulation model uses, in snake_case
 * @param label       what people read
 * @param unit        the kind of value
 * @param defaultText the default as text in the unit, for example "15 s" (YAML key {@code default})
 * @param range       the smallest and largest sensible values
 * @param source      where the default comes from; "assumption" says so plainly when it is an engineering guess
 * @param designField the design path that fills the parameter (YAML keys, {@code [*]} for every row), or empty
 * @param description one line on what the parameter means in the scenario
 */
public record ScenarioParameter(
        String name,
        String label,
        ParameterUnit unit,
        @JsonProperty("default") String defaultText,
        ParameterRange range,
        String source,
        String designField,
        String description) {

    public ScenarioParameter {
        designField = designField == null ? "" : designField;
    }

    /** True when a design field can fill this parameter. */
    public boolean hasDesignField() {
        return !designField.isBlank();
    }
}
