package dev.quorum.model;

import java.util.Optional;
import java.util.OptionalDouble;

/** A typed quantity read from human text; the text is the truth and the value is derived from it. */
public sealed interface Quantity permits Duration, DataSize, Rate, Count {

    /** The text exactly as the user wrote it. */
    String text();

    /** The text read: a value, a problem, or blank. The text is the only state; readings are remembered per text. */
    QuantityReading reading();

    /** Formats a value of this kind in a short human form, for example 900 s as "15 min". */
    String format(double value);

    /** The base unit's symbol, for example "s" or "B". */
    String baseUnit();

    /** The value in the quantity's base unit, or empty when the text is blank or cannot be read. */
    default OptionalDouble value() {
        return reading().value();
    }

    /** Why the text cannot be read; empty when it is blank or readable. */
    default Optional<String> problem() {
        return reading().problem();
    }

    /** The value in a short human form, for example "15 min" or "10 GB"; empty when unreadable. */
    default Optional<String> humanValue() {
        OptionalDouble v = value();
        return v.isPresent() ? Optional.of(format(v.getAsDouble())) : Optional.empty();
    }

    default boolean isBlank() {
        return text().isBlank();
    }

    default boolean isReadable() {
        return value().isPresent();
    }
}
