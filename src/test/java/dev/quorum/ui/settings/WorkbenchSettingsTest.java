package dev.quorum.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the window remembers lives in a small file under the home directory it is given. */
class WorkbenchSettingsTest {

    @TempDir
    Path home;

    @Test
    void recentProjectsKeepTheirIdAndNameNewestFirst() {
        WorkbenchSettings s = WorkbenchSettings.load(home);
        assertThat(s.recentProjects()).isEmpty();
        s.addRecentProject("11111111-1111-1111-1111-111111111111", "Online  shop");
        s.addRecentProject("22222222-2222-2222-2222-222222222222", "Payments");
        s.addRecentProject("11111111-1111-1111-1111-111111111111", "Online shop v2");
        s.save();
        WorkbenchSettings again = WorkbenchSettings.load(home);
        assertThat(again.recentProjects()).containsExactly(
                new WorkbenchSettings.RecentProject("11111111-1111-1111-1111-111111111111", "Online shop v2"),
                new WorkbenchSettings.RecentProject("22222222-2222-2222-2222-222222222222", "Payments"));
        again.removeRecentProject("22222222-2222-2222-2222-222222222222");
        assertThat(again.recentProjects()).extracting(WorkbenchSettings.RecentProject::name).containsExactly("Online shop v2");
    }

    @Test
    void recentFilesThemeAndBoundsSurviveARestart() {
        WorkbenchSettings s = WorkbenchSettings.load(home);
        assertThat(s.recentFiles()).isEmpty();
        assertThat(s.theme()).isEqualTo("light");
        assertThat(s.windowBounds()).isEmpty();
        for (int i = 0; i < 12; i++) {
            s.addRecent(home.resolve("d" + i + ".quorum.yaml"));
        }
        s.addRecent(home.resolve("d5.quorum.yaml"));
        s.setTheme("dark");
        s.setWindowBounds(new WorkbenchSettings.Bounds(10, 20, 1200, 800, false));
        s.save();

        WorkbenchSettings again = WorkbenchSettings.load(home);
        assertThat(again.recentFiles()).hasSize(WorkbenchSettings.RECENT_LIMIT);
        assertThat(again.recentFiles().get(0)).isEqualTo(home.resolve("d5.quorum.yaml"));
        assertThat(again.recentFiles().get(1)).isEqualTo(home.resolve("d11.quorum.yaml"));
        assertThat(again.recentFiles()).doesNotContain(home.resolve("d0.quorum.yaml"));
        assertThat(again.theme()).isEqualTo("dark");
        assertThat(again.windowBounds()).contains(new WorkbenchSettings.Bounds(10, 20, 1200, 800, false));
        again.removeRecent(home.resolve("d5.quorum.yaml"));
        assertThat(again.recentFiles()).doesNotContain(home.resolve("d5.quorum.yaml"));
    }

    @Test
    void aDamagedFileMeansTheDefaults() throws Exception {
        Files.writeString(home.resolve("workbench.properties"), "window.width=abc\nwindow.x=\\u00zz\ntheme=purple\n");
        WorkbenchSettings s = WorkbenchSettings.load(home);
        assertThat(s.theme()).isEqualTo("light");
        assertThat(s.windowBounds()).isEmpty();
    }

    @Test
    void theHomeDirectoryComesFromThePropertyTheEnvironmentOrTheUsersHome() {
        String before = System.getProperty(WorkbenchSettings.HOME_PROPERTY);
        try {
            System.clearProperty(WorkbenchSettings.HOME_PROPERTY);
            assertThat(WorkbenchSettings.defaultDirectory(Map.of("QUORUM_HOME", "/srv/q"))).isEqualTo(Path.of("/srv/q"));
            assertThat(WorkbenchSettings.defaultDirectory(Map.of()))
                    .isEqualTo(Path.of(System.getProperty("user.home"), ".quorum"));
            System.setProperty(WorkbenchSettings.HOME_PROPERTY, home.toString());
            assertThat(WorkbenchSettings.defaultDirectory(Map.of("QUORUM_HOME", "/srv/q"))).isEqualTo(home);
        } finally {
            if (before == null) {
                System.clearProperty(WorkbenchSettings.HOME_PROPERTY);
            } else {
                System.setProperty(WorkbenchSettings.HOME_PROPERTY, before);
            }
        }
    }
}
