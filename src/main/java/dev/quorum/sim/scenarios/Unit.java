package dev.quorum.sim.scenarios;

import dev.quorum.model.DataSize;
import dev.quorum.model.Duration;
import dev.quorum.model.Rate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit of a parameter or metric. Values are held in the base unit (seconds, per second, bytes, a ratio
 * from 0 to 1); text goes in and out in human form ("2 s", "40/s", "1.5 TB", "5%").
 */
public enum Unit {
    /** A span of time in seconds. */
    SECONDS("s"),
    /** Events per second. */
    PER_SECOND("/s"),
    /** An amount of data in bytes. */
    BYTES("B"),
    /** Bytes per second. */
    BYTES_PER_SECOND("B/s"),
    /** A number of things. */
    COUNT("count"),
    /** A share from 0 to 1, shown as a percentage. */
    RATIO("ratio"),
    /** A multiplier, such as a replay speed. */
    FACTOR("x"),
    /** An amount of money in US dollars. */
    DOLLARS("USD"),
    /** One of a parameter's options; no number. */
    CHOICE("choice");

    private static final Pattern PERCENT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*%\\s*");
    private static final Pattern PLAIN = Pattern.compile("\\s*[-+]?([0-9]*\\.?[0-9]+)(?:[eE][-+]?[0-9]+)?\\s*");
    private static final Pattern MONEY_TEXT = Pattern.compile("\\s*\\$?\\s*([0-9][0-9,]*\\.?[0-9]*)(?:\\s+per\\s+\\S.*)?\\s*");
    private static final Pattern FACTOR_TEXT = Pattern.compile("\\s*([0-9]*\\.?[0-9]+)\\s*[x×]?\\s*");

    private final String symbol;

    Unit(String symbol) {
        this.symbol = symbol;
    }

    /** The symbol written in JSON and CSV next to a base-unit value. */
    public String symbol() {
        return symbol;
    }

    /**
     * Reads a value typed by a person, for example "2 s", "40/s", "1 TB", "100 MB/s", "5%" or "1,000".
     *
     * @throws IllegalArgumentException with a one-line reason when the text is not such a value
     */
    public double parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("no value given");
        }
        switch (this) {
            case SECONDS -> {
                Duration d = Duration.of(t);
                return d.seconds().orElseThrow(() -> new IllegalArgumentException(d.problem().orElse("not a duration")));
            }
            case PER_SECOND -> {
                Rate r = Rate.of(t);
                return r.perSecond().orElseThrow(() -> new IllegalArgumentException(r.problem().orElse("not a rate")));
            }
            case BYTES -> {
                DataSize s = DataSize.of(t);
                return s.bytes().orElseThrow(() -> new IllegalArgumentException(s.problem().orElse("not a size")));
            }
            case BYTES_PER_SECOND -> {
                String size = t.replaceFirst("(?i)\\s*(/\\s*s|per\\s+second|/sec|ps)$", "");
                DataSize s = DataSize.of(size);
                return s.bytes().orElseThrow(() -> new IllegalArgumentException("expected a throughput such as '100 MB/s'"));
            }
            case RATIO -> {
                Matcher p = PERCENT.matcher(t);
                if (p.matches()) {
                    return Double.parseDouble(p.group(1)) / 100;
                }
                if (PLAIN.matcher(t).matches()) {
                    return Double.parseDouble(t);
                }
                throw new IllegalArgumentException("expected a share such as '5%' or '0.05'");
            }
            case FACTOR -> {
                Matcher f = FACTOR_TEXT.matcher(t);
                if (f.matches()) {
                    return Double.parseDouble(f.group(1));
                }
                throw new IllegalArgumentException("expected a factor such as '10' or '10x'");
            }
            case COUNT -> {
                String plain = t.replace(",", "").replace("_", "");
                if (PLAIN.matcher(plain).matches()) {
                    return Double.parseDouble(plain);
                }
                throw new IllegalArgumentException("expected a number such as '1,000'");
            }
            case DOLLARS -> {
                Matcher m = MONEY_TEXT.matcher(t);
                if (m.matches()) {
                    return Double.parseDouble(m.group(1).replace(",", ""));
                }
                throw new IllegalArgumentException("expected an amount such as '$6' or '0.20'");
            }
            default -> throw new IllegalArgumentException("a choice has no number");
        }
    }

    /** A value in human form with its unit, for example "1.5 s", "40/s", "1.06 TB", "97.2%". */
    public String format(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        return switch (this) {
            case SECONDS -> seconds(value);
            case PER_SECOND -> perSecond(value);
            case BYTES -> bytes(value);
            case BYTES_PER_SECOND -> bytes(value) + "/s";
            case RATIO -> percent(value);
            case FACTOR -> number(value) + "x";
            case COUNT -> number(value);
            case DOLLARS -> value < 0 ? "-$" + number(-value) : "$" + number(value);
            case CHOICE -> "";
        };
    }

    private static String seconds(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "never" : "-never";
        }
        // Round first, so 0.9998 s reads "1 s" rather than "1,000 ms".
        double s = round3(value);
        double a = Math.abs(s);
        if (a == 0) {
            return "0 s";
        }
        if (a < 1) {
            return number(s * 1000) + " ms";
        }
        if (a < 120) {
            return number(s) + " s";
        }
        if (a < 3600) {
            return number(s / 60) + " min";
        }
        if (a < 172_800) {
            return number(s / 3600) + " h";
        }
        return number(s / 86_400) + " d";
    }

    private static String perSecond(double value) {
        double r = round3(value);
        double a = Math.abs(r);
        if (a == 0 || a >= 1 || Double.isInfinite(a)) {
            return number(r) + "/s";
        }
        if (a * 60 >= 1) {
            return number(r * 60) + "/min";
        }
        if (a * 3600 >= 1) {
            return number(r * 3600) + "/h";
        }
        return number(r * 86_400) + "/day";
    }

    private static String bytes(double b) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB", "EB"};
        int i = 0;
        double v = b;
        while (Math.abs(round3(v)) >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return number(v) + " " + units[i];
    }

    /**
     * A number to three significant digits, with thousands separators: 0.000123 becomes "1.23e-4", 1.234
     * "1.23", 12345.6 "12,300"; whole numbers below 1,000 stay whole.
     */
    public static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "∞" : "-∞";
        }
        if (value != 0 && Math.abs(value) < 0.001) {
            return String.format(Locale.ROOT, "%.2e", value).replace("e-0", "e-");
        }
        double r = round3(value);
        if (r == Math.rint(r) && Math.abs(r) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) r);
        }
        return new java.math.BigDecimal(r).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String percent(double ratio) {
        double p = ratio * 100;
        if (p == 0 || p == 100) {
            return (long) p + "%";
        }
        if (Math.abs(p) >= 99.95 && Math.abs(p) < 100) {
            return String.format(Locale.ROOT, "%.3f%%", p);
        }
        if (Math.abs(p) < 0.05) {
            return number(p) + "%";
        }
        String one = String.format(Locale.ROOT, "%.1f", p);
        return (one.endsWith(".0") ? one.substring(0, one.length() - 2) : one) + "%";
    }

    /** Rounds to three significant digits, so formatted figures do not pretend to more precision than a run has. */
    static double round3(double v) {
        if (v == 0 || !Double.isFinite(v)) {
            return v;
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).doubleValue();
    }
}
