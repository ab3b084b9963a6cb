package dev.quorum.template;

/** The smallest and largest sensible value of a scenario parameter, as text in the parameter's unit. */
public record ParameterRange(String min, String max) {
}
