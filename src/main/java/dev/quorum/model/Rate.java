package dev.quorum.model;

import static dev.quorum.model.QuantityText.MULTIPLIER;
import static dev.quorum.model.QuantityText.NUMBER;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How often something happens, as the user wrote it ("1,000/s", "50 per minute", "10M/day",
 * "hourly", "every 5 min"). The value is events per second.
 */
public record Rate(String text) implements Quantity {

    private static final Readings READINGS = new Readings(Rate::read);

    /** A rate nobody has filled in. */
    public static final Rate UNSPECIFIED = new Rate("");

    private static final String NOUN = "(?!(?:per|a|an|every|each)\\b)[a-z][a-z_-]*";
    private static final Pattern PER = Pattern.compile(
            // Nouns such as "orders" may sit between the number and the separator, but a separator word
            // itself never counts as a noun: otherwise "2 per day" backtracks into noun "per d", "a", "y".
            NUMBER + "\\s*" + MULTIPLIER + "(?:\\s*" + NOUN + "(?:\\s+" + NOUN + ")?)?"
                    + "\\s*(?:/|\\bper\\b|\\ba\\b|\\ban\\b|\\bevery\\b|\\beach\\b)\\s*([a-z]+)");
    private static final Pattern SHORTHAND = Pattern.compile(
            NUMBER + "\\s*(" + QuantityText.MULTIPLIER_WORDS + ")?\\s*(rps|qps|tps|ops|wps|rpm|qpm|tpm|rph)");

    public Rate {
        Objects.requireNonNull(text, "text");
    }

    /** Reads a rate; never throws. */
    public static Rate of(String text) {
        return new Rate(text == null ? "" : text);
    }

    @Override
    public QuantityReading reading() {
        return READINGS.of(text);
    }

    @Override
    public String format(double value) {
        return human(value);
    }

    /** Events per second; empty when blank or unreadable. */
    public OptionalDouble perSecond() {
        return value();
    }

    @Override
    public String baseUnit() {
        return "/s";
    }

    /** Formats a rate per second, falling back to per minute, hour or day for slow rates. */
    public static String human(double perSecond) {
        if (perSecond == 0 || perSecond >= 1) {
            return QuantityText.format(perSecond) + "/s";
        }
        if (perSecond * 60 >= 1) {
            return QuantityText.format(perSecond * 60) + "/min";
        }
        if (perSecond * 3600 >= 1) {
            return QuantityText.format(perSecond * 3600) + "/h";
        }
        return QuantityText.format(perSecond * 86400) + "/day";
    }

    static QuantityReading read(String raw) {
        if (raw.isBlank()) {
            return QuantityReading.BLANK;
        }
        String tooLong = QuantityText.tooLong(raw, null, "a rate");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        String t = QuantityText.normalise(raw);
        tooLong = QuantityText.tooLong(raw, t, "a rate");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        if (t.equals("0") || t.equals("never") || t.equals("none")) {
            return QuantityReading.of(0);
        }
        Matcher shorthand = QuantityText.whole(SHORTHAND, t);
        if (shorthand != null) {
            double per = switch (shorthand.group(3)) {
                case "rpm", "qpm", "tpm" -> 60;
                case "rph" -> 3600;
                default -> 1;
            };
            return QuantityReading.of(QuantityText.number(shorthand.group(1)) * QuantityText.multiplier(shorthand.group(2)) / per);
        }
        Matcher per = QuantityText.whole(PER, t);
        if (per != null) {
            Double unit = QuantityText.timeUnit(per.group(3));
            if (unit == null) {
                return QuantityReading.problem("unknown time unit '" + per.group(3) + "' in '" + raw.strip()
                        + "'; use s, min, h, day, week, month or year");
            }
            return QuantityReading.of(QuantityText.number(per.group(1)) * QuantityText.multiplier(per.group(2)) / unit);
        }
        // "hourly", "every 5 min", "twice a day" name a period, so the rate is its inverse. A bare
        // "15 min" is not accepted: it is more likely a latency typed in the wrong field.
        boolean periodic = t.startsWith("every ") || t.startsWith("once ") || t.startsWith("twice ")
                || t.startsWith("thrice ") || QuantityText.PERIOD_WORDS.containsKey(t);
        if (periodic) {
            QuantityReading period = Duration.read(raw);
            if (period.value().isPresent()) {
                double seconds = period.value().getAsDouble();
                if (seconds > 0 && !Double.isInfinite(seconds)) {
                    return QuantityReading.of(1.0 / seconds);
                }
            }
        }
        return QuantityReading.problem("cannot read '" + raw.strip()
                + "' as a rate; write for example '1,000/s', '50 per minute', '10M/day' or 'hourly'");
    }

    @Override
    public String toString() {
        return text;
    }
}
