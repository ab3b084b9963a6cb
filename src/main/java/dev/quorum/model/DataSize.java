package dev.quorum.model;

import static dev.quorum.model.QuantityText.NUMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of data as the user wrote it ("2 KB", "1.5 TiB", "~10 GB"), or a size estimate
 * that multiplies out ("1 KB per row x 10M rows"). The value is the total in bytes.
 * KB, MB, GB are decimal (1000); KiB, MiB, GiB are binary (1024).
 */
public record DataSize(String text) implements Quantity {

    private static final Readings READINGS = new Readings(DataSize::read);

    /** A size nobody has filled in. */
    public static final DataSize UNSPECIFIED = new DataSize("");

    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("b", 1.0), Map.entry("byte", 1.0), Map.entry("bytes", 1.0),
            Map.entry("kb", 1e3), Map.entry("mb", 1e6), Map.entry("gb", 1e9), Map.entry("tb", 1e12), Map.entry("pb", 1e15),
            Map.entry("kib", 1024.0), Map.entry("mib", Math.pow(1024, 2)), Map.entry("gib", Math.pow(1024, 3)),
            Map.entry("tib", Math.pow(1024, 4)), Map.entry("pib", Math.pow(1024, 5)),
            Map.entry("kilobyte", 1e3), Map.entry("kilobytes", 1e3), Map.entry("megabyte", 1e6), Map.entry("megabytes", 1e6),
            Map.entry("gigabyte", 1e9), Map.entry("gigabytes", 1e9), Map.entry("terabyte", 1e12), Map.entry("terabytes", 1e12),
            Map.entry("petabyte", 1e15), Map.entry("petabytes", 1e15));

    private static final Pattern SIZE = Pattern.compile(
            NUMBER + "\\s*([a-z]+)(?:\\s*(?:/|per|each|a|an)\\s*([a-z][a-z_ -]*))?");
    /** "×" and "*" always multiply; a letter x only when it stands alone, so "per index entry" keeps its x. */
    private static final Pattern FACTOR_SEPARATOR = Pattern.compile("\\s*[×*]\\s*|\\s*(?<![a-z])x(?![a-z])\\s*");

    public DataSize {
        Objects.requireNonNull(text, "text");
    }

    /** Reads a size; never throws. */
    public static DataSize of(String text) {
        return new DataSize(text == null ? "" : text);
    }

    @Override
    public QuantityReading reading() {
        return READINGS.of(text);
    }

    @Override
    public String format(double value) {
        return human(value);
    }

    /** The total in bytes; empty when blank or unreadable. */
    public OptionalDouble bytes() {
        return value();
    }

    @Override
    public String baseUnit() {
        return "B";
    }

    /** Formats bytes in decimal units, for example "10 GB". */
    public static String human(double bytes) {
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        int i = 0;
        double v = bytes;
        while (Math.abs(v) >= 1000 && i < units.length - 1) {
            v /= 1000;
            i++;
        }
        return QuantityText.format(v) + " " + units[i];
    }

    static QuantityReading read(String raw) {
        if (raw.isBlank()) {
            return QuantityReading.BLANK;
        }
        String tooLong = QuantityText.tooLong(raw, null, "a size");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        String t = QuantityText.normalise(raw);
        tooLong = QuantityText.tooLong(raw, t, "a size");
        if (tooLong != null) {
            return QuantityReading.problem(tooLong);
        }
        String[] factors = FACTOR_SEPARATOR.split(t);
        Double size = null;
        String perWhat = null;
        List<Double> counts = new ArrayList<>();
        for (String factor : factors) {
            String f = QuantityText.normalise(factor);
            Matcher m = QuantityText.whole(SIZE, f);
            Double unit = m == null ? null : UNITS.get(m.group(2));
            if (unit != null) {
                if (size != null) {
                    return QuantityReading.problem("'" + raw.strip() + "' multiplies two sizes; write one size times a count");
                }
                size = QuantityText.number(m.group(1)) * unit;
                perWhat = m.group(3);
                continue;
            }
            QuantityReading count = Count.read(f);
            if (count.value().isEmpty()) {
                return QuantityReading.problem("cannot read '" + factor.strip() + "' in '" + raw.strip()
                        + "'; write for example '2 KB', '1.5 TiB' or '1 KB per row x 10M rows'");
            }
            counts.add(count.value().getAsDouble());
        }
        if (size == null) {
            return QuantityReading.problem("'" + raw.strip() + "' has no size unit; write for example '2 KB' or '10 GB'");
        }
        if (counts.isEmpty() && perWhat != null && QuantityText.timeUnit(perWhat.strip()) != null) {
            return QuantityReading.problem("'" + raw.strip() + "' is a growth rate, not a size; multiply it out, for example '"
                    + t + " x 365 days'");
        }
        double total = size;
        for (double c : counts) {
            total *= c;
        }
        return QuantityReading.of(total);
    }

    @Override
    public String toString() {
        return text;
    }
}
