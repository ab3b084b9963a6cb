package dev.quorum.model;

import static dev.quorum.model.QuantityText.NUMBER;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A span of time as the user wrote it ("15 min", "1h30m", "daily", "every 6 hours", "0").
 * The value is in seconds; "never" reads as infinity, "continuous" and "real-time" as zero.
 */
public record Duration(String text) implements Quantity {

    private static final Readings READINGS = new Readings(Duration::read);

    /** A duration nobody has filled in. */
    public static final Duration UNSPECIFIED = new Duration("");

    private static final Pattern PART = Pattern.compile(NUMBER + "\\s*([a-zµ]+)\\.?");
    private static final Pattern COMPOUND = Pattern.compile(
            "(?:" + NUMBER + "\\s*[a-zµ]+\\.?)(?:\\s*(?:,|and)?\\s*" + NUMBER + "\\s*[a-zµ]+\\.?)*");
    private static final Pattern RANGE = Pattern.compile(
            NUMBER + "\\s*([a-zµ]+)?\\s*(?:-|–|to)\\s*" + NUMBER + "\\s*([a-zµ]+)");
    private static final Pattern EVERY_UNIT = Pattern.compile("(?:every|each|per|once (?:a|an|per|every))\\s+([a-z]+)");
    private static final Pattern TIMES_PER = Pattern.compile(
            "(once|twice|thrice|" + NUMBER + "\\s*(?:x|times))\\s*(?:a|an|per|every|/)\\s*([a-z]+)");
    private static final Pattern ZERO = Pattern.compile("0+(?:\\.0+)?(?:\\s*[a-zµ]+)?|zero|none|no delay");
    private static final Pattern INSTANT = Pattern.compile(
            "continuous(?:ly)?|real[- ]?time|immediate(?:ly)?|instant(?:ly|aneous)?|on (?:every )?(?:write|change|commit|update|event|save)s?"
                    + "|event[- ]driven|streaming|synchronous(?:ly)?");

    public Duration {
        Objects.requireNonNull(text, "text");
    }

    /** Reads a duration; never throws, unreadable text is kept and reported by {@link #problem()}. */
    public static Duration of(String text) {
        return new Duration(text == null ? "" : text);
    }

    @Override
    public QuantityReading reading() {
        return READINGS.of(text);
    }

    @Override
    public String format(double value) {
        return human(value);
    }

    /** The span in seconds; empty when blank or unreadable. */
    public OptionalDouble seconds() {
        return value();
    }

    /** True when the text says the thing never happens ("never"). */
    public boolean isNever() {
        OptionalDouble v = value();
        return v.isPresent() && Double.isInfinite(v.getAsDouble());
    }

    @Override
    public String baseUnit() {
        return "s";
    }

    /** Formats seconds in the largest unit that keeps the figure readable, for example "1.5 h". */
    public static String human(double seconds) {
        if (Double.isInfinite(seconds)) {
            return "never";
        }
        if (seconds == 0) {
            return "0 s";
        }
        double abs = Math.abs(seconds);
        if (abs < 1) {
            return QuantityText.format(seconds * 1000) + " ms";
        }
        if (abs < 120) {
            return QuantityText.format(seconds) + " s";
        }
        if (abs < 7200) {
            return QuantityText.format(seconds / 60) + " min";
        }
        if (abs < 172800) {
            return QuantityText.format(seconds / 3600) + " h";
        }
        return QuantityText.format(seconds / 86400) + " d";
    }

    static QuantityReading read(String raw) {
        if (raw.isBlank()) {
            return QuantityReading.BLANK;
        }
        String tooLong = QuantityText.tooLong(raw, null, "a duration");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        String t = QuantityText.normalise(raw);
        tooLong = QuantityText.tooLong(raw, t, "a duration");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        if (t.isEmpty()) {
            return QuantityReading.problem("no duration in '" + raw.strip() + "'");
        }
        if (t.equals("never") || t.equals("not tested") || t.equals("untested")) {
            return QuantityReading.of(Double.POSITIVE_INFINITY);
        }
        if (QuantityText.whole(ZERO, t) != null || QuantityText.whole(INSTANT, t) != null) {
            return QuantityReading.of(0);
        }
        Double period = QuantityText.PERIOD_WORDS.get(t);
        if (period != null) {
            return QuantityReading.of(period);
        }
        if (t.startsWith("every ")) {
            String rest = t.substring(6).strip();
            Double unit = QuantityText.timeUnit(rest);
            if (unit != null) {
                return QuantityReading.of(unit);
            }
            t = rest;
        }
        Matcher every = QuantityText.whole(EVERY_UNIT, t);
        if (every != null) {
            Double unit = QuantityText.timeUnit(every.group(1));
            if (unit != null) {
                return QuantityReading.of(unit);
            }
        }
        Matcher times = QuantityText.whole(TIMES_PER, t);
        if (times != null) {
            Double unit = QuantityText.timeUnit(times.group(3));
            if (unit != null) {
                double n = switch (times.group(1)) {
                    case "once" -> 1;
                    case "twice" -> 2;
                    case "thrice" -> 3;
                    default -> QuantityText.number(times.group(2));
                };
                if (n <= 0) {
                    return QuantityReading.problem("'" + raw.strip() + "' happens zero times");
                }
                return QuantityReading.of(unit / n);
            }
        }
        Matcher range = QuantityText.whole(RANGE, t);
        if (range != null) {
            // A range states its worst case at the top; checks against RPO and RTO need that bound.
            Double unit = QuantityText.timeUnit(range.group(4));
            Double lowUnit = range.group(2) == null ? unit : QuantityText.timeUnit(range.group(2));
            if (unit == null || lowUnit == null) {
                return QuantityReading.problem("unknown time unit in '" + raw.strip() + "'");
            }
            return QuantityReading.of(QuantityText.number(range.group(3)) * unit);
        }
        if (QuantityText.whole(COMPOUND, t) != null) {
            double total = 0;
            Matcher part = PART.matcher(t);
            while (part.find()) {
                Double unit = QuantityText.timeUnit(part.group(2));
                if (unit == null) {
                    return QuantityReading.problem("unknown time unit '" + part.group(2) + "' in '" + raw.strip()
                            + "'; use ms, s, min, h, d, week, month or year");
                }
                total += QuantityText.number(part.group(1)) * unit;
            }
            return QuantityReading.of(total);
        }
        if (t.matches(NUMBER)) {
            return QuantityReading.problem("'" + raw.strip() + "' has no unit; write for example '" + t + " s' or '" + t + " min'");
        }
        return QuantityReading.problem("cannot read '" + raw.strip() + "' as a duration; write for example '15 min', '1h30m', 'daily' or 'every 6 hours'");
    }

    @Override
    public String toString() {
        return text;
    }
}
