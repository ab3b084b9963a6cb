package dev.quorum.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lexical pieces shared by every quantity parser: numbers with thousands separators and
 * multipliers, time units, and the hedges people put around a figure ("~", "up to", "(peak)").
 */
final class QuantityText {

    private QuantityText() {
    }

    /** A number: digits with optional thousands commas or underscores and an optional fraction. */
    static final String NUMBER = "(\\d{1,3}(?:[,_]\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)";

    /** The magnitude words and letters themselves, without a boundary check. */
    static final String MULTIPLIER_WORDS = "k|thousand|m|mm|mn|million|b|bn|billion|t|trillion";

    /**
     * Magnitude words and letters after a number: 10K, 10M, 2.5 billion. A multiplier ends its word,
     * so "10 tables" is not 10 trillion "ables" and "3 times a day" is not 3 trillion "imes".
     */
    static final String MULTIPLIER = "(?:(" + MULTIPLIER_WORDS + ")(?![a-z]))?";

    /** Longest text read at all, notes included; longer text is refused before any pattern runs. */
    static final int MAX_TEXT = 1000;

    /** Longest figure once hedges and notes are stripped; real figures are a few dozen characters. */
    static final int MAX_FIGURE = 100;

    private static final Map<String, Double> MULTIPLIERS = Map.ofEntries(
            Map.entry("k", 1e3), Map.entry("thousand", 1e3),
            Map.entry("m", 1e6), Map.entry("mm", 1e6), Map.entry("mn", 1e6), Map.entry("million", 1e6),
            Map.entry("b", 1e9), Map.entry("bn", 1e9), Map.entry("billion", 1e9),
            Map.entry("t", 1e12), Map.entry("trillion", 1e12));

    /** Seconds per time unit, keyed by every spelling we accept. */
    static final Map<String, Double> TIME_UNITS = Map.ofEntries(
            Map.entry("ns", 1e-9), Map.entry("nanosecond", 1e-9), Map.entry("nanoseconds", 1e-9),
            Map.entry("us", 1e-6), Map.entry("µs", 1e-6), Map.entry("microsecond", 1e-6), Map.entry("microseconds", 1e-6),
            Map.entry("ms", 1e-3), Map.entry("msec", 1e-3), Map.entry("msecs", 1e-3),
            Map.entry("millisecond", 1e-3), Map.entry("milliseconds", 1e-3),
            Map.entry("s", 1.0), Map.entry("sec", 1.0), Map.entry("secs", 1.0),
            Map.entry("second", 1.0), Map.entry("seconds", 1.0),
            Map.entry("m", 60.0), Map.entry("min", 60.0), Map.entry("mins", 60.0),
            Map.entry("minute", 60.0), Map.entry("minutes", 60.0),
            Map.entry("h", 3600.0), Map.entry("hr", 3600.0), Map.entry("hrs", 3600.0),
            Map.entry("hour", 3600.0), Map.entry("hours", 3600.0),
            Map.entry("d", 86400.0), Map.entry("day", 86400.0), Map.entry("days", 86400.0),
            Map.entry("w", 604800.0), Map.entry("wk", 604800.0), Map.entry("wks", 604800.0),
            Map.entry("week", 604800.0), Map.entry("weeks", 604800.0),
            Map.entry("mo", 2592000.0), Map.entry("month", 2592000.0), Map.entry("months", 2592000.0),
            Map.entry("quarter", 7776000.0), Map.entry("quarters", 7776000.0),
            Map.entry("y", 31536000.0), Map.entry("yr", 31536000.0), Map.entry("yrs", 31536000.0),
            Map.entry("year", 31536000.0), Map.entry("years", 31536000.0));

