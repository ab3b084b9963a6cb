package dev.quorum.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Typed quantities read from human text: the value in the base unit, a problem for unreadable text,
 * the original text kept exactly, equality by text, and a short human form.
 */
class QuantityParsingTest {

    private static final double DAY = 86_400;
    private static final double KIB = 1024;

    /** Asserts a readable quantity whose value is {@code expected} within a relative tolerance of 1e-9. */
    private static void assertReads(Quantity q, String text, double expected) {
        assertThat(q.text()).as("text is kept exactly").isEqualTo(text);
        assertThat(q.problem()).as("problem of '%s'", text).isEmpty();
        assertThat(q.isReadable()).as("readable '%s'", text).isTrue();
        assertThat(q.isBlank()).isFalse();
        double actual = q.value().orElseThrow();
        if (Double.isInfinite(expected)) {
            assertThat(actual).as("value of '%s'", text).isEqualTo(expected);
        } else {
            assertThat(actual).as("value of '%s'", text)
                    .isCloseTo(expected, within(Math.abs(expected) * 1e-9 + 1e-15));
        }
        assertThat(q.humanValue()).as("human value of '%s'", text).isPresent();
    }

    /** Asserts an unreadable quantity: no value, and a one-line problem that quotes what was written. */
    private static void assertProblem(Quantity q, String text, String mentions) {
        assertThat(q.text()).as("text is kept exactly").isEqualTo(text);
        assertThat(q.value()).as("value of '%s'", text).isEmpty();
        assertThat(q.isReadable()).isFalse();
        assertThat(q.humanValue()).isEmpty();
        assertThat(q.problem()).as("problem of '%s'", text).isPresent();
        String problem = q.problem().orElseThrow();
        assertThat(problem).isNotBlank().doesNotContain("\n").contains("'" + text.strip());
        if (mentions != null) {
            assertThat(problem).containsIgnoringCase(mentions);
        }
    }

    // ---------------------------------------------------------------- durations

    static Stream<Arguments> durations() {
        return Stream.of(
                // the issue's own examples
                arguments("15 min", 900),
                arguments("1h30m", 5400),
                arguments("daily", DAY),
                arguments("every 6 hours", 21_600),
                arguments("0", 0),
                // units, fractions and compounds
                arguments("200 ms", 0.2),
                arguments("100ms", 0.1),
                arguments("90 s", 90),
                arguments("30s", 30),
                arguments("1.5 h", 5400),
                arguments("2 hours 15 minutes", 8100),
                arguments("1 h 30 min", 5400),
                arguments("2 hours and 15 minutes", 8100),
                arguments("2 weeks", 14 * DAY),
                arguments("7 years", 7 * 365 * DAY),
                arguments("  15 min  ", 900),
                // hedges and ranges state the figure that matters: the bound
                arguments("< 1 s", 1),
                arguments("~5 s", 5),
                arguments("up to 30 s", 30),
                arguments("1-2 s", 2),
                arguments("5-10 min", 600),
                arguments("1 to 2 hours", 7200),
                // period words and phrases
                arguments("quarterly", 90 * DAY),
                arguments("weekly", 7 * DAY),
                arguments("hourly", 3600),
                arguments("once a day", DAY),
                arguments("twice a day", DAY / 2),
                arguments("3 times a day", DAY / 3),
                arguments("2x per day", DAY / 2),
                arguments("every hour", 3600),
                arguments("every 15 minutes", 900),
                // instants and never
                arguments("continuous", 0),
                arguments("on every save", 0),
                arguments("real-time", 0),
                arguments("never", Double.POSITIVE_INFINITY),
                // a trailing note is ignored
                arguments("5 min (with WAL)", 300),
                arguments("10 days (approx)", 10 * DAY));
    }

    @ParameterizedTest(name = "duration ''{0}'' = {1} s")
    @MethodSource("durations")
    void readsDurations(String text, double seconds) {
        Duration d = Duration.of(text);
        assertReads(d, text, seconds);
        assertThat(d.seconds()).isEqualTo(d.value());
        assertThat(d.baseUnit()).isEqualTo("s");
        assertThat(d.isNever()).isEqualTo(Double.isInfinite(seconds));
    }

