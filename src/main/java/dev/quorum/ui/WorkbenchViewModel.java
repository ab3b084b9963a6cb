package dev.quorum.ui;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignFormatException;
import dev.quorum.model.Design;
import dev.quorum.service.DesignService;
import dev.quorum.service.DiagramService;
import dev.quorum.service.OpenedProject;
import dev.quorum.service.ProjectService;
import dev.quorum.service.SampleCatalog;
import dev.quorum.service.ValidationService;
import dev.quorum.ui.diagram.DiagramsViewModel;
import dev.quorum.ui.edit.DesignFiles;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.preview.PreviewViewModel;
import dev.quorum.ui.projects.ProjectDocument;
import dev.quorum.ui.problems.FindingsIndex;
import dev.quorum.ui.problems.LiveValidation;
import dev.quorum.ui.problems.ProblemsViewModel;
import dev.quorum.ui.settings.WorkbenchSettings;
import dev.quorum.ui.simulation.SimulationViewModel;
import dev.quorum.ui.walkthrough.WalkthroughViewModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.util.Duration;

/**
 * The workbench's actions and state: open a file or sample, export Markdown, report errors, and keep the
 * preview in step with the open design. All slow work goes through the {@link BackgroundExecutor}.
 */
public final class WorkbenchViewModel {

    /** The sample shown when the window starts with no file, so it is never empty. */
    public static final String DEFAULT_SAMPLE = "ecommerce.quorum.yaml";

    // Reading a sample takes about 0.1 s and starts long before the window is built, so a wait is rare; past this
    // the design is read again in the background, as any file is.
    private static final long PRELOAD_WAIT_MILLIS = 1000;

    private static final System.Logger LOG = System.getLogger(WorkbenchViewModel.class.getName());

    private final DesignService service;
    private final BackgroundExecutor executor;
    private final DesignViewModel design;
    private final PreviewViewModel preview;
    private final DiagramsViewModel diagrams;
    // Built when the Simulation or Walkthrough tab first asks: reading the models and cards cost the start
    // about half a second of the FX thread, for tabs most sessions never open.
    private SimulationViewModel simulation;
    private WalkthroughViewModel walkthrough;
    private dev.quorum.service.SimulationService simulations;
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Quorum");
    private final ReadOnlyStringWrapper saveState = new ReadOnlyStringWrapper(this, "saveState", "");
    private final ValidationService validation = new ValidationService();
    private final ProblemsViewModel problems;
    private final LiveValidation liveValidation;
    private final WorkbenchSettings settings;
    private final DesignFiles files;
    private final ProjectDocument project;
    private final ReadOnlyStringWrapper storeLocation = new ReadOnlyStringWrapper(this, "storeLocation", "");
    private java.util.function.Supplier<ProjectService> store = () -> null;
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    // One wrapper for every caller: a listener on a wrapper made per call is lost when that wrapper is collected.
    private final ObservableList<Path> recentFilesView = FXCollections.unmodifiableObservableList(recentFiles);
    private final ObservableList<WorkbenchSettings.RecentProject> recentProjects = FXCollections.observableArrayList();
    // Held here: an unmodifiable view listens to its source weakly, and a view nobody holds stops reporting.
    private final ObservableList<WorkbenchSettings.RecentProject> recentProjectsView =
            FXCollections.unmodifiableObservableList(recentProjects);
    // Rebuilding the whole preview on every keystroke would make it flicker; it follows once typing pauses.
    private final PauseTransition previewPause = new PauseTransition(Duration.millis(700));
    private long previewRevision = -1;

    public WorkbenchViewModel(DesignService service, BackgroundExecutor executor) {
        this(service, executor, WorkbenchSettings.load(WorkbenchSettings.defaultDirectory(System.getenv())));
    }

