package dev.quorum.sim.scenarios.guide;

import java.util.List;

/** The models of the scenario guide, one per scenario card, in the guide's order. */
public final class GuideModels {

    private GuideModels() {
    }

    /** A new instance of every guide model. */
    public static List<ScenarioModel> all() {
        return List.of(
                new LiveScoreModel(),
                new GhostPaymentModel(),
                new Upload4kModel(),
                new ThirdPartyFailModel(),
                new StateTrapModel(),
                new BudgetCrisisModel(),
                new TenSecondLagModel(),
                new StolenDbModel(),
                new NoonCrashModel(),
                new DeleteMysteryModel(),
                new TrafficSpikeModel(),
                new MorningLagModel(),
                new FreeServerModel(),
                new ZombieCodeModel(),
                new ZeroDowntimeModel());
    }
}
