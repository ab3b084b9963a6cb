package dev.quorum.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the store is, and the one piece of outside text that reaches the JDBC URL. */
class StoreLocationTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearProperty() {
        System.clearProperty(StoreLocation.STORE_PROPERTY);
        System.clearProperty(StoreLocation.HOME_PROPERTY);
    }

    @Test
    void theOptionWinsThenThePropertyThenQuorumHomeThenTheHomeDirectory() throws Exception {
        Map<String, String> env = Map.of("QUORUM_HOME", dir.resolve("home").toString());
        assertThat(StoreLocation.resolve(dir.resolve("opt").toString(), env).directory()).isEqualTo(dir.resolve("opt"));
        assertThat(StoreLocation.resolve(null, env).directory()).isEqualTo(dir.resolve("home").resolve("store"));
        System.setProperty(StoreLocation.STORE_PROPERTY, dir.resolve("prop").toString());
        assertThat(StoreLocation.resolve(null, env).directory()).isEqualTo(dir.resolve("prop"));
        System.clearProperty(StoreLocation.STORE_PROPERTY);
        assertThat(StoreLocation.resolve("", Map.of()).directory())
                .isEqualTo(Path.of(System.getProperty("user.home"), ".quorum", "store").toAbsolutePath());
    }

    @Test
    void theHomePropertyMovesTheStoreAsItMovesTheWindowsSettingsAndWinsOverQuorumHome() throws Exception {
        Map<String, String> env = Map.of("QUORUM_HOME", dir.resolve("env-home").toString());
        System.setProperty(StoreLocation.HOME_PROPERTY, dir.resolve("prop-home").toString());
        StoreLocation location = StoreLocation.resolve(null, env);
        assertThat(location.directory()).isEqualTo(dir.resolve("prop-home").resolve("store"));
        System.setProperty(StoreLocation.STORE_PROPERTY, dir.resolve("store-prop").toString());
        assertThat(StoreLocation.resolve(null, env).directory()).isEqualTo(dir.resolve("store-prop"));
        assertThat(StoreLocation.resolve(dir.resolve("opt").toString(), env).directory()).isEqualTo(dir.resolve("opt"));
    }

    @Test
    void pathsAreMadeAbsoluteAndNormal() throws Exception {
        StoreLocation l = StoreLocation.of("some/../rel/./store", "--store");
        assertThat(l.directory()).isAbsolute().isEqualTo(Path.of("rel/store").toAbsolutePath());
        assertThat(l.databaseFile().getFileName().toString()).isEqualTo("quorum.mv.db");
    }

    @Test
    void theUrlIsAFixedTemplateAroundTheCheckedDirectory() throws Exception {
        StoreLocation l = StoreLocation.of(dir.resolve("a b (c)'d").toString(), "--store");
        assertThat(H2Access.adminUrl(l, H2Access.FILE_SCHEME, H2Access.Mode.SHARED))
                .isEqualTo("jdbc:h2:file:" + dir.resolve("a b (c)'d").resolve("quorum") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;REUSE_SPACE=FALSE");
        assertThat(H2Access.appUrl(l, H2Access.FILE_SCHEME, H2Access.Mode.SHARED))
                .isEqualTo("jdbc:h2:file:" + dir.resolve("a b (c)'d").resolve("quorum") + ";AUTO_SERVER=TRUE");
        assertThat(H2Access.appUrl(l, H2Access.FILE_SCHEME, H2Access.Mode.READ_ONLY)).endsWith("/quorum;ACCESS_MODE_DATA=r");
        // Odd but harmless characters are data: the store opens there.
        try (H2ProjectRepository repo = H2ProjectRepository.open(l)) {
            assertThat(repo.list()).isEmpty();
        }
    }

    @Test
    void aFileIsNotAStoreDirectory() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");
        assertThatThrownBy(() -> StoreLocation.of(file.toString(), "--store"))
                .hasMessage("Cannot use store directory " + file + " (from --store): it is a file, not a directory");
    }

    @Test
    void aDatabaseWithoutItsCredentialsIsExplained() throws Exception {
        try (H2ProjectRepository repo = TestStores.open(dir)) {
            repo.list();
        }
        Files.delete(dir.resolve("quorum.credentials"));
        assertThatThrownBy(() -> TestStores.open(dir)).isInstanceOf(StoreException.class)
                .hasMessage("The store at " + dir + " has a database but no quorum.credentials; it was not created by Quorum"
                        + " or was copied without it, so it cannot be opened");
    }
}