    /** A view model whose remembered settings (recent files, window, theme) live in {@code settings}. */
    public WorkbenchViewModel(DesignService service, BackgroundExecutor executor, WorkbenchSettings settings) {
        this.service = service;
        this.executor = executor;
        this.settings = settings;
        this.design = new DesignViewModel(service);
        design.summarizeWith((work, done) -> executor.submit("", work, done,
                error -> LOG.log(System.Logger.Level.WARNING, "summary failed", error)));
        this.preview = new PreviewViewModel(service);
        this.diagrams = new DiagramsViewModel(new DiagramService(), executor, design::design);
        design.session().revisionProperty().addListener((obs, old, revision) -> diagrams.designChanged());
        this.problems = new ProblemsViewModel(service.template());
        EditSession session = design.session();
        this.liveValidation = new LiveValidation(validation, executor, session, this::showFindings);
        this.files = new DesignFiles(service, executor, design, settings, errorMessage::set, message::set,
                this::refreshRecent);
        this.project = new ProjectDocument(executor, service, session, () -> store.get(), this::currentFindings,
                errorMessage::set);
        files.onFileOwned(project::unlink);
        title.bind(Bindings.createStringBinding(
                () -> (design.nameProperty().get().isBlank() ? "Quorum" : "Quorum — " + design.nameProperty().get())
                        + (session.dirtyProperty().get() ? " *" : ""),
                design.nameProperty(), session.dirtyProperty()));
        // A store project says what autosave did; a file says whether it is saved.
        saveState.bind(Bindings.createStringBinding(
                () -> project.projectProperty().get() != null ? project.stateProperty().get()
                        : session.dirtyProperty().get() ? "Unsaved changes"
                        : design.pathProperty().get() == null ? "Not saved to a file" : "Saved",
                session.dirtyProperty(), design.pathProperty(), project.projectProperty(), project.stateProperty()));
        previewPause.setOnFinished(e -> refreshPreview());
        session.revisionProperty().addListener((obs, old, revision) -> {
            if (session.history().undoDepth() == 0 && !session.dirtyProperty().get()) {
                refreshPreview();
            } else {
                previewPause.playFromStart();
            }
        });
        refreshRecent();
    }

    private void showFindings(FindingsIndex index) {
        problems.show(index);
        design.showFindings(index);
    }

    private void refreshRecent() {
        recentFiles.setAll(settings.recentFiles());
        recentProjects.setAll(settings.recentProjects());
    }

    /**
     * Opens {@code initial} if given, else the default sample. If that fails the error is shown over the
     * default sample, or over an empty design when the sample is missing too, so the window is never empty.
     * Returns the reading task, or null when the design read at launch ({@link StartupServices}) was shown at once.
     */
    public Task<DesignFile> start(Path initial) {
        DesignFile ready = StartupServices.preloaded(initial, PRELOAD_WAIT_MILLIS);
        if (ready != null) {
            // Read while the toolkit started; shown at once, so the window's first layout already has it.
            Path absolute = initial == null ? null : initial.toAbsolutePath().normalize();
            showLoaded(ready, absolute, absolute == null ? "sample: " + DEFAULT_SAMPLE : absolute.toString());
            return null;
        }
        if (initial != null) {
            Path absolute = initial.toAbsolutePath().normalize();
            return load("Opening " + absolute.getFileName() + "…", () -> service.open(absolute), absolute,
                    absolute.toString(), error -> {
                        reportOpenFailure(absolute.toString(), error);
                        fallBack();
                    });
        }
        return load("Opening sample " + DEFAULT_SAMPLE + "…", () -> service.openSample(DEFAULT_SAMPLE), null,
                "sample: " + DEFAULT_SAMPLE, error -> {
                    reportOpenFailure(DEFAULT_SAMPLE, error);
                    design.show(service.create("Untitled design"), null, "new design (not saved)");
                });
    }

    private void fallBack() {
        executor.submit("Opening sample " + DEFAULT_SAMPLE + "…", () -> service.openSample(DEFAULT_SAMPLE),
                file -> design.show(file, null, "sample: " + DEFAULT_SAMPLE),
                error -> design.show(service.create("Untitled design"), null, "new design (not saved)"));
    }

    /** Reads a design file in the background; on failure the open design stays and the error is shown. */
    public Task<DesignFile> open(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return load("Opening " + absolute.getFileName() + "…", () -> service.open(absolute), absolute,
                absolute.toString(), error -> reportOpenFailure(absolute.toString(), error));
    }

    /** Reads one of the bundled samples in the background. */
    public Task<DesignFile> openSample(String fileName) {
        return load("Opening sample " + fileName + "…", () -> service.openSample(fileName), null,
                "sample: " + fileName, error -> reportOpenFailure(fileName, error));
    }

    private Task<DesignFile> load(String activity, java.util.concurrent.Callable<DesignFile> read, Path path,
            String sourceLabel, java.util.function.Consumer<Throwable> onFailure) {
        return executor.submit(activity, read, file -> showLoaded(file, path, sourceLabel), onFailure);
    }

    private void showLoaded(DesignFile file, Path path, String sourceLabel) {
        errorMessage.set("");
        message.set("");
        project.unlink();
        design.show(file, path, sourceLabel);
        if (path != null) {
            settings.addRecent(path);
            refreshRecent();
        }
    }

    private void reportOpenFailure(String what, Throwable error) {
        errorMessage.set(describeOpenFailure(what, error));
    }

