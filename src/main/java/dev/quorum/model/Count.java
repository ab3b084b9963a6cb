package dev.quorum.model;

import static dev.quorum.model.QuantityText.MULTIPLIER;
import static dev.quorum.model.QuantityText.NUMBER;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of things as the user wrote it ("10M rows", "1,000", "2.5 billion events"). */
public record Count(String text) implements Quantity {

    private static final Readings READINGS = new Readings(Count::read);

    /** A count nobody has filled in. */
    public static final Count UNSPECIFIED = new Count("");

    private static final Pattern COUNT = Pattern.compile(NUMBER + "\\s*" + MULTIPLIER + "(?:\\s+[a-z][a-z_ -]*)?");

    public Count {
        Objects.requireNonNull(text, "text");
    }

    /** Reads a count; never throws. */
    public static Count of(String text) {
        return new Count(text == null ? "" : text);
    }

    @Override
    public QuantityReading reading() {
        return READINGS.of(text);
    }

    @Override
    public String format(double value) {
        return QuantityText.format(value);
    }

    @Override
    public String baseUnit() {
        return "";
    }

    static QuantityReading read(String raw) {
        if (raw.isBlank()) {
            return QuantityReading.BLANK;
        }
        String tooLong = QuantityText.tooLong(raw, null, "a count");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        String t = QuantityText.normalise(raw);
        tooLong = QuantityText.tooLong(raw, t, "a count");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        Matcher m = QuantityText.whole(COUNT, t);
        if (m == null) {
            return QuantityReading.problem("cannot read '" + raw.strip() + "' as a count; write for example '10M rows' or '1,000'");
        }
        return QuantityReading.of(QuantityText.number(m.group(1)) * QuantityText.multiplier(m.group(2)));
    }

    @Override
    public String toString() {
        return text;
    }
}
