package dev.quorum.ui.diagram;

import dev.quorum.diagram.DiagramInputException;
import dev.quorum.diagram.ErOptions;
import dev.quorum.diagram.RenderException;
import dev.quorum.diagram.RenderFormat;
import dev.quorum.model.Design;
import dev.quorum.service.DiagramKind;
import dev.quorum.service.DiagramService;
import dev.quorum.ui.BackgroundExecutor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.image.Image;
import javafx.util.Duration;

/**
 * The Diagrams view's state and actions: which diagram (ER, data flow, topology), for the ER diagram the
 * table to centre on and how many hops, the rendered image and its zoom, and export. Drawing runs through
 * the {@link BackgroundExecutor}, only while the view is showing, and a result that a newer request has
 * overtaken is dropped.
 */
public final class DiagramsViewModel {

    /** Rendered at 1.5 times the 96-dpi size, so zooming to 150 % stays sharp. */
    public static final int RENDER_DPI = 144;
    /** The longest side of the image in the window. */
    public static final int MAX_PIXELS = 8_000;
    /** Zoom limits. */
    public static final double MIN_ZOOM = 0.1;
    /** Zoom limits. */
    public static final double MAX_ZOOM = 4.0;

    private static final double RENDER_SCALE = RENDER_DPI / 96.0;
    private static final System.Logger LOG = System.getLogger(DiagramsViewModel.class.getName());

    /** What a drawing produced, made off the FX thread. */
    record Drawing(Image image, String message, String dot, String failedDot, List<String> tables) {
        Drawing {
            tables = List.copyOf(tables);
        }
    }

    private final DiagramService diagrams;
    private final BackgroundExecutor executor;
    private final Supplier<Design> design;
    private final ObjectProperty<DiagramKind> kind = new SimpleObjectProperty<>(this, "kind", DiagramKind.ER);
    private final StringProperty focusTable = new SimpleStringProperty(this, "focusTable", "");
    private final IntegerProperty hops = new SimpleIntegerProperty(this, "hops", 1);
    private final ObservableList<String> tables = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Image> image = new ReadOnlyObjectWrapper<>(this, "image");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper failedDot = new ReadOnlyStringWrapper(this, "failedDot", "");
    private final ReadOnlyBooleanWrapper drawing = new ReadOnlyBooleanWrapper(this, "drawing", false);
    private final DoubleProperty zoom = new SimpleDoubleProperty(this, "zoom", 1.0);
    private final BooleanProperty active = new SimpleBooleanProperty(this, "active", false);
    private final ReadOnlyBooleanWrapper fitting = new ReadOnlyBooleanWrapper(this, "fitting", true);
    private final PauseTransition pause = new PauseTransition(Duration.millis(400));
    private final ReadOnlyStringWrapper dot = new ReadOnlyStringWrapper(this, "dot", "");
    private boolean stale = true;
    private long generation;

    public DiagramsViewModel(DiagramService diagrams, BackgroundExecutor executor, Supplier<Design> design) {
        this.diagrams = diagrams;
        this.executor = executor;
        this.design = design;
        pause.setOnFinished(e -> refresh());
        active.addListener((o, was, now) -> {
            if (now && stale) {
                refresh();
            }
        });
        kind.addListener((o, was, now) -> refresh());
        focusTable.addListener((o, was, now) -> {
            if (kind.get() == DiagramKind.ER) {
                refresh();
            }
        });
        hops.addListener((o, was, now) -> {
            if (kind.get() == DiagramKind.ER && !focusTable.get().isBlank()) {
                refresh();
            }
        });
    }

    /** The open design changed; it is drawn again shortly if the view is showing, else when it next shows. */
    public void designChanged() {
        stale = true;
        if (active.get()) {
            pause.playFromStart();
        }
    }

    /** Draws the current diagram now, in the background; does nothing while the view is hidden. */
    public void refresh() {
        pause.stop();
        if (!active.get()) {
            stale = true;
            return;
        }
        stale = false;
        Design d = design.get();
        if (d == null) {
            show(new Drawing(null, "No design is open.", "", "", List.of()));
            return;
        }
        long request = ++generation;
        DiagramKind k = kind.get();
        String focus = focusTable.get();
        int n = hops.get();
        drawing.set(true);
        executor.submit("Drawing the " + k.title().toLowerCase(Locale.ROOT) + "…", () -> draw(d, k, focus, n), result -> {
            if (request == generation) {
                drawing.set(false);
                show(result);
            }
        }, error -> {
            if (request == generation) {
                drawing.set(false);
                LOG.log(System.Logger.Level.WARNING, "drawing failed", error);
                show(new Drawing(null, "Cannot draw the diagram: " + error.getClass().getSimpleName()
                        + (error.getMessage() == null ? "" : ": " + error.getMessage()), "", "", List.copyOf(tables)));
            }
        });
    }

