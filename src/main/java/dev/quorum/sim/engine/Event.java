package dev.quorum.sim.engine;

/** Something that happens at a point of simulated time; it may schedule further events. */
@FunctionalInterface
public interface Event {

    /** Runs the event; the simulation's clock already reads the event's time. */
    void fire();
}
