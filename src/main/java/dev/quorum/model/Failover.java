package dev.quorum.model;

/** What happens when the primary fails: who promotes, how fast it is noticed and promoted, and the steps. */
public record Failover(FailoverMode mode, Duration detectionTime, Duration promotionTime, String process) {

    /** No failover described. */
    public static final Failover EMPTY = new Failover(null, Duration.UNSPECIFIED, Duration.UNSPECIFIED, "");

    public Failover {
        detectionTime = Values.duration(detectionTime);
        promotionTime = Values.duration(promotionTime);
        process = Values.text(process);
    }
}
