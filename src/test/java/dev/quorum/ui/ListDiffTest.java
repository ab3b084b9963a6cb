package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ListDiffTest {

    @Test
    void theEqualEndsAreKeptAndTheRunBetweenThemIsWhatDiffers() {
        assertThat(ListDiff.between(List.of("a", "b", "c", "d"), List.of("a", "x", "y", "d")))
                .isEqualTo(new ListDiff(1, 3, 3));
        assertThat(ListDiff.between(List.of("a", "b"), List.of("a", "b", "c"))).isEqualTo(new ListDiff(2, 2, 3));
        assertThat(ListDiff.between(List.of("a", "b", "c"), List.of("a", "c"))).isEqualTo(new ListDiff(1, 2, 1));
        assertThat(ListDiff.between(List.of("a"), List.of("z"))).isEqualTo(new ListDiff(0, 1, 1));
    }

    @Test
    void equalListsDifferNowhereAndARepeatedItemIsNotCountedTwice() {
        assertThat(ListDiff.between(List.of("a", "b"), List.of("a", "b")).none()).isTrue();
        assertThat(ListDiff.between(List.of(), List.of()).none()).isTrue();
        // "a a" to "a": the head takes the first a, the tail may not take it again.
        assertThat(ListDiff.between(List.of("a", "a"), List.of("a"))).isEqualTo(new ListDiff(1, 2, 1));
        assertThat(ListDiff.between(List.of("a"), List.of("a", "b")).none()).isFalse();
    }
}
