package dev.quorum.ui.edit;

import dev.quorum.io.DesignFile;
import dev.quorum.model.Design;
import dev.quorum.model.SchemaDesign;
import dev.quorum.service.DesignService;
import dev.quorum.service.SchemaImport;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.ui.DesignViewModel;
import dev.quorum.ui.settings.WorkbenchSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.MalformedInputException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/**
 * The window's file actions on the open design: save, save as, new, import SQL DDL into the schema and
 * export the canonical YAML. Writes are atomic and run through the {@link BackgroundExecutor}; results and
 * errors come back as one line for the status bar or the error banner.
 */
public final class DesignFiles {

    /** The largest SQL file an import reads; a schema is text, and anything bigger is a mistake. */
    public static final long MAX_SQL_BYTES = 8L * 1024 * 1024;

    private static final System.Logger LOG = System.getLogger(DesignFiles.class.getName());

    private final DesignService service;
    private final BackgroundExecutor executor;
    private final DesignViewModel design;
    private final WorkbenchSettings settings;
    private final Consumer<String> error;
    private final Consumer<String> message;
    private final Runnable recentChanged;
    private Runnable fileOwned = () -> { };

    public DesignFiles(DesignService service, BackgroundExecutor executor, DesignViewModel design,
            WorkbenchSettings settings, Consumer<String> error, Consumer<String> message, Runnable recentChanged) {
        this.service = service;
        this.executor = executor;
        this.design = design;
        this.settings = settings;
        this.error = error;
        this.message = message;
        this.recentChanged = recentChanged;
    }

    /** Runs {@code action} whenever the design becomes a file of its own (Save As, New), leaving any project. */
    public void onFileOwned(Runnable action) {
        this.fileOwned = action;
    }

    /** True when Save can write to the file the design came from; otherwise it needs Save As. */
    public boolean canSaveInPlace() {
        return design.pathProperty().get() != null;
    }

    /** Saves to the file the design came from; null when there is none (ask for a file and call {@link #saveAs}). */
    public Task<Path> save() {
        Path path = design.pathProperty().get();
        return path == null ? null : saveAs(path);
    }

    /** Writes the design to {@code target} (adding {@code .quorum.yaml} when it has no extension) and opens it there. */
    public Task<Path> saveAs(Path target) {
        EditSession session = design.session();
        DesignFile file = session.fileProperty().get();
        if (file == null) {
            error.accept("Nothing to save: no design is open");
            return null;
        }
        Path out = withExtension(target.toAbsolutePath().normalize(), ".quorum.yaml");
        long revision = session.revisionProperty().get();
        return executor.submit("Saving " + out.getFileName() + "…", () -> {
            service.save(file, out);
            return out;
        }, written -> {
            fileOwned.run();
            design.relocate(written, written.toString());
            boolean clean = session.markSavedIfUnchanged(revision);
            settings.addRecent(written);
            recentChanged.run();
            message.accept(clean ? "Saved " + written : "Saved " + written + "; edits made while saving are not saved yet");
        }, failure -> error.accept(describe("Cannot save to " + out, failure)));
    }

    /** Starts a new, empty design with every field to fill in. */
    public void newDesign(String name) {
        fileOwned.run();
        design.show(service.create(name), null, "new design (not saved)", true);
        message.accept("New design: fill in the sections, then File > Save As");
    }

    /**
     * Reads SQL DDL from {@code sql} and puts it into the schema as one undoable step. The import is computed
     * in the background; edits made meanwhile are kept, because only the schema is replaced.
     */
    public Task<SchemaImport> importSql(Path sql) {
        EditSession session = design.session();
        DesignFile file = session.fileProperty().get();
        if (file == null) {
            error.accept("Nothing to import into: no design is open");
            return null;
        }
        Path in = sql.toAbsolutePath().normalize();
        return executor.submit("Importing " + in.getFileName() + "…", () -> {
            if (Files.size(in) > MAX_SQL_BYTES) {
                throw new IOException("the file is larger than 8 MB");
            }
            String ddl = Files.readString(in, StandardCharsets.UTF_8);
            return service.importSchema(file, ddl, null);
        }, result -> {
            SchemaDesign before = session.design().schema();
            SchemaDesign after = result.file().design().schema();
            session.apply(new SetValue("schema", before, after, "schema (import " + in.getFileName() + ")",
                    Long.MIN_VALUE));
            session.seal();
            int tables = result.schema().tables().size();
            int skipped = result.schema().skipped().size();
            message.accept("Imported " + tables + (tables == 1 ? " table" : " tables") + " from " + in.getFileName()
                    + (skipped == 0 ? "" : "; " + skipped + " statements skipped") + " (Ctrl+Z undoes the import)");
        }, failure -> error.accept(describe("Cannot import " + in, failure)));
    }

    /** Writes the design's canonical YAML to {@code target}, leaving the open design where it is. */
    public Task<Path> exportYaml(Path target) {
        Design current = design.design();
        if (current == null) {
            error.accept("Nothing to export: no design is open");
            return null;
        }
        DesignFile file = design.session().fileProperty().get();
        Path out = withExtension(target.toAbsolutePath().normalize(), ".quorum.yaml");
        return executor.submit("Exporting YAML…", () -> {
            writeAtomically(out, service.toYaml(file));
            return out;
        }, written -> message.accept("Exported YAML to " + written),
                failure -> error.accept(describe("Cannot export to " + out, failure)));
    }

    /** True for the files a drop opens as designs. */
    public static boolean isDesign(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    /** True for the files a drop imports as SQL DDL. */
    public static boolean isSql(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql");
    }

    /** "design.quorum.yaml" stays; "design" becomes "design.quorum.yaml". */
    static Path withExtension(Path p, String extension) {
        String name = p.getFileName().toString();
        return name.contains(".") ? p : p.resolveSibling(name + extension);
    }

    static void writeAtomically(Path target, String text) throws IOException {
        // A crash mid-write must not leave a half-written file over the previous one.
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

    /** One line for the user, never a stack trace. */
    static String describe(String what, Throwable failure) {
        String reason;
        if (failure instanceof NoSuchFileException) {
            reason = "no such file or folder";
        } else if (failure instanceof java.nio.file.AccessDeniedException) {
            reason = "permission denied";
        } else if (failure instanceof MalformedInputException) {
            reason = "the file is not UTF-8 text";
        } else if (failure instanceof IOException && failure.getMessage() != null) {
            reason = failure.getMessage();
        } else {
            LOG.log(System.Logger.Level.WARNING, what, failure);
            reason = "unexpected " + failure.getClass().getSimpleName()
                    + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        }
        return (what + ": " + reason).replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