    @ParameterizedTest(name = "duration ''{0}'' is unreadable")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            soon          | -
            5             | unit
            5 parsecs     | parsecs
            abc min       | -
            fast-ish      | -
            every other day | -
            1.5 TiB       | -
            """)
    void reportsUnreadableDurations(String text, String mentions) {
        assertProblem(Duration.of(text), text, mentions);
    }

    @Test
    void neverIsInfiniteAndOnlyNeverIsNever() {
        assertThat(Duration.of("never").isNever()).isTrue();
        assertThat(Duration.of("never").humanValue()).contains("never");
        assertThat(Duration.of("0").isNever()).isFalse();
        assertThat(Duration.of("7 years").isNever()).isFalse();
        assertThat(Duration.of("soon").isNever()).isFalse();
    }

    // ---------------------------------------------------------------- sizes

    static Stream<Arguments> sizes() {
        return Stream.of(
                arguments("2 KB", 2000),
                arguments("2KB", 2000),
                arguments("1.5 TiB", 1.5 * KIB * KIB * KIB * KIB),
                arguments("~10 GB", 1e10),
                arguments("3 MiB", 3 * KIB * KIB),
                arguments("500 bytes", 500),
                arguments("1,000 KB", 1e6),
                arguments("1 KB per row x 10M rows", 1e10),
                arguments("10M rows x 1 KB", 1e10),
                arguments("500 B per event × 2B events", 1e12),
                arguments("1 KB per row * 10M rows", 1e10),
                arguments("1KB*10M", 1e10),
                arguments("1 KB x10M rows", 1e10),
                // an x inside a word is not a multiplication sign
                arguments("1 KB per index entry x 10M entries", 1e10),
                arguments("10 GB/day x 365 days", 3.65e12));
    }

    @ParameterizedTest(name = "size ''{0}'' = {1} B")
    @MethodSource("sizes")
    void readsSizes(String text, double bytes) {
        DataSize s = DataSize.of(text);
        assertReads(s, text, bytes);
        assertThat(s.bytes()).isEqualTo(s.value());
        assertThat(s.baseUnit()).isEqualTo("B");
    }

    @ParameterizedTest(name = "size ''{0}'' is unreadable")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            big            | -
            10             | size unit
            10 GB/day      | growth
            2 KB x 3 MB    | two sizes
            1 KB x lots    | lots
            """)
    void reportsUnreadableSizes(String text, String mentions) {
        assertProblem(DataSize.of(text), text, mentions);
    }

    // ---------------------------------------------------------------- rates

    static Stream<Arguments> rates() {
        return Stream.of(
                arguments("1,000/s", 1000),
                arguments("50 per minute", 50.0 / 60),
                arguments("10M/day", 1e7 / DAY),
                arguments("200 orders/min", 200.0 / 60),
                arguments("hourly", 1.0 / 3600),
                arguments("every 5 min", 1.0 / 300),
                arguments("100 rps", 100),
                arguments("60 rpm", 1),
                arguments("5 writes per second", 5),
                arguments("twice a day", 2 / DAY),
                arguments("10k/h", 1e4 / 3600),
                arguments("~1,000/s (peak)", 1000),
                // a word after a number is a noun, not a magnitude letter
                arguments("3 times a day", 3 / DAY),
                arguments("10 tables/s", 10),
                arguments("10 members/day", 10 / DAY),
                arguments("10M members per day", 1e7 / DAY),
                // a separator word is never taken for a noun ("2 per day" once read as 2 per year)
                arguments("2 per day", 2 / DAY),
                arguments("5 a day", 5 / DAY),
                arguments("1 per year", 1 / (365 * DAY)),
                arguments("20 orders per hour", 20.0 / 3600));
    }

    @ParameterizedTest(name = "rate ''{0}'' = {1}/s")
    @MethodSource("rates")
    void readsRates(String text, double perSecond) {
        Rate r = Rate.of(text);
        assertReads(r, text, perSecond);
        assertThat(r.perSecond()).isEqualTo(r.value());
        assertThat(r.baseUnit()).isEqualTo("/s");
    }

    @ParameterizedTest(name = "rate ''{0}'' is unreadable")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            lots           | -
            15 min         | -
            fast           | -
            5 per fortnight | fortnight
            """)
    void reportsUnreadableRates(String text, String mentions) {
        assertProblem(Rate.of(text), text, mentions);
    }

    // ---------------------------------------------------------------- counts

    static Stream<Arguments> counts() {
        return Stream.of(
                arguments("10M rows", 1e7),
                arguments("1,000", 1000),
                arguments("2.5 billion events", 2.5e9),
                arguments("10 members", 10),
                arguments("10K", 1e4),
                arguments("3 tables", 3),
                arguments("2B events", 2e9));
    }

    @ParameterizedTest(name = "count ''{0}'' = {1}")
    @MethodSource("counts")
    void readsCounts(String text, double n) {
        assertReads(Count.of(text), text, n);
    }

    @ParameterizedTest(name = "count ''{0}'' is unreadable")
    @ValueSource(strings = {"many", "a few", "10 GB/s"})
    void reportsUnreadableCounts(String text) {
        assertProblem(Count.of(text), text, null);
    }

    // ---------------------------------------------------------------- blank, text, equality, human form

    static Stream<Arguments> factories() {
        return Stream.of(
                arguments("duration", (Function<String, Quantity>) Duration::of),
                arguments("size", (Function<String, Quantity>) DataSize::of),
                arguments("rate", (Function<String, Quantity>) Rate::of),
                arguments("count", (Function<String, Quantity>) Count::of));
    }

    @ParameterizedTest(name = "blank {0} is neither readable nor a problem")
    @MethodSource("factories")
    void blankIsNotReadableAndNotAProblem(String kind, Function<String, Quantity> of) {
        for (String blank : new String[] {"", "   ", "\t"}) {
            Quantity q = of.apply(blank);
            assertThat(q.text()).isEqualTo(blank);
            assertThat(q.isBlank()).isTrue();
            assertThat(q.value()).isEmpty();
            assertThat(q.problem()).isEmpty();
            assertThat(q.isReadable()).isFalse();
            assertThat(q.humanValue()).isEmpty();
        }
        assertThat(of.apply(null).text()).isEmpty();
    }

    @ParameterizedTest(name = "long {0} text gives a problem, never an exception")
    @MethodSource("factories")
    @Timeout(2)
    void longTextIsAProblemNotACrash(String kind, Function<String, Quantity> of) {
        String[] texts = {
            "1 s " + "1 s ".repeat(3000),
            "1" + " and 1".repeat(3000) + " x",
            "1 " + "a".repeat(5000) + "!",
            "1 " + "t".repeat(5000) + "o",
            "1 KB" + " x 2".repeat(2000) + " x",
            "(".repeat(900) + "1 s" + ")".repeat(90),
        };
        for (String text : texts) {
            Quantity q = of.apply(text);
            assertThat(q.text()).isEqualTo(text);
            assertThat(q.value()).as("value of a %d-character %s", text.length(), kind).isEmpty();
            assertThat(q.problem()).isPresent();
            assertThat(q.problem().orElseThrow()).doesNotContain("\n").hasSizeLessThan(300);
        }
        // a long note after a short figure is still fine
        String noted = "2 KB (" + "estimated from the 2025 capacity plan ".repeat(5) + ")";
        assertThat(DataSize.of(noted).value()).hasValue(2000);
    }

    @Test
    void theTextIsKeptExactlyAndEqualityIsByText() {
        assertThat(Duration.of("15 min")).isEqualTo(new Duration("15 min")).hasSameHashCodeAs(new Duration("15 min"));
        assertThat(Duration.of("15 min").value()).isEqualTo(Duration.of("900 s").value());
        assertThat(Duration.of("15 min")).isNotEqualTo(Duration.of("900 s"));
        assertThat(Duration.of("15 min")).isNotEqualTo(Duration.of("15 min "));
        assertThat(Duration.of(" 15 MIN ").text()).isEqualTo(" 15 MIN ");
        assertThat(Duration.of(" 15 MIN ").toString()).isEqualTo(" 15 MIN ");
        assertThat(DataSize.of("2 KB")).isEqualTo(new DataSize("2 KB")).isNotEqualTo(DataSize.of("2000 B"));
        assertThat(Rate.of("1,000/s")).isEqualTo(new Rate("1,000/s")).isNotEqualTo(Rate.of("1000/s"));
        assertThat(Count.of("10M rows")).isEqualTo(new Count("10M rows")).isNotEqualTo(Count.of("10,000,000 rows"));
        assertThat(DataSize.of("soon").text()).isEqualTo("soon");
        assertThat(Duration.UNSPECIFIED).isEqualTo(Duration.of(null));
    }

    @ParameterizedTest(name = "human value of ''{1}'' is ''{2}''")
    @CsvSource(delimiter = '|', textBlock = """
            duration | 15 min                  | 15 min
            duration | 90 s                    | 90 s
            duration | 200 ms                  | 200 ms
            duration | 1h30m                   | 90 min
            duration | every 6 hours           | 6 h
            duration | 0                       | 0 s
            duration | never                   | never
            size     | 1 KB per row x 10M rows | 10 GB
            size     | 2 KB                    | 2 KB
            rate     | 50 per minute           | 50/min
            rate     | 1,000/s                 | 1,000/s
            rate     | hourly                  | 1/h
            count    | 10M rows                | 10,000,000
            """)
    void humanValue(String kind, String text, String human) {
        Quantity q = switch (kind) {
            case "duration" -> Duration.of(text);
            case "size" -> DataSize.of(text);
            case "rate" -> Rate.of(text);
            default -> Count.of(text);
        };
        assertThat(q.humanValue()).contains(human);
    }
}
