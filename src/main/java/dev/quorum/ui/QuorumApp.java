package dev.quorum.ui;

import dev.quorum.service.DesignService;
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

    private static final System.Logger LOG = System.getLogger(QuorumApp.class.getName());

    private final Path initialFile;
    private final boolean initialFileGiven;
    private BackgroundExecutor executor;
    private WorkbenchViewModel model;
    private WorkbenchView view;

    /** Used by {@code Application.launch}: the file to open comes from the arguments or {@value #OPEN_PROPERTY}. */
    public QuorumApp() {
        this.initialFile = null;
        this.initialFileGiven = false;
    }

    /** Opens {@code initialFile} at start, or the default sample when it is null; for tests and embedding. */
    public QuorumApp(Path initialFile) {
        this.initialFile = initialFile;
        this.initialFileGiven = true;
    }

    @Override
    public void start(Stage stage) {
        executor = new BackgroundExecutor();
        model = new WorkbenchViewModel(new DesignService(), executor);
        view = new WorkbenchView(model);

        // 1400x900 suits the layout, but a window larger than the screen is cut off (and breaks headless Monocle).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view.root(), Math.min(1400, screen.getWidth()), Math.min(900, screen.getHeight()));
        scene.getStylesheets().add(Objects.requireNonNull(
                QuorumApp.class.getResource("quorum.css"), "quorum.css missing from the build").toExternalForm());
        String section = System.getProperty(SECTION_PROPERTY);
        if (section != null && !section.isBlank()) {
            view.tree().select(section.strip());
        }
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.setMinWidth(Math.min(900, screen.getWidth()));
        stage.setMinHeight(Math.min(600, screen.getHeight()));
        stage.show();

        // An unexpected error on the FX thread becomes one line in the banner; the trace goes to the log only.
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) -> {
            LOG.log(System.Logger.Level.ERROR, "unexpected error", error);
            Platform.runLater(() -> model.reportUnexpected(error));
        });
        model.start(initialFileGiven ? initialFile : fileFromCommandLine());
    }

    private Path fileFromCommandLine() {
        Parameters parameters = getParameters();
        List<String> args = parameters == null ? List.of() : parameters.getUnnamed();
        String property = System.getProperty(OPEN_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        return args.stream().filter(a -> !a.startsWith("-")).findFirst().map(Path::of).orElse(null);
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.close();
        }
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