    /** One line for the user; a {@link DesignFormatException} already says file:line:col: field: reason. */
    static String describeOpenFailure(String what, Throwable error) {
        if (error instanceof DesignFormatException e) {
            return oneLine(e.getMessage());
        }
        if (error instanceof NoSuchFileException) {
            return "Cannot open " + what + ": no such file";
        }
        if (error instanceof AccessDeniedException) {
            return "Cannot open " + what + ": permission denied";
        }
        if (error instanceof IOException e) {
            return oneLine("Cannot open " + what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
        // Not the user's fault: keep the trace for developers, show the user one line.
        LOG.log(System.Logger.Level.WARNING, "unexpected failure opening " + what, error);
        return oneLine("Cannot open " + what + ": unexpected " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()));
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    /** Writes the open design as Markdown to {@code target} in the background; null when nothing is open. */
    public Task<Path> exportMarkdown(Path target) {
        Design d = design.design();
        Path out = withMarkdownExtension(target.toAbsolutePath().normalize());
        if (d == null) {
            errorMessage.set("Nothing to export: no design is open");
            return null;
        }
        return executor.submit("Exporting Markdown…", () -> {
            writeAtomically(out, service.toMarkdown(d));
            return out;
        }, written -> {
            errorMessage.set("");
            message.set("Exported Markdown to " + written);
        }, error -> {
            if (!(error instanceof IOException)) {
                LOG.log(System.Logger.Level.WARNING, "unexpected failure exporting " + out, error);
            }
            errorMessage.set(oneLine("Cannot export to " + out + ": " + (error.getMessage() == null
                    ? error.getClass().getSimpleName() : error.getMessage())));
        });
    }

    private static Path withMarkdownExtension(Path p) {
        String name = p.getFileName().toString();
        return name.contains(".") ? p : p.resolveSibling(name + ".md");
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        // A crash mid-write must not leave a half-written export over the previous one.
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".quorum-export-", ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private void refreshPreview() {
        Design d = design.design();
        if (d == null || design.session().revisionProperty().get() == previewRevision) {
            return;
        }
        previewRevision = design.session().revisionProperty().get();
        executor.submit("Rendering preview…", () -> preview.render(d), rendered -> {
            // A newer design may have arrived while this one rendered; only the current one is shown.
            if (design.design() == d) {
                preview.show(rendered);
            }
        }, error -> {
            LOG.log(System.Logger.Level.WARNING, "preview failed", error);
            errorMessage.set(oneLine("Cannot build the preview: " + error.getClass().getSimpleName()
                    + (error.getMessage() == null ? "" : ": " + error.getMessage())));
        });
    }

    /** Shows an unexpected internal error as one line, never a stack trace. */
    public void reportUnexpected(Throwable error) {
        errorMessage.set(oneLine("Internal error: " + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage())));
    }

    /** Hides the error banner. */
    public void dismissError() {
        errorMessage.set("");
    }

    /** The bundled samples, in the order they are offered. */
    public List<String> samples() {
        return SampleCatalog.FILES;
    }

    /** True when the sample is in the build; samples are written separately and may be missing. */
    public boolean sampleAvailable(String fileName) {
        return WorkbenchViewModel.class.getResource(SampleCatalog.resource(fileName)) != null;
    }

    /** Where File > Open starts: {@code ./samples} when it exists, otherwise the working directory. */
    public Path suggestedOpenDirectory() {
        Path samples = Path.of("samples").toAbsolutePath().normalize();
        return Files.isDirectory(samples) ? samples : Path.of("").toAbsolutePath();
    }

    /** Where Export Markdown starts: next to the open file, or the working directory. */
    public Path suggestedExportDirectory() {
        Path p = design.pathProperty().get();
        return p != null && p.getParent() != null ? p.getParent() : Path.of("").toAbsolutePath();
    }

    /** A file name for the export, from the open file's name or the design's name. */
    public String suggestedExportName() {
        Path p = design.pathProperty().get();
        if (p != null) {
            return p.getFileName().toString().replaceFirst("\\.quorum\\.yaml$|\\.ya?ml$", "") + ".md";
        }
        String slug = design.nameProperty().get().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "design" : slug.length() > 60 ? slug.substring(0, 60) : slug) + ".md";
    }

    /** The product version: from the jar manifest or Maven metadata, else "development build". */
    public static String version() {
        String v = WorkbenchViewModel.class.getPackage().getImplementationVersion();
        if (v != null) {
            return v;
        }
        try (InputStream in = WorkbenchViewModel.class.getResourceAsStream("/META-INF/maven/dev.quorum/quorum/pom.properties")) {
            if (in != null) {
                Properties p = new Properties();
                p.load(in);
                return p.getProperty("version", "development build");
            }
        } catch (IOException e) {
            // No metadata means a development build; that is what the fallback says.
        }
        return "development build";
    }

    /** The About box text: name, version and a one-line description. */
    public String aboutText() {
        return "Quorum " + version() + "\nA workbench for data-and-consistency designs: validate, draw, simulate, store.";
    }

    /** Undoes the last edit; false when there was none. */
    public boolean undo() {
        return design.session().design() != null && design.session().undo();
    }

    /** Redoes the last undone edit; false when there was none. */
    public boolean redo() {
        return design.session().design() != null && design.session().redo();
    }

    /** Shows a project read from the store; from now on its edits autosave into it. */
    public void openProject(OpenedProject opened) {
        errorMessage.set("");
        project.unlink();
        design.show(opened.design(), null, "project: " + opened.project().name());
        project.link(opened);
        settings.addRecentProject(opened.project().id().toString(), opened.project().name());
        refreshRecent();
    }

    /**
     * Uses the project store that {@code opened} supplies (null until it is open) for autosave, and shows its
     * location in the status bar once {@code ready} is true.
     */
    public void useStore(java.util.function.Supplier<ProjectService> opened, ReadOnlyBooleanProperty ready) {
        this.store = opened;
        storeLocation.bind(Bindings.createStringBinding(() -> {
            ProjectService s = ready.get() ? opened.get() : null;
            return s == null ? "" : "store: " + s.location();
        }, ready));
    }

    private dev.quorum.store.FindingCounts currentFindings() {
        return new dev.quorum.store.FindingCounts(problems.errorsProperty().get(), problems.warningsProperty().get(),
                problems.infosProperty().get());
    }

    /** The link to the store project the design belongs to: autosave, save with a message, conflicts. */
    public ProjectDocument project() {
        return project;
    }

    /** "store: /home/ana/.quorum/store" once the project store is open; empty before. */
    public ReadOnlyStringProperty storeLocationProperty() {
        return storeLocation.getReadOnlyProperty();
    }

    /** Save, Save As, New, Import SQL and Export YAML. */
    public DesignFiles files() {
        return files;
    }

    /** The problems panel. */
    public ProblemsViewModel problems() {
        return problems;
    }

    /** Validation as the user types. */
    public LiveValidation liveValidation() {
        return liveValidation;
    }

    /** What the window remembers between runs. */
    public WorkbenchSettings settings() {
        return settings;
    }

    /** The recently opened design files, newest first. */
    public ObservableList<Path> recentFiles() {
        return recentFilesView;
    }

    /** The store projects opened recently, newest first. */
    public ObservableList<WorkbenchSettings.RecentProject> recentProjects() {
        return recentProjectsView;
    }

    /** Forgets a recent project, as when it is no longer in the store. */
    public void forgetRecentProject(String id) {
        settings.removeRecentProject(id);
        refreshRecent();
    }

    /** Forgets a recent file, as when it no longer exists. */
    public void forgetRecent(Path file) {
        settings.removeRecent(file);
        refreshRecent();
    }

    /** "Saved", "Unsaved changes" or "Not saved to a file", for the status bar. */
    public ReadOnlyStringProperty saveStateProperty() {
        return saveState.getReadOnlyProperty();
    }

    /** Shows a one-line error in the banner. */
    public void reportError(String line) {
        errorMessage.set(oneLine(line));
    }

    /** Shows a one-line message in the status bar. */
    public void reportMessage(String line) {
        message.set(oneLine(line));
    }

    /** The open design. */
    public DesignViewModel design() {
        return design;
    }

    /** The Diagrams view's state. */
    public DiagramsViewModel diagrams() {
        return diagrams;
    }

    /** The simulation view's state. */
    public SimulationViewModel simulation() {
        if (simulation == null) {
            simulation = new SimulationViewModel(simulations(), executor, design.session());
        }
        return simulation;
    }

    /** The walkthrough's state. */
    public WalkthroughViewModel walkthrough() {
        if (walkthrough == null) {
            walkthrough = new WalkthroughViewModel(new dev.quorum.service.walkthrough.WalkthroughService(simulations()),
                    executor, design.session());
        }
        return walkthrough;
    }

    private dev.quorum.service.SimulationService simulations() {
        if (simulations == null) {
            simulations = StartupServices.simulationService();
        }
        return simulations;
    }

    /** The Markdown preview. */
    public PreviewViewModel preview() {
        return preview;
    }

    /** The one-line error shown in the banner; empty when there is none. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    /** A transient status message such as "Exported Markdown to …". */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The window title. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** True while background work runs, validation included. */
    public ReadOnlyBooleanProperty busyProperty() {
        return executor.busyProperty();
    }

    /** True while background work the status bar shows runs (not the validation on every keystroke). */
    public ReadOnlyBooleanProperty workingProperty() {
        return executor.workingProperty();
    }

    /** What the background is doing. */
    public ReadOnlyStringProperty activityProperty() {
        return executor.activityProperty();
    }
}
