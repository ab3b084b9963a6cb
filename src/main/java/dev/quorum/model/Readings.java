package dev.quorum.model;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what one kind of quantity text reads as. Validation asks every quantity for its value many times
 * per keystroke (each rule, each data element), and reading runs several patterns, while a design holds few
 * distinct texts. A reading is a pure function of the text, so a remembered reading is exact.
 */
final class Readings {

    /** Distinct texts remembered before starting over; far more than a design holds. */
    static final int MAX_ENTRIES = 4096;

    /** Texts longer than this are read each time rather than kept; real figures are a few dozen characters. */
    private static final int MAX_KEPT_LENGTH = 200;

    private final ConcurrentHashMap<String, QuantityReading> byText = new ConcurrentHashMap<>();
    private final Function<String, QuantityReading> read;

    Readings(Function<String, QuantityReading> read) {
        this.read = read;
    }

    /** What {@code text} reads as. */
    QuantityReading of(String text) {
        if (text.length() > MAX_KEPT_LENGTH) {
            return read.apply(text);
        }
        QuantityReading known = byText.get(text);
        if (known != null) {
            return known;
        }
        QuantityReading reading = read.apply(text);
        if (byText.size() >= MAX_ENTRIES) {
            byText.clear();
        }
        byText.put(text, reading);
        return reading;
    }

    /** How many texts are remembered; for tests. */
    int size() {
        return byText.size();
    }
}
