package dev.quorum.sim.scenarios;

/** A judgement of a result against one of the design's targets, for example "RPO 1 min: met in 97.2% of failures". */
public record Verdict(Status status, String target, String text) {

    /** Whether the target is met. */
    public enum Status {
        /** The target is met in every simulated case. */
        MET,
        /** The target is missed at least once. */
        MISSED,
        /** No target to judge against; the figure is for information. */
        INFO
    }

    /** The verdict as one line: "MET  RPO 1 min: met in 100% of failures". */
    public String line() {
        return status + ": " + text;
    }
}
