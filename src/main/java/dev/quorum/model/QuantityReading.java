package dev.quorum.model;

import java.util.Optional;
import java.util.OptionalDouble;

/** The outcome of reading one quantity text: a value, a problem, or blank. */
public record QuantityReading(OptionalDouble value, Optional<String> problem) {

    static final QuantityReading BLANK = new QuantityReading(OptionalDouble.empty(), Optional.empty());

    static QuantityReading of(double value) {
        return new QuantityReading(OptionalDouble.of(value), Optional.empty());
    }

    static QuantityReading problem(String why) {
        return new QuantityReading(OptionalDouble.empty(), Optional.of(why));
    }
}
