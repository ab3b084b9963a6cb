package dev.quorum.sim.engine;

/**
 * One discrete-event simulation: a clock and the queue of pending events. Events fire in time order, ties
 * in the order they were scheduled. It is single-threaded by design; replications run in parallel instead
 * (see {@link Replications}).
 */
public final class Simulation {

    /** How many events fire between two looks at the cancellation flag; a power of two minus one. */
    private static final long CHECK_MASK = 0xFFF;

    private final EventQueue queue = new EventQueue();
    private final Cancellation cancellation;
    private double now;
    private boolean stopped;
    private long fired;

    public Simulation() {
        this(Cancellation.NONE);
    }

    public Simulation(Cancellation cancellation) {
        this.cancellation = cancellation == null ? Cancellation.NONE : cancellation;
    }

    /** The simulated time, in seconds from the start of the run. */
    public double now() {
        return now;
    }

    /** Schedules an event {@code delay} seconds from now. */
    public void schedule(double delay, Event event) {
        if (!(delay >= 0)) {
            throw new IllegalArgumentException("an event cannot be scheduled in the past or at NaN: delay " + delay);
        }
        queue.add(now + delay, event);
    }

    /** Schedules an event at an absolute time, which must not be before now. */
    public void scheduleAt(double time, Event event) {
        if (!(time >= now)) {
            throw new IllegalArgumentException("an event cannot be scheduled in the past: " + time + " < " + now);
        }
        queue.add(time, event);
    }

    /** Fires events until none is left, {@link #stop()} is called, or the run is cancelled. */
    public void run() {
        runUntil(Double.POSITIVE_INFINITY);
    }

    /**
     * Fires every event up to and including time {@code end}, then sets the clock to {@code end} (when finite)
     * so time-weighted statistics can be closed there.
     *
     * @throws CancelledException when the run's cancellation token is cancelled
     */
    public void runUntil(double end) {
        stopped = false;
        EventQueue q = queue;
        while (!stopped && !q.isEmpty()) {
            double t = q.peekTime();
            if (t > end) {
                break;
            }
            Event e = q.poll();
            now = t;
            e.fire();
            if ((++fired & CHECK_MASK) == 0) {
                cancellation.check();
            }
        }
        cancellation.check();
        if (!stopped && end != Double.POSITIVE_INFINITY && end > now) {
            now = end;
        }
    }

    /** Ends the current {@link #run()} after the event that is firing. */
    public void stop() {
        stopped = true;
    }

    /** The number of events fired so far. */
    public long eventsFired() {
        return fired;
    }

    /** The number of events still pending. */
    public int pending() {
        return queue.size();
    }
}
