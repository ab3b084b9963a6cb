package dev.quorum.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quorum.io.DesignFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupServicesTest {

    @AfterEach
    void takeWhatIsLeft() {
        // What a test started but did not take must not reach a window built later in this JVM.
        StartupServices.preloaded(null, 0);
        StartupServices.designService();
    }

    @Test
    void theDesignAskedForAtLaunchIsReadInAdvanceAndHandedOutOnce() {
        Path sample = Path.of("samples", "payments.quorum.yaml");
        StartupServices.begin(sample);

        DesignFile read = StartupServices.preloaded(sample.toAbsolutePath(), 30_000);

        assertThat(read).isNotNull();
        assertThat(read.design().name()).startsWith("Payments service");
        assertThat(StartupServices.preloaded(sample, 30_000)).as("a second window reads for itself").isNull();
    }

    @Test
    void withNoFileTheDefaultSampleIsRead() {
        StartupServices.begin(null);

        DesignFile read = StartupServices.preloaded(null, 30_000);

        assertThat(read).isNotNull();
        assertThat(read.design().name()).isEqualTo("Online shop - users, orders and payments");
    }

    @Test
    void aDifferentFileThanTheOneReadGetsNothing() {
        StartupServices.begin(Path.of("samples", "payments.quorum.yaml"));

        assertThat(StartupServices.preloaded(Path.of("samples", "ecommerce.quorum.yaml"), 30_000)).isNull();
        assertThat(StartupServices.preloaded(null, 30_000)).isNull();
    }

    @Test
    void aFileThatCannotBeReadGivesNothingSoTheWindowReadsItAgainAndReportsTheError(@TempDir Path dir)
            throws Exception {
        Path broken = dir.resolve("broken.quorum.yaml");
        Files.writeString(broken, "name: [unclosed\n");
        StartupServices.begin(broken);

        assertThat(StartupServices.preloaded(broken, 30_000)).isNull();
    }

    @Test
    void theInitialFileComesFromThePropertyThenTheFirstArgumentThatIsNotAnOption() {
        String before = System.getProperty(QuorumApp.OPEN_PROPERTY);
        try {
            System.clearProperty(QuorumApp.OPEN_PROPERTY);
            assertThat(QuorumApp.initialFile(new String[] {"--verbose", "a.quorum.yaml", "b.quorum.yaml"}))
                    .isEqualTo(Path.of("a.quorum.yaml"));
            assertThat(QuorumApp.initialFile(new String[0])).isNull();
            System.setProperty(QuorumApp.OPEN_PROPERTY, "c.quorum.yaml");
            assertThat(QuorumApp.initialFile(new String[] {"a.quorum.yaml"})).isEqualTo(Path.of("c.quorum.yaml"));
        } finally {
            if (before == null) {
                System.clearProperty(QuorumApp.OPEN_PROPERTY);
            } else {
                System.setProperty(QuorumApp.OPEN_PROPERTY, before);
            }
        }
    }
}
