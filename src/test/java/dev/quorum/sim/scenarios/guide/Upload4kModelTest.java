package dev.quorum.sim.scenarios.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.quorum.model.DataElement;
import dev.quorum.model.DataPersistence;
import dev.quorum.model.DataSharing;
import dev.quorum.model.DataSize;
import dev.quorum.model.Design;
import dev.quorum.model.Duration;
import dev.quorum.model.SyncStrategy;
import dev.quorum.sim.scenarios.ConnectionPoolModel;
import dev.quorum.sim.scenarios.DesignValue;
import dev.quorum.sim.scenarios.Metric;
import dev.quorum.sim.scenarios.SimulationResult;
import dev.quorum.sim.scenarios.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Upload4kModelTest extends ScenarioModelContract {

    @Override
    protected ScenarioModel model() {
        return new Upload4kModel();
    }

    @Test
    void workerQueueMatchesErlangCAndLittlesLaw() {
        // The default load (10 transcodes at once on 12 workers) on a faster clock: 960 processing times a day.
        Map<String, String> fast = Map.of("processing_time", "30 s", "upload_rate", "20 per minute");
        SimulationResult r = run(fast, 2026, 30);
        double erlang = ConnectionPoolModel.erlangCWait(12, 20.0 / 60, 1.0 / 30);
        assertThat(r.value("erlang_c_wait")).isCloseTo(erlang, within(1e-12));
        Metric wait = r.metric("processing_wait_async").orElseThrow();
        double half = wait.high() - wait.value();
        assertThat(half).isLessThan(0.1 * erlang);
        assertThat(wait.value()).isCloseTo(erlang, within(2 * half));
        // Little's law: the time-average backlog equals the upload rate times the mean wait (end effects aside).
        assertThat(r.value("backlog_async")).isCloseTo(r.value("littles_law"), within(0.03 * r.value("littles_law")));
        // The workers carry the offered load, lambda x S = 10 transcodes at once.
        assertThat(r.value("offered_load")).isCloseTo(10, within(1e-9));
        assertThat(r.value("workers_busy")).isCloseTo(10, within(0.2));
    }

    @Test
    void theApiServersEquilibriumFollowsEqualCoreSharing() {
        // 100/s x 50 ms = 5 cores of demand on 8 cores and 200 threads.
        double[] idle = Upload4kModel.equilibrium(0, 100, 0.05, 200, 8);
        assertThat(idle).containsExactly(new double[] {5, 0.05, 100, 1}, within(1e-12));
        // Three transcodes still fit beside the requests.
        assertThat(Upload4kModel.equilibrium(3, 100, 0.05, 200, 8)[1]).isCloseTo(0.05, within(1e-12));
        // Six do not: n = 6 x 5 / 3 = 10 requests in service, 100 ms each, and each transcode gets half a core.
        assertThat(Upload4kModel.equilibrium(6, 100, 0.05, 200, 8)).containsExactly(new double[] {10, 0.1, 100, 0.5}, within(1e-12));
        // At 75 transcodes the 125 requests in service take the last free threads: 1.25 s each, none turned away.
        assertThat(Upload4kModel.equilibrium(75, 100, 0.05, 200, 8)).containsExactly(new double[] {125, 1.25, 100, 0.04}, within(1e-12));
        // Beyond it the free threads serve 100 x 0.04 / 0.05 = 80/s and 20/s are turned away.
        assertThat(Upload4kModel.equilibrium(100, 100, 0.05, 200, 8)).containsExactly(new double[] {100, 1.25, 80, 0.04}, within(1e-12));
        assertThat(Upload4kModel.equilibrium(200, 100, 0.05, 200, 8)[2]).isZero();
    }

    @Test
    void onTheDefaultsSynchronousUploadsTakeTheThreadsAndTheQueueDoesNot() {
        SimulationResult r = run(Map.of(), 3, 5);
        // The asynchronous API server only answers ordinary requests: Little's law gives 100/s x 50 ms threads.
        assertThat(r.value("threads_busy_async")).isCloseTo(5, within(1e-9));
        assertThat(r.value("latency_mean_async")).isCloseTo(0.05, within(1e-9));
        assertThat(r.value("rejected_async")).isZero();
        assertThat(r.value("cpu_saturated_async")).isZero();
        // 10 cores of transcodes beside 5 of requests on 8 cores: the cores stay saturated and the threads run out.
        assertThat(r.value("cpu_saturated_sync")).isGreaterThan(0.9);
        assertThat(r.value("rejected_sync")).isGreaterThan(0.3);
        assertThat(r.value("threads_busy_sync")).isGreaterThan(150);
        assertThat(r.value("upload_answer_sync")).isGreaterThan(10 * 300);
        assertThat(r.value("upload_answer_async")).isEqualTo(0.05);
        assertThat(r.value("api_ingress_sync")).isCloseTo(2.0 / 60 * 3.4e9, within(0.1 * 2.0 / 60 * 3.4e9));
        List<Verdict> verdicts = r.verdicts();
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.target()).startsWith("worker capacity");
            assertThat(v.status()).isEqualTo(Verdict.Status.MET);
        });
        // Four workers cannot carry 10 transcodes at once: the queue grows all day.
        assertThat(run(Map.of("workers", "4"), 3, 2).verdicts()).anySatisfy(v -> {
            assertThat(v.target()).startsWith("worker capacity");
            assertThat(v.status()).isEqualTo(Verdict.Status.MISSED);
        });
        assertThat(verdicts).anySatisfy(v -> {
            assertThat(v.target()).startsWith("API cores");
            assertThat(v.text()).contains("uploads pile up until they hold the request threads");
        });
    }

    @Test
    void aLightUploadLoadLeavesTheSynchronousServerAlmostUntouched() {
        // One upload an hour: rarely more than three transcode at once, so requests stay at their own time.
        SimulationResult r = run(Map.of("upload_rate", "1 per hour"), 4, 5);
        assertThat(r.value("latency_mean_sync")).isCloseTo(0.05, within(0.001));
        assertThat(r.value("rejected_sync")).isZero();
        // Each synchronous upload's request stays open for its processing time, exponential with mean 5 min.
        assertThat(r.value("upload_answer_sync")).isCloseTo(300, within(60.0));
    }

    @Test
    void readsTheVideoSizeAndAQueueFromTheDesign() {
        Design d = new Design("d", "", new DataPersistence(List.of(new DataElement("Videos", "Uploaded 4K videos", "",
                DataSize.of("2 GB per video x 10K videos"))), List.of()), null, null, null,
                new DataSharing(List.of(), List.of(new SyncStrategy("Transcoding queue",
                        "The API publishes each upload job to SQS; workers transcode.", List.of("api", "worker"),
                        Duration.of("continuous"), "idempotent per job id")), null),
                null, null, null, null);
        ScenarioModel m = model();
        DesignValue size = m.fromDesign(d).get("upload_size");
        assertThat(size.number()).isEqualTo(DataSize.of("2 GB").bytes().getAsDouble());
        assertThat(size.field()).isEqualTo("persistence.data_elements[0].size_estimate");
        assertThat(m.designVariant(d)).map(DesignValue::choice).contains("async");
        assertThat(m.notApplicable(d)).isEmpty();
        assertThat(m.notApplicable(Design.empty("blank"))).isPresent();
    }

    @Test
    void onlyDataNamedAsMediaOrFilesGivesTheUploadSize() throws Exception {
        // ecommerce: product_images (500 KB each), not user_profiles or the products whose rows name an image key.
        DesignValue size = model().fromDesign(sample("ecommerce")).get("upload_size");
        assertThat(size.text()).startsWith("product_images");
        assertThat(size.number()).isEqualTo(DataSize.of("500 KB").bytes().getAsDouble());
        assertThat(model().fromDesign(sample("payments"))).doesNotContainKey("upload_size");
    }
}
