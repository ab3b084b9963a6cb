package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.Design;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.Series;
import dev.quorum.sim.scenarios.SimulationResult;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StolenDbModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new StolenDbModel();
    }

    private static double value(SimulationResult r, String name) {
        return r.metric(name).orElseThrow().value();
    }

    @Test
    void bcryptRateHalvesWithEveryCostStep() {
        assertThat(StolenDbModel.bcryptRate(242_000, 5)).isEqualTo(242_000);
        assertThat(StolenDbModel.bcryptRate(242_000, 10)).isCloseTo(242_000 / 32.0, within(1e-9));
        assertThat(StolenDbModel.bcryptRate(242_000, 12)).isCloseTo(242_000 / 128.0, within(1e-9));
    }

    @Test
    void zipfShareAndItsInverseAgree() {
        double n = 14.3e6;
        for (double s : new double[] {0.5, 0.9, 1.0, 1.5}) {
            for (double share : new double[] {0.01, 0.3, 0.9}) {
                double g = StolenDbModel.zipfGuesses(share, n, s);
                assertThat(StolenDbModel.zipfShare(g, n, s)).as("s=%s share=%s", s, share).isCloseTo(share, within(1e-9));
            }
        }
        // At s = 0.9 about a quarter of the dictionary's users sit in its top 1,000, as the card's source says.
        assertThat(StolenDbModel.zipfShare(1000, n, 0.9)).isCloseTo(0.237, within(0.002));
    }

    @Test
    void sampledGuessesMatchTheZipfClosedForm() {
        SimulationResult r = run(Map.of(), 17, 20);
        double closed = value(r, "guesses_for_target");
        // (1 + (10% / 30%) (N^0.1 - 1))^10 with N = 14.3 million.
        assertThat(closed).isCloseTo(6291, within(1.0));
        Metric sampled = r.metric("guesses_for_target_sampled").orElseThrow();
        double slack = Math.max(sampled.value() - sampled.low(), sampled.high() - sampled.value()) + 0.03 * closed;
        assertThat(sampled.value()).isCloseTo(closed, within(slack));
        // The share cracked in the budget follows the same law: bcrypt cost 10 tries 30 d x 7,562/s / 1M guesses per account.
        double guesses = 30 * 86_400 * (242_000 / 32.0) / 1e6;
        double expected = 0.3 * StolenDbModel.zipfShare(Math.floor(guesses), 14.3e6, 0.9);
        assertThat(value(r, "cracked_in_budget_bcrypt")).isCloseTo(expected, within(0.01));
    }

    @Test
    void timesFollowTheRatesAndTheSalt() {
        SimulationResult r = run(Map.of(), 4, 3);
        double g = value(r, "guesses_for_target_sampled");
        assertThat(value(r, "time_to_target_plain_text")).isZero();
        assertThat(value(r, "cracked_in_budget_plain_text")).isEqualTo(1);
        // Unsalted: one pass for the whole table, independent of the number of accounts.
        assertThat(value(r, "time_to_target_md5")).isCloseTo(g / 148e9, within(1e-15));
        assertThat(value(r, "time_to_target_sha1")).isCloseTo(g / 50.6e9, within(1e-15));
        // Salted: every account separately.
        assertThat(value(r, "time_to_target_salted_sha1")).isCloseTo(g * 1e6 / 50.6e9, within(1e-6));
        double bcrypt10 = value(r, "time_to_target_bcrypt");
        assertThat(bcrypt10).isCloseTo(g * 1e6 / (242_000 / 32.0), within(1.0));
        assertThat(value(r, "time_to_target_bcrypt_strong") / bcrypt10).isCloseTo(4, within(1e-9));
        assertThat(value(r, "bcrypt_cost_ratio")).isEqualTo(4);
        // About 9.6 days for a tenth of a million accounts at cost 10.
        assertThat(bcrypt10 / 86_400).isBetween(8.5, 10.5);
        assertThat(value(r, "time_to_exhaust_bcrypt")).isCloseTo(14.3e6 * 1e6 / (242_000 / 32.0), within(1e3));

        SimulationResult twice = run(Map.of("users", "2000000"), 4, 3);
        assertThat(value(twice, "time_to_target_bcrypt")).isCloseTo(2 * bcrypt10, within(1e-6 * bcrypt10));
        assertThat(value(twice, "time_to_target_md5")).isEqualTo(value(r, "time_to_target_md5"));
    }

    @Test
    void aTargetBeyondTheDictionaryIsNeverReached() {
        SimulationResult r = run(Map.of("target_share", "50%"), 4, 2);
        assertThat(r.metric("time_to_target_bcrypt").orElseThrow().value()).isNaN();
        assertThat(value(r, "cracked_in_budget_md5")).isCloseTo(0.3, within(0.02));
    }

    @Test
    void progressGrowsOverTheAttack() {
        SimulationResult r = run(Map.of(), 6, 2);
        Series bcrypt = r.series().stream().filter(s -> s.name().equals("cracked_bcrypt")).findFirst().orElseThrow();
        assertThat(bcrypt.values()).hasSize(StolenDbModel.PROGRESS_BUCKETS).isSorted();
        assertThat(bcrypt.values().get(bcrypt.values().size() - 1)).isCloseTo(value(r, "cracked_in_budget_bcrypt"), within(1e-9));
        assertThat(bcrypt.width()).isCloseTo(86_400, within(1e-6));
    }

    @Test
    void samplingIsDeterministicPerSeed() {
        double[] a = StolenDbModel.sampleRanks(new SplittableRandom(3), 1e6, 0.5, 0.9);
        double[] b = StolenDbModel.sampleRanks(new SplittableRandom(3), 1e6, 0.5, 0.9);
        assertThat(a).containsExactly(b);
        assertThat(a[0]).isGreaterThanOrEqualTo(1);
    }

    @Test
    void readsHowTheDesignStoresPasswords() throws Exception {
        ScenarioModel m = model();
        assertThat(m.designVariant(sample("ecommerce"))).map(v -> v.choice()).contains("argon2id");
        assertThat(m.notApplicable(sample("ecommerce"))).isEmpty();
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
        assertThat(m.notApplicable(sample("flawed-startup"))).isEmpty();
    }
}
