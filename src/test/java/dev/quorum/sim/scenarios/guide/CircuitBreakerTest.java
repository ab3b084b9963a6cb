package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.sim.scenarios.guide.CircuitBreaker.State;
import org.junit.jupiter.api.Test;

/** The breaker's transitions with Resilience4j's defaults: 50%, a window of 100, 60 s open, 10 trial calls. */
class CircuitBreakerTest {

    private static CircuitBreaker defaults() {
        return new CircuitBreaker(0.5, 100, 100, 60, 10);
    }

    private static void record(CircuitBreaker b, double now, int calls, boolean failed) {
        for (int i = 0; i < calls; i++) {
            assertThat(b.tryAcquire(now)).isTrue();
            b.onResult(now, failed);
        }
    }

    @Test
    void staysClosedBeforeTheMinimumNumberOfCallsEvenWhenEveryCallFails() {
        CircuitBreaker b = defaults();
        record(b, 0, 99, true);
        assertThat(b.state()).isEqualTo(State.CLOSED);
        assertThat(b.failureRate()).isNaN();
        record(b, 0, 1, true);
        assertThat(b.state()).isEqualTo(State.OPEN);
    }

    @Test
    void opensAtFiftyFailuresOfAHundredButNotAtFortyNine() {
        CircuitBreaker b = defaults();
        record(b, 0, 51, false);
        record(b, 0, 49, true);
        assertThat(b.state()).isEqualTo(State.CLOSED);
        assertThat(b.failureRate()).isEqualTo(0.49);
        // The oldest call (a success) leaves the window as the 50th failure enters it.
        record(b, 1, 1, true);
        assertThat(b.state()).isEqualTo(State.OPEN);
        assertThat(b.timesOpened()).isEqualTo(1);
    }

    @Test
    void theWindowSlides() {
        CircuitBreaker b = defaults();
        record(b, 0, 40, true);
        record(b, 0, 60, false);
        assertThat(b.failureRate()).isEqualTo(0.40);
        // Forty successes push the forty failures out.
        record(b, 0, 40, false);
        assertThat(b.failureRate()).isEqualTo(0.0);
        assertThat(b.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void refusesForTheWaitDurationThenPermitsExactlyTenTrialCalls() {
        CircuitBreaker b = defaults();
        record(b, 0, 100, true);
        assertThat(b.tryAcquire(0.001)).isFalse();
        assertThat(b.tryAcquire(59.999)).isFalse();
        assertThat(b.state()).isEqualTo(State.OPEN);
        int permitted = 0;
        for (int i = 0; i < 25; i++) {
            if (b.tryAcquire(60)) {
                permitted++;
            }
        }
        assertThat(permitted).isEqualTo(10);
        assertThat(b.state()).isEqualTo(State.HALF_OPEN);
    }

    @Test
    void halfOpenReopensAtFiveFailuresOfTenAndWaitsAgain() {
        CircuitBreaker b = defaults();
        record(b, 0, 100, true);
        for (int i = 0; i < 10; i++) {
            assertThat(b.tryAcquire(60)).isTrue();
        }
        for (int i = 0; i < 9; i++) {
            b.onResult(61, i < 5);
            assertThat(b.state()).as("decided only when all ten are recorded").isEqualTo(State.HALF_OPEN);
        }
        b.onResult(61, false);
        assertThat(b.state()).isEqualTo(State.OPEN);
        assertThat(b.tryAcquire(120)).isFalse();
        assertThat(b.tryAcquire(121)).isTrue();
    }

    @Test
    void halfOpenClosesAtFourFailuresOfTenWithAFreshWindow() {
        CircuitBreaker b = defaults();
        record(b, 0, 100, true);
        for (int i = 0; i < 10; i++) {
            assertThat(b.tryAcquire(60)).isTrue();
        }
        for (int i = 0; i < 10; i++) {
            b.onResult(61, i < 4);
        }
        assertThat(b.state()).isEqualTo(State.CLOSED);
        assertThat(b.failureRate()).as("the window starts empty again").isNaN();
        record(b, 62, 99, true);
        assertThat(b.state()).isEqualTo(State.CLOSED);
    }

    @Test
    void theMinimumNumberOfCallsIsCappedAtTheWindowAsInResilience4j() {
        CircuitBreaker b = new CircuitBreaker(0.5, 10, 100, 60, 10);
        record(b, 0, 10, true);
        assertThat(b.state()).isEqualTo(State.OPEN);
    }
}
