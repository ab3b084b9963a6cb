package dev.quorum.model;

/** The recovery objectives (RTO, RPO), the procedure, and how often recovery is rehearsed. */
public record RecoveryPlan(Duration rto, Duration rpo, String procedure, Duration testingFrequency) {

    /** No recovery plan. */
    public static final RecoveryPlan EMPTY = new RecoveryPlan(null, null, "", null);

    public RecoveryPlan {
        rto = Values.duration(rto);
        rpo = Values.duration(rpo);
        procedure = Values.text(procedure);
        testingFrequency = Values.duration(testingFrequency);
    }
}
