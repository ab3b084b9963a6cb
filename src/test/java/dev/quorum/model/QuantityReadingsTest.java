package dev.quorum.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Remembered quantity readings: a new text is read anew, a known text gives the reading it gave before. */
class QuantityReadingsTest {

    @Test
    void aChangedTextIsReadAgainAndAKnownOneIsNot() {
        AtomicInteger reads = new AtomicInteger();
        Readings readings = new Readings(text -> {
            reads.incrementAndGet();
            return DataSize.read(text);
        });
        assertThat(readings.of("2 KB").value()).hasValue(2_000);
        assertThat(readings.of("2 KB").value()).hasValue(2_000);
        assertThat(reads).hasValue(1);
        // The edited text is a different key: its own reading, never the remembered one.
        assertThat(readings.of("20 KB").value()).hasValue(20_000);
        assertThat(readings.of("2 KB x").problem()).isEqualTo(DataSize.read("2 KB x").problem());
        assertThat(reads).hasValue(3);
    }

    @Test
    void quantitiesReadTheSameThroughTheCacheAsDirectly() {
        for (String text : new String[] {"", "15 min", "~10 GB (2026)", "1 KB per row x 10M rows", "nonsense", "1,000/s"}) {
            assertThat(DataSize.of(text).reading()).isEqualTo(DataSize.read(text));
            assertThat(new Duration(text).reading()).isEqualTo(Duration.read(text));
            assertThat(new Rate(text).reading()).isEqualTo(Rate.read(text));
            assertThat(new Count(text).reading()).isEqualTo(Count.read(text));
        }
    }

    @Test
    void startsOverInsteadOfGrowingWithoutBound() {
        Readings readings = new Readings(DataSize::read);
        for (int i = 0; i < Readings.MAX_ENTRIES + 10; i++) {
            assertThat(readings.of(i + " KB").value()).hasValue(i * 1_000.0);
        }
        assertThat(readings.size()).isLessThanOrEqualTo(Readings.MAX_ENTRIES);
    }

    @Test
    void longTextIsReadButNotKept() {
        Readings readings = new Readings(DataSize::read);
        String longText = "2 KB " + "x".repeat(300);
        assertThat(readings.of(longText)).isEqualTo(DataSize.read(longText));
        assertThat(readings.size()).isZero();
    }
}
