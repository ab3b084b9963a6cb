package dev.quorum.sim.engine;

import java.util.Arrays;

/**
 * The pending events, ordered by time and then by the order they were scheduled in, so two events at the
 * same instant always fire in the same order and a seed reproduces a run bit for bit.
 *
 * <p>A binary heap over parallel arrays: no object per entry, which keeps the engine within reach of a
 * hand-written loop (see {@code EngineBenchmark}).
 */
public final class EventQueue {

    private double[] times = new double[64];
    private long[] sequences = new long[64];
    private Event[] events = new Event[64];
    private int size;
    private long nextSequence;

    /** Adds an event at an absolute time. */
    public void add(double time, Event event) {
        if (size == times.length) {
            grow();
        }
        long seq = nextSequence++;
        int hole = size++;
        // Sift up: move parents down until the new entry's place is found. The new entry has the largest
        // sequence number, so it goes after every entry with the same time: a tie stops the sift.
        while (hole > 0) {
            int parent = (hole - 1) >>> 1;
            double pt = times[parent];
            if (pt <= time) {
                break;
            }
            times[hole] = pt;
            sequences[hole] = sequences[parent];
            events[hole] = events[parent];
            hole = parent;
        }
        times[hole] = time;
        sequences[hole] = seq;
        events[hole] = event;
    }

    /** True when no event is pending. */
    public boolean isEmpty() {
        return size == 0;
    }

    /** The number of pending events. */
    public int size() {
        return size;
    }

    /** The time of the next event; only valid when the queue is not empty. */
    public double peekTime() {
        return times[0];
    }

    /** Removes and returns the next event; only valid when the queue is not empty. */
    public Event poll() {
        Event first = events[0];
        int last = --size;
        double t = times[last];
        long s = sequences[last];
        Event e = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(t, s, e, last);
        }
        return first;
    }

    private void siftDown(double t, long s, Event e, int n) {
        int hole = 0;
        int half = n >>> 1;
        while (hole < half) {
            int child = 2 * hole + 1;
            int right = child + 1;
            double ct = times[child];
            if (right < n) {
                double rt = times[right];
                if (rt < ct || (rt == ct && sequences[right] < sequences[child])) {
                    child = right;
                    ct = rt;
                }
            }
            if (t < ct || (t == ct && s < sequences[child])) {
                break;
            }
            times[hole] = ct;
            sequences[hole] = sequences[child];
            events[hole] = events[child];
            hole = child;
        }
        times[hole] = t;
        sequences[hole] = s;
        events[hole] = e;
    }

    /** Drops every pending event. */
    public void clear() {
        Arrays.fill(events, 0, size, null);
        size = 0;
    }

    private void grow() {
        int n = times.length * 2;
        times = Arrays.copyOf(times, n);
        sequences = Arrays.copyOf(sequences, n);
        events = Arrays.copyOf(events, n);
    }
}
