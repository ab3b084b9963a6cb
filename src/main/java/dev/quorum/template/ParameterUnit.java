package dev.quorum.template;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.quorum.model.Count;
import dev.quorum.model.DataSize;
import dev.quorum.model.Duration;
import dev.quorum.model.Quantity;
import dev.quorum.model.Rate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of value a scenario parameter holds. Durations, sizes, rates and counts are written as the design
 * file writes them and read by the model's quantity parsers; the other kinds have a small fixed notation.
 */
public enum ParameterUnit {
    /** A span of time such as "15 s" or "1 h", read as a {@link Duration}. */
    @JsonProperty("duration") DURATION,
    /** An amount of data such as "3.4 GB" or "512 MiB", read as a {@link DataSize}. */
    @JsonProperty("size") SIZE,
    /** How often, such as "200/s" or "12 per hour", read as a {@link Rate}. */
    @JsonProperty("rate") RATE,
    /** A number of things such as "10 connections", read as a {@link Count}. */
    @JsonProperty("count") COUNT,
    /** A share written with a percent sign, such as "50%". */
    @JsonProperty("percent") PERCENT,
    /** A multiple written with an x, such as "10x". */
    @JsonProperty("factor") FACTOR,
    /** A price in US dollars, such as "$6 per month" or "$0.20 per 1M requests". */
    @JsonProperty("money") MONEY;

    private static final Pattern PERCENT_TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");
    private static final Pattern FACTOR_TEXT = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*x");
    private static final Pattern MONEY_TEXT = Pattern.compile("\\$(\\d[\\d,]*(?:\\.\\d+)?)(\\s+per\\s+\\S.*)?");

    /** The id written in card files. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for the units whose text Quorum's quantity parsers read. */
    public boolean isQuantity() {
        return this == DURATION || this == SIZE || this == RATE || this == COUNT;
    }

    /**
     * The value of {@code text} in this unit's base (seconds, bytes, per second, a count, a share from 0 to 1,
     * a multiple, dollars).
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not such a value
     */
    public double value(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no value given");
        }
        return switch (this) {
            case DURATION -> quantity(Duration.of(t));
            case SIZE -> quantity(DataSize.of(t));
            case RATE -> quantity(Rate.of(t));
            case COUNT -> quantity(Count.of(t));
            case PERCENT -> number(PERCENT_TEXT, t, "a share such as '50%'") / 100;
            case FACTOR -> number(FACTOR_TEXT, t, "a multiple such as '10x'");
            case MONEY -> number(MONEY_TEXT, t, "a price such as '$6 per month'");
        };
    }

    /** What a money text is priced per ("per month"), empty for a bare amount; other units have none. */
    public String per(String text) {
        if (this != MONEY) {
            return "";
        }
        Matcher m = MONEY_TEXT.matcher(text.strip());
        return m.matches() && m.group(2) != null ? m.group(2).strip() : "";
    }

    private static double quantity(Quantity q) {
        return q.value().orElseThrow(() -> new IllegalArgumentException(q.problem().orElse("no value given")));
    }

    private static double number(Pattern pattern, String text, String expected) {
        Matcher m = pattern.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected " + expected + ", found '" + text + "'");
        }
        return Double.parseDouble(m.group(1).replace(",", ""));
    }
}