    /** Builds and renders the diagram; runs on the background thread. */
    Drawing draw(Design d, DiagramKind k, String focus, int n) {
        List<String> names = k == DiagramKind.ER ? diagrams.tableNames(d) : List.copyOf(tables);
        if (!diagrams.hasContent(d, k)) {
            return new Drawing(null, switch (k) {
                case ER -> "Nothing to draw: the design has no SQL schema with tables. Fill in the Database Schema section.";
                case DATAFLOW -> "Nothing to draw: the design has no shared data, synchronization or storage choices yet.";
                case TOPOLOGY -> "Nothing to draw: the design has no replication topology yet.";
            }, "", "", names);
        }
        String dot;
        try {
            ErOptions options = focus.isBlank() || !names.contains(focus) ? ErOptions.all()
                    : ErOptions.neighbourhood(focus, Math.max(0, Math.min(n, ErOptions.MAX_HOPS)));
            dot = diagrams.dot(d, k, options);
        } catch (DiagramInputException e) {
            return new Drawing(null, "Cannot draw the diagram: " + e.getMessage(), "", "", names);
        }
        try {
            byte[] png = diagrams.render(dot, RenderFormat.PNG, RENDER_DPI, MAX_PIXELS).bytes();
            Image img = new Image(new ByteArrayInputStream(png));
            if (img.isError()) {
                return new Drawing(null, "Cannot show the rendered image: " + img.getException(), dot, dot, names);
            }
            return new Drawing(img, "", dot, "", names);
        } catch (RenderException e) {
            return new Drawing(null, e.getMessage() + ". The DOT text is below; Export… saves it as a .dot file.", e.dot(), e.dot(), names);
        }
    }

    private void show(Drawing d) {
        image.set(d.image());
        message.set(d.message());
        failedDot.set(d.failedDot());
        dot.set(d.dot());
        if (!tables.equals(d.tables())) {
            tables.setAll(d.tables());
        }
    }

    /** Zooms in by a quarter and stops following the view's size. */
    public void zoomIn() {
        fitting.set(false);
        zoom.set(Math.min(MAX_ZOOM, zoom.get() * 1.25));
    }

    /** Zooms out by a fifth and stops following the view's size. */
    public void zoomOut() {
        fitting.set(false);
        zoom.set(Math.max(MIN_ZOOM, zoom.get() / 1.25));
    }

    /** Shows the diagram at its natural (96 dpi) size and stops following the view's size. */
    public void actualSize() {
        fitting.set(false);
        zoom.set(1.0);
    }

    /**
     * Zooms so the whole diagram fits a viewport of this size, at most to the rendered resolution so it
     * stays sharp, and keeps fitting when the diagram or the view changes until the user zooms.
     */
    public void fit(double viewportWidth, double viewportHeight) {
        fitting.set(true);
        refit(viewportWidth, viewportHeight);
    }

    /** Fits again if the user has not zoomed since the last fit; the view calls it when its size or the image changes. */
    public void refit(double viewportWidth, double viewportHeight) {
        Image img = image.get();
        if (!fitting.get() || img == null || img.getWidth() <= 0 || img.getHeight() <= 0 || viewportWidth <= 0 || viewportHeight <= 0) {
            return;
        }
        double scale = Math.min(viewportWidth / (img.getWidth() / RENDER_SCALE), viewportHeight / (img.getHeight() / RENDER_SCALE));
        zoom.set(Math.max(MIN_ZOOM, Math.min(RENDER_SCALE, scale)));
    }

