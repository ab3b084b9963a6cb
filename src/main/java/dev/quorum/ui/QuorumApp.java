package dev.quorum.ui;

import dev.quorum.service.ProjectService;
import dev.quorum.store.StoreException;
import dev.quorum.store.StoreLocation;
import dev.quorum.ui.projects.ProjectsView;
import dev.quorum.ui.projects.ProjectsViewModel;
import dev.quorum.ui.settings.Theme;
import dev.quorum.ui.settings.WorkbenchSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The JavaFX application: builds the service, the one background executor, the view model and the
 * window. Launch it through {@link Workbench}, which works from a plain classpath.
 */
public class QuorumApp extends Application {

    /** The system property naming a design file to open at start. */
    public static final String OPEN_PROPERTY = "quorum.open";

    /** The system property naming the section selected at start, such as {@code replication}. */
    public static final String SECTION_PROPERTY = "quorum.section";

    /** When set, the app prints {@code QUORUM_INTERACTIVE <epoch ms>} at the first pulse after its design shows. */
    public static final String STARTUP_PROBE_PROPERTY = "quorum.startupProbe";

    private static final System.Logger LOG = System.getLogger(QuorumApp.class.getName());

    private final Path initialFile;
    private final boolean initialFileGiven;
    private final Path home;
    private WorkbenchSettings settings;
    private Stage stage;
    private BackgroundExecutor executor;
    private WorkbenchViewModel model;
    private WorkbenchView view;
    private ProjectsViewModel projects;
    private ProjectsView projectsView;

    /** Used by {@code Application.launch}: the file to open comes from the arguments or {@value #OPEN_PROPERTY}. */
    public QuorumApp() {
        this.initialFile = null;
        this.initialFileGiven = false;
        this.home = null;
    }

    /** Opens {@code initialFile} at start, or the default sample when it is null; for tests and embedding. */
    public QuorumApp(Path initialFile) {
        this(initialFile, null);
    }

