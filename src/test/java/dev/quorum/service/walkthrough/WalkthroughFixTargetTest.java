package dev.quorum.service.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignYaml;
import dev.quorum.model.Design;
import dev.quorum.model.StorageChoice;
import dev.quorum.model.StorageType;
import dev.quorum.service.SimulationService;
import dev.quorum.sim.engine.Cancellation;
import dev.quorum.sim.engine.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The fix lands where the scenario's problem is: the cache that expires, the session store kept in memory. */
class WalkthroughFixTargetTest {

    private final WalkthroughService service = new WalkthroughService(new SimulationService());

    private static Design flawed() throws Exception {
        return new DesignYaml().read(Path.of("samples/flawed-startup.quorum.yaml")).design();
    }

    private static StorageChoice choice(Design d, String data) {
        return d.persistence().storageChoices().stream().filter(c -> c.data().equals(data)).findFirst().orElseThrow();
    }

    @Test
    void noonCrashJittersTheCacheWhoseEntriesExpireNotASessionStoreTypedCache() throws Exception {
        Design d = flawed();
        Walkthrough w = service.run(d, "noon-crash", Map.of(), 1, 2, ProgressListener.NONE, Cancellation.NONE);
        assertThat(w.fix().applicable()).isTrue();
        assertThat(w.fix().changes()).singleElement().asString().contains("Menu cache");
        Design edited = w.fix().edited();
        assertThat(choice(edited, "Menu cache").justification()).contains("TTL gets a random extra");
        assertThat(choice(edited, "Sessions")).isEqualTo(choice(d, "Sessions"));
    }

    @Test
    void stateTrapMovesSessionsKeptInServerMemoryToTheSharedStore() throws Exception {
        Design d = flawed();
        Walkthrough w = service.run(d, "state-trap", Map.of(), 1, 2, ProgressListener.NONE, Cancellation.NONE);
        assertThat(w.alreadyFixed()).isFalse();
        assertThat(w.fix().applicable()).as(w.fix().whyNot()).isTrue();
        assertThat(w.fix().changes()).singleElement().asString().contains("moves 'Sessions'");
        StorageChoice moved = choice(w.fix().edited(), "Sessions");
        assertThat(moved.type()).isEqualTo(StorageType.KEY_VALUE);
        assertThat(moved.system()).contains("Redis");
        assertThat(w.fix().edited().persistence().storageChoices()).hasSameSizeAs(d.persistence().storageChoices());

        Design applied = service.apply(d, w);
        Walkthrough again = service.run(applied, "state-trap", Map.of(), 1, 2, ProgressListener.NONE, Cancellation.NONE);
        assertThat(again.alreadyFixed()).as("after the fix the walkthrough finds it in place").isTrue();
    }
}