    /**
     * Saves the current diagram in the background; the format follows the file name: .svg, .png, .dot, or
     * .mmd (Mermaid). An unknown extension gets .svg.
     */
    public void export(Path target) {
        Design d = design.get();
        if (d == null) {
            message.set("Nothing to export: no design is open.");
            return;
        }
        Path out = withExtension(target.toAbsolutePath().normalize());
        DiagramKind k = kind.get();
        String shown = dot.get();
        String focus = focusTable.get();
        int n = hops.get();
        executor.submit("Exporting the " + k.title().toLowerCase(Locale.ROOT) + "…", () -> {
            String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
            byte[] bytes;
            if (name.endsWith(".dot")) {
                bytes = (shown.isEmpty() ? diagrams.dot(d, k, options(focus, n, d)) : shown).getBytes(StandardCharsets.UTF_8);
            } else if (name.endsWith(".mmd")) {
                bytes = diagrams.mermaid(d, k, options(focus, n, d)).getBytes(StandardCharsets.UTF_8);
            } else {
                String source = shown.isEmpty() ? diagrams.dot(d, k, options(focus, n, d)) : shown;
                bytes = diagrams.render(source, name.endsWith(".png") ? RenderFormat.PNG : RenderFormat.SVG, RENDER_DPI).bytes();
            }
            writeAtomically(out, bytes);
            return out;
        }, written -> message.set("Exported to " + written), error -> message.set("Cannot export to " + out + ": "
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())));
    }

    private ErOptions options(String focus, int n, Design d) {
        return focus.isBlank() || !diagrams.tableNames(d).contains(focus) ? ErOptions.all() : ErOptions.neighbourhood(focus, n);
    }

    /** A file name for the export: the diagram's id and .svg. */
    public String suggestedExportName() {
        return kind.get().id() + (kind.get() == DiagramKind.ER && !focusTable.get().isBlank()
                ? "-" + focusTable.get().replaceAll("[^A-Za-z0-9_-]+", "-") : "") + ".svg";
    }

    private static Path withExtension(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".svg") || name.endsWith(".png") || name.endsWith(".dot") || name.endsWith(".mmd")
                ? p : p.resolveSibling(p.getFileName() + ".svg");
    }

    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), ".quorum-diagram-", ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Which diagram is shown. */
    public ObjectProperty<DiagramKind> kindProperty() {
        return kind;
    }

    /** The ER diagram's centre table; empty for all tables. */
    public StringProperty focusTableProperty() {
        return focusTable;
    }

    /** How many foreign-key hops around the centre table are drawn. */
    public IntegerProperty hopsProperty() {
        return hops;
    }

    /** The schema's tables, for choosing a centre. */
    public ObservableList<String> tables() {
        return tables;
    }

    /** True when the ER controls (table and hops) apply. */
    public BooleanBinding erControlsVisible() {
        return kind.isEqualTo(DiagramKind.ER);
    }

    /** The rendered diagram; null while there is none. */
    public ReadOnlyObjectProperty<Image> imageProperty() {
        return image.getReadOnlyProperty();
    }

    /** A line shown instead of, or under, the image: nothing to draw, an error, or an export result. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The DOT text of the diagram shown (or that failed to render); empty when there is none. */
    public ReadOnlyStringProperty dotProperty() {
        return dot.getReadOnlyProperty();
    }

    /** The DOT text of a render that failed, so the user can see and save it; empty otherwise. */
    public ReadOnlyStringProperty failedDotProperty() {
        return failedDot.getReadOnlyProperty();
    }

    /** True while a drawing is on its way. */
    public ReadOnlyBooleanProperty drawingProperty() {
        return drawing.getReadOnlyProperty();
    }

    /** The zoom factor; 1 is the 96-dpi size. */
    public DoubleProperty zoomProperty() {
        return zoom;
    }

    /** The zoom as a percentage label. */
    public javafx.beans.binding.StringBinding zoomText() {
        return Bindings.createStringBinding(() -> Math.round(zoom.get() * 100) + " %", zoom);
    }

    /** The shown width of the image at the current zoom. */
    public DoubleBinding displayWidth() {
        return Bindings.createDoubleBinding(() -> image.get() == null ? 0 : image.get().getWidth() / RENDER_SCALE * zoom.get(), image, zoom);
    }

    /** True while the zoom follows the view's size (after Fit, and at first). */
    public ReadOnlyBooleanProperty fittingProperty() {
        return fitting.getReadOnlyProperty();
    }

    /** True while the view is showing; drawing waits until then. */
    public BooleanProperty activeProperty() {
        return active;
    }
}
