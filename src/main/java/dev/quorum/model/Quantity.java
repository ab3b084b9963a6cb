package dev.quorum.model;

import java.util.Optional;
import java.util.OptionalDouble;

/** A typed quantity read from human text; the text is the truth and the value is derived from it. */
public sealed interface Quantity permits Duration, DataSize, Rate, Count {

    /** The text exactly as the user wrote it. */
    String text();

    /** The value in the quantity's base unit, or empty when the text is blank or cannot be read. */
    OptionalDouble value();

    /** Why the text cannot be read; empty when it is blank or readable. */
    Optional<String> problem();

    /** The base unit's symbol, for example "s" or "B". */
    String baseUnit();

    /** The value in a short human form, for example "15 min" or "10 GB"; empty when unreadable. */
    Optional<String> humanValue();

    default boolean isBlank() {
        return text().isBlank();
    }

    default boolean isReadable() {
        return value().isPresent();
    }
}
