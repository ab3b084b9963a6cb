package dev.quorum.ui.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * What the window remembers between runs: its size and position, the theme, and the recently opened
 * files. It lives in {@code workbench.properties} under Quorum's home directory ({@code -Dquorum.home},
 * else {@code $QUORUM_HOME}, else {@code ~/.quorum}), never in the Java preferences store, so that tests
 * can point it at a temporary directory. A missing or damaged file just means the defaults.
 */
public final class WorkbenchSettings {

    /** The system property naming Quorum's home directory. */
    public static final String HOME_PROPERTY = dev.quorum.store.StoreLocation.HOME_PROPERTY;
    /** How many recent files are kept. */
    public static final int RECENT_LIMIT = 10;

    private static final String FILE_NAME = "workbench.properties";
    private static final System.Logger LOG = System.getLogger(WorkbenchSettings.class.getName());

    /** A project of the store opened recently: its id, and its name when it was opened (for the menu). */
    public record RecentProject(String id, String name) {
    }

    /** The window's last bounds, in screen coordinates. */
    public record Bounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Path directory;
    private final Properties values = new Properties();

    private WorkbenchSettings(Path directory) {
        this.directory = directory;
    }

    /** Quorum's home directory as the property, the environment or the user's home names it. */
    public static Path defaultDirectory(Map<String, String> environment) {
        String property = System.getProperty(HOME_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property.strip());
        }
        String home = environment.get("QUORUM_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home.strip());
        }
        return Path.of(System.getProperty("user.home"), ".quorum");
    }

    /** Reads the settings in {@code directory}; defaults when there are none or they cannot be read. */
    public static WorkbenchSettings load(Path directory) {
        WorkbenchSettings settings = new WorkbenchSettings(directory);
        Path file = directory.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                settings.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "ignoring unreadable " + file + ": " + e.getMessage());
                settings.values.clear();
            }
        }
        return settings;
    }

    /** Where the settings live. */
    public Path directory() {
        return directory;
    }

    /** Writes the settings atomically; a failure is logged, because losing them only costs the defaults. */
    public void save() {
        try {
            Files.createDirectories(directory);
            Path tmp = Files.createTempFile(directory, ".workbench-", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    values.store(out, "Quorum workbench settings");
                }
                try {
                    Files.move(tmp, directory.resolve(FILE_NAME), StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, directory.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot save workbench settings in " + directory + ": " + e.getMessage());
        }
    }

    /** The recently opened files, newest first. */
    public List<Path> recentFiles() {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String v = values.getProperty("recent." + i);
            if (v == null) {
                break;
            }
            try {
                out.add(Path.of(v));
            } catch (InvalidPathException e) {
                // A path from another system; skip it.
            }
        }
        return out;
    }

    /** The store projects opened recently, newest first. */
    public List<RecentProject> recentProjects() {
        List<RecentProject> out = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String v = values.getProperty("recentProject." + i);
            if (v == null) {
                break;
            }
            int space = v.indexOf(' ');
            out.add(space < 0 ? new RecentProject(v, v) : new RecentProject(v.substring(0, space), v.substring(space + 1)));
        }
        return out;
    }

    /** Puts the project {@code id} first in the recent projects, under {@code name}, dropping the oldest. */
    public void addRecentProject(String id, String name) {
        List<RecentProject> list = new ArrayList<>(recentProjects());
        list.removeIf(r -> r.id().equals(id));
        list.add(0, new RecentProject(id, name.replaceAll("\\s+", " ").strip()));
        setRecentProjects(list);
    }

    /** Forgets the project {@code id}, as when it is no longer in the store. */
    public void removeRecentProject(String id) {
        List<RecentProject> list = new ArrayList<>(recentProjects());
        list.removeIf(r -> r.id().equals(id));
        setRecentProjects(list);
    }

    private void setRecentProjects(List<RecentProject> list) {
        for (int i = 0; i < RECENT_LIMIT; i++) {
            values.remove("recentProject." + i);
        }
        for (int i = 0; i < Math.min(RECENT_LIMIT, list.size()); i++) {
            values.setProperty("recentProject." + i, list.get(i).id() + " " + list.get(i).name());
        }
    }

    /** Puts {@code file} first in the recent files, dropping the oldest beyond the limit. */
    public void addRecent(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(absolute);
        list.add(0, absolute);
        setRecent(list);
    }

    /** Removes {@code file} from the recent files, as when it no longer exists. */
    public void removeRecent(Path file) {
        List<Path> list = new ArrayList<>(recentFiles());
        list.remove(file.toAbsolutePath().normalize());
        setRecent(list);
    }

    private void setRecent(List<Path> list) {
        for (int i = 0; i < RECENT_LIMIT; i++) {
            values.remove("recent." + i);
        }
        for (int i = 0; i < Math.min(RECENT_LIMIT, list.size()); i++) {
            values.setProperty("recent." + i, list.get(i).toString());
        }
    }

    /** The window's bounds at the last close, if known. */
    public Optional<Bounds> windowBounds() {
        try {
            double x = Double.parseDouble(values.getProperty("window.x"));
            double y = Double.parseDouble(values.getProperty("window.y"));
            double w = Double.parseDouble(values.getProperty("window.width"));
            double h = Double.parseDouble(values.getProperty("window.height"));
            boolean max = Boolean.parseBoolean(values.getProperty("window.maximized", "false"));
            if (w < 200 || h < 150 || !Double.isFinite(x) || !Double.isFinite(y)) {
                return Optional.empty();
            }
            return Optional.of(new Bounds(x, y, w, h, max));
        } catch (NullPointerException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Remembers the window's bounds. */
    public void setWindowBounds(Bounds b) {
        values.setProperty("window.x", String.valueOf(b.x()));
        values.setProperty("window.y", String.valueOf(b.y()));
        values.setProperty("window.width", String.valueOf(b.width()));
        values.setProperty("window.height", String.valueOf(b.height()));
        values.setProperty("window.maximized", String.valueOf(b.maximized()));
    }

    /** "light" or "dark". */
    public String theme() {
        String t = values.getProperty("theme", "light");
        return t.equals("dark") ? "dark" : "light";
    }

    /** Remembers the theme. */
    public void setTheme(String theme) {
        values.setProperty("theme", "dark".equals(theme) ? "dark" : "light");
    }

    /** A free-form value, for panels that remember small things (divider positions, say). */
    public String get(String key, String fallback) {
        return values.getProperty("ui." + key, fallback);
    }

    /** Remembers a free-form value. */
    public void put(String key, String value) {
        values.setProperty("ui." + key, value);
    }
}