    /**
     * Opens {@code initialFile} (or the default sample) and keeps the window's settings under {@code home}
     * instead of Quorum's home directory; tests pass a temporary directory.
     */
    public QuorumApp(Path initialFile, Path home) {
        this.initialFile = initialFile;
        this.initialFileGiven = true;
        this.home = home;
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("application start");
        this.stage = stage;
        executor = new BackgroundExecutor();
        settings = WorkbenchSettings.load(home != null ? home : WorkbenchSettings.defaultDirectory(System.getenv()));
        model = new WorkbenchViewModel(StartupServices.designService(), executor, settings);
        StartupTrace.mark("view model built");
        view = new WorkbenchView(model);
        installProjects();
        StartupTrace.mark("view built");

        // 1400x900 suits the layout, but a window larger than the screen is cut off (and breaks headless Monocle).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(
                QuorumApp.class.getResource("quorum.css"), "quorum.css missing from the build").toExternalForm());
        scene.getStylesheets().add(Objects.requireNonNull(
                QuorumApp.class.getResource("editor.css"), "editor.css missing from the build").toExternalForm());
        Theme.of(settings.theme()).apply(scene);
        String section = System.getProperty(SECTION_PROPERTY);
        if (section != null && !section.isBlank()) {
            view.tree().select(section.strip());
        }
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        restoreBounds(stage);
        // Closing with unsaved changes asks first; the answer Cancel keeps the window open.
        stage.setOnCloseRequest(e -> {
            if (!view.confirmClose()) {
                e.consume();
            }
        });
        if (System.getProperty(STARTUP_PROBE_PROPERTY) != null) {
            probeStartup(scene);
        }
        afterFirstDesignFrame(scene, () -> {
            StartupTrace.mark("first frame with the design", scene.getRoot());
            StartupServices.windowShown();
            view.warmUp();
            if (!initialFileGiven) {
                // A real start opens the store (seeding the samples the first time); tests open it when they need
                // it. Not before the first design is on screen: on two cores, opening H2 and seeding the samples
                // beside the window's first layout delayed the window by seconds, and nothing on screen needs it yet.
                projects.start();
            }
        });
        // An unexpected error on the FX thread becomes one line in the banner; the trace goes to the log only.
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.log(System.Logger.Level.ERROR, "unexpected error", error);
            Platform.runLater(() -> model.reportUnexpected(error));
        });
        // Before the window shows: a design read in advance is then laid out with the window, in one pass.
        model.start(initialFileGiven ? initialFile : fileFromCommandLine());
        StartupTrace.mark("design given to the window");
        stage.show();
        StartupTrace.mark("window shown");
    }

    /** File › Projects…: the project store, opened in the background the first time it is needed. */
    private void installProjects() {
        // Opening a project first puts the open design's last edits in a safe place (the store, or the user's say).
        projects = new ProjectsViewModel(() -> ProjectService.open(storeLocation()), executor,
                opened -> view.whenDiscardable(() -> model.openProject(opened)));
        model.useStore(projects::service, projects.readyProperty());
        projects.setOnRename(model.project()::renamed);
        view.setRecentProjectOpener(id -> projects.open(java.util.UUID.fromString(id), () -> {
            model.forgetRecentProject(id);
            model.reportError("That project is no longer in the store (it was deleted or purged); removed from the recent list");
        }));
        projectsView = new ProjectsView(projects);
        if (view.root().lookup("#menu-bar") instanceof javafx.scene.control.MenuBar bar) {
            projectsView.installMenuItem(bar, () -> stage);
        }
    }

    /**
     * The store: the {@value StoreLocation#STORE_PROPERTY} system property, else {@code store} under the home
     * given to the constructor (tests pass a temporary one), else QUORUM_HOME or ~/.quorum.
     */
    private StoreLocation storeLocation() throws StoreException {
        String property = System.getProperty(StoreLocation.STORE_PROPERTY);
        if ((property == null || property.isBlank()) && home != null) {
            return StoreLocation.of(home.resolve("store").toString(), "the window's home directory");
        }
        return StoreLocation.resolve(null, System.getenv());
    }

    private Path fileFromCommandLine() {
        Parameters parameters = getParameters();
        return initialFile(parameters == null ? new String[0] : parameters.getUnnamed().toArray(String[]::new));
    }

    /** The design to open at start: {@value #OPEN_PROPERTY}, else the first argument that is not an option; null: the default sample. */
    static Path initialFile(String[] args) {
        String property = System.getProperty(OPEN_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().map(Path::of).orElse(null);
    }

    private void restoreBounds(Stage stage) {
        settings.windowBounds().ifPresent(b -> {
            // Only where a screen still shows most of the window: a monitor may have gone since.
            boolean visible = Screen.getScreensForRectangle(b.x(), b.y(), b.width(), b.height()).stream()
                    .anyMatch(s -> s.getVisualBounds().contains(b.x() + b.width() / 2, b.y() + 20));
            if (visible) {
                stage.setX(b.x());
                stage.setY(b.y());
                stage.setWidth(b.width());
                stage.setHeight(b.height());
                stage.setMaximized(b.maximized());
            }
        });
    }

    private void afterFirstDesignFrame(Scene scene, Runnable then) {
        model.design().designFileProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.quorum.io.DesignFile> o,
                    dev.quorum.io.DesignFile was, dev.quorum.io.DesignFile now) {
                o.removeListener(this);
                boolean[] done = {false};
                Runnable[] pulse = new Runnable[1];
                pulse[0] = () -> {
                    if (!done[0]) {
                        done[0] = true;
                        Platform.runLater(() -> scene.removePostLayoutPulseListener(pulse[0]));
                        // After the frame: the store's work queues behind nothing the user is waiting for.
                        Platform.runLater(then);
                    }
                };
                scene.addPostLayoutPulseListener(pulse[0]);
                Platform.requestNextPulse();
            }
        });
    }

    private void probeStartup(Scene scene) {
        // Interactive means: the window shows the opened design and has drawn a frame since.
        model.design().designFileProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends dev.quorum.io.DesignFile> o,
                    dev.quorum.io.DesignFile was, dev.quorum.io.DesignFile now) {
                o.removeListener(this);
                Runnable[] pulse = new Runnable[1];
                pulse[0] = () -> {
                    scene.removePostLayoutPulseListener(pulse[0]);
                    System.out.println("QUORUM_INTERACTIVE " + System.currentTimeMillis());
                    System.out.flush();
                };
                scene.addPostLayoutPulseListener(pulse[0]);
                Platform.requestNextPulse();
            }
        });
    }

    @Override
    public void stop() {
        if (model != null) {
            model.project().saveBeforeExit();
        }
        if (stage != null && settings != null) {
            settings.setWindowBounds(new WorkbenchSettings.Bounds(stage.getX(), stage.getY(), stage.getWidth(),
                    stage.getHeight(), stage.isMaximized()));
            settings.save();
        }
        if (executor != null) {
            executor.close();
        }
        if (projects != null) {
            projects.close();
        }
    }

    /** The Projects window's model, for tests. */
    public ProjectsViewModel projects() {
        return projects;
    }

    /** The Projects window, for tests. */
    public ProjectsView projectsView() {
        return projectsView;
    }

    /** The view model, for tests. */
    public WorkbenchViewModel model() {
        return model;
    }

    /** The window's view, for tests. */
    public WorkbenchView view() {
        return view;
    }
}
