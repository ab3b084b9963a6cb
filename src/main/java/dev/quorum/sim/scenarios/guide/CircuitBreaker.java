package dev.quorum.sim.scenarios.guide;

/**
 * A count-based circuit breaker with Resilience4j's state machine: CLOSED records outcomes in a ring of the last
 * {@code window} calls and opens once at least the minimum number of calls is recorded and the failure rate reaches
 * the threshold; OPEN refuses every call for the wait duration; the first call after it moves to HALF_OPEN, which
 * permits a fixed number of trial calls and, when all of them are recorded, closes (with a fresh window) or
 * re-opens on their failure rate. Slow-call thresholds are not modelled.
 */
final class CircuitBreaker {

    /** The breaker's state. */
    enum State {
        /** Calls pass and are recorded. */
        CLOSED,
        /** Calls are refused until the wait duration has passed. */
        OPEN,
        /** A few trial calls pass; the rest are refused. */
        HALF_OPEN
    }

    private final double threshold;
    private final boolean[] ring;
    private final int minimumCalls;
    private final double openFor;
    private final int permitted;

    private State state = State.CLOSED;
    private int recorded;
    private int next;
    private int failuresInWindow;
    private double openedAt;
    private int permitsLeft;
    private int trialsRecorded;
    private int trialFailures;
    private int transitionsToOpen;

    /**
     * @param threshold    failure rate at which the breaker opens, 0..1
     * @param window       calls in the count-based sliding window
     * @param minimumCalls calls recorded before a rate is computed; like Resilience4j, never more than the window
     * @param openFor      seconds the breaker stays open
     * @param permitted    trial calls in the half-open state
     */
    CircuitBreaker(double threshold, int window, int minimumCalls, double openFor, int permitted) {
        this.threshold = threshold;
        this.ring = new boolean[Math.max(1, window)];
        this.minimumCalls = Math.max(1, Math.min(minimumCalls, ring.length));
        this.openFor = openFor;
        this.permitted = Math.max(1, permitted);
    }

    /** Whether a call may go to the dependency at {@code now}; a refused call never reaches it. */
    boolean tryAcquire(double now) {
        if (state == State.OPEN && now - openedAt >= openFor) {
            // Resilience4j moves to HALF_OPEN on the first call after the wait, not on a timer.
            state = State.HALF_OPEN;
            permitsLeft = permitted;
            trialsRecorded = 0;
            trialFailures = 0;
        }
        return switch (state) {
            case CLOSED -> true;
            case OPEN -> false;
            case HALF_OPEN -> {
                if (permitsLeft > 0) {
                    permitsLeft--;
                    yield true;
                }
                yield false;
            }
        };
    }

    /** Records the outcome of a call that ends at {@code now}, in the state current at that moment. */
    void onResult(double now, boolean failed) {
        switch (state) {
            case CLOSED -> {
                if (recorded == ring.length) {
                    if (ring[next]) {
                        failuresInWindow--;
                    }
                } else {
                    recorded++;
                }
                ring[next] = failed;
                if (failed) {
                    failuresInWindow++;
                }
                next = (next + 1) % ring.length;
                if (recorded >= minimumCalls && failuresInWindow >= threshold * recorded) {
                    open(now);
                }
            }
            case OPEN -> {
                // Outcomes recorded while open are discarded when the breaker half-opens.
            }
            case HALF_OPEN -> {
                trialsRecorded++;
                if (failed) {
                    trialFailures++;
                }
                if (trialsRecorded >= permitted) {
                    if (trialFailures >= threshold * trialsRecorded) {
                        open(now);
                    } else {
                        close();
                    }
                }
            }
        }
    }

    private void open(double now) {
        state = State.OPEN;
        openedAt = now;
        transitionsToOpen++;
    }

    private void close() {
        state = State.CLOSED;
        recorded = 0;
        next = 0;
        failuresInWindow = 0;
        java.util.Arrays.fill(ring, false);
    }

    /** The state at the last call or result; an OPEN breaker whose wait has passed half-opens on the next call. */
    State state() {
        return state;
    }

    /** The failure rate of the closed window, or NaN below the minimum number of calls. */
    double failureRate() {
        return state == State.CLOSED && recorded >= minimumCalls ? (double) failuresInWindow / recorded : Double.NaN;
    }

    /** How many times the breaker has opened. */
    int timesOpened() {
        return transitionsToOpen;
    }
}