    /** Periods named by a single adverb, in seconds: "daily" is once every 86,400 s. */
    static final Map<String, Double> PERIOD_WORDS = Map.ofEntries(
            Map.entry("secondly", 1.0),
            Map.entry("minutely", 60.0),
            Map.entry("hourly", 3600.0),
            Map.entry("daily", 86400.0), Map.entry("nightly", 86400.0),
            Map.entry("twice daily", 43200.0), Map.entry("twice a day", 43200.0),
            Map.entry("weekly", 604800.0),
            Map.entry("biweekly", 1209600.0), Map.entry("fortnightly", 1209600.0),
            Map.entry("monthly", 2592000.0),
            Map.entry("quarterly", 7776000.0),
            Map.entry("semiannually", 15768000.0), Map.entry("semi-annually", 15768000.0),
            Map.entry("twice a year", 15768000.0),
            Map.entry("yearly", 31536000.0), Map.entry("annually", 31536000.0), Map.entry("annual", 31536000.0));

    private static final Pattern LEADING_HEDGE = Pattern.compile(
            "^(?:~|≈|<=|>=|≤|≥|<|>|approx\\.?|approximately|about|around|roughly|circa|ca\\.|"
                    + "up to|at most|at least|under|below|less than|within|max\\.?|maximum|min\\.?|minimum|"
                    + "peak|average|avg\\.?|typically|target:?|est\\.?|estimated)\\s*");
    private static final Pattern TRAILING_NOTE = Pattern.compile("\\s*\\([^()]*\\)\\s*$");
    private static final Pattern TRAILING_HEDGE = Pattern.compile("\\s+(?:max|maximum|peak|average|avg|or less|or so)\\.?$");

    /**
     * Lower-cases the text and strips hedges and a trailing parenthetical note, since "~10 GB (2026)"
     * and "up to 5 s" state the figure that matters for checking a design.
     */
    static String normalise(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replace('\u00a0', ' ').replaceAll("\\s+", " ");
        String before;
        do {
            before = t;
            t = TRAILING_NOTE.matcher(t).replaceFirst("");
            t = TRAILING_HEDGE.matcher(t).replaceFirst("");
            t = LEADING_HEDGE.matcher(t).replaceFirst("");
            t = t.strip();
        } while (!t.equals(before));
        return t;
    }

    /**
     * Why {@code raw} (or its normalised figure {@code figure}, null before normalising) is too long to read
     * as {@code what}, or null when it is not. Long text would make the patterns slow or overflow the stack.
     */
    static String tooLong(String raw, String figure, String what) {
        if (raw.length() <= MAX_TEXT && (figure == null || figure.length() <= MAX_FIGURE)) {
            return null;
        }
        String shown = raw.strip();
        shown = shown.length() > 40 ? shown.substring(0, 40).strip() + "…" : shown;
        return "'" + shown.replaceAll("\\s+", " ") + "' is too long to read as " + what
                + "; write the figure alone and put notes in another field";
    }

    /** Reads a number group matched by {@link #NUMBER}, ignoring thousands separators. */
    static double number(String digits) {
        return Double.parseDouble(digits.replace(",", "").replace("_", ""));
    }

    /** The factor for a multiplier word or letter, 1 when absent. */
    static double multiplier(String word) {
        if (word == null || word.isEmpty()) {
            return 1.0;
        }
        Double m = MULTIPLIERS.get(word);
        if (m == null) {
            throw new IllegalArgumentException("unknown multiplier " + word);
        }
        return m;
    }

    /** Seconds in a time unit, or null when the word is not a time unit. */
    static Double timeUnit(String word) {
        return TIME_UNITS.get(word);
    }

    /** Matches {@code pattern} against the whole text, or returns null. */
    static Matcher whole(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.matches() ? m : null;
    }

    /** Formats a value with up to three decimals and thousands separators, dropping trailing zeros. */
    static String format(double value) {
        if (Double.isInfinite(value)) {
            return "∞";
        }
        double rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 1000.0) / 1000.0;
        if (rounded == Math.rint(rounded) && Math.abs(rounded) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) rounded);
        }
        String s = String.format(Locale.ROOT, "%,.3f", rounded);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
