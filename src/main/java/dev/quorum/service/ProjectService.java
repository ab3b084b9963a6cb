package dev.quorum.service;

import dev.quorum.io.DesignFile;
import dev.quorum.io.DesignFormatException;
import dev.quorum.model.Design;
import dev.quorum.store.FindingCounts;
import dev.quorum.store.H2ProjectRepository;
import dev.quorum.store.ProjectNotFoundException;
import dev.quorum.store.ProjectRepository;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.Revision;
import dev.quorum.store.RevisionDraft;
import dev.quorum.store.RevisionInfo;
import dev.quorum.store.SaveResult;
import dev.quorum.store.StoreBackup;
import dev.quorum.store.StoreException;
import dev.quorum.store.StoreLocation;
import dev.quorum.validate.Finding;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The project-store use cases that the window and the command line share: open, save (explicit, autosave,
 * or on top of a concurrent change), history, restore, trash, import, export, backup and the first-start
 * samples. Designs enter the store as canonical YAML with their finding counts.
 */
public final class ProjectService implements AutoCloseable {

    /** The store setting that records when the samples were added, so they are added only once. */
    static final String SAMPLES_SEEDED = "samples_seeded_at";

    private final ProjectRepository repository;
    private final DesignService designs;
    private final ValidationService validation;
    private final String author;

    public ProjectService(ProjectRepository repository, DesignService designs, ValidationService validation) {
        this.repository = repository;
        this.designs = designs;
        this.validation = validation;
        String user = System.getProperty("user.name");
        this.author = user == null || user.isBlank() ? "unknown" : user;
    }

    /** Opens the store at {@code location} with the standard template and rules. */
    public static ProjectService open(StoreLocation location) throws StoreException {
        return new ProjectService(H2ProjectRepository.open(location), new DesignService(), new ValidationService());
    }

    /** The repository underneath, for the few callers that need it directly. */
    public ProjectRepository repository() {
        return repository;
    }

    /** Where the store lives. */
    public StoreLocation location() {
        return repository.location();
    }

    /** Live projects, most recently changed first. */
    public List<ProjectSummary> list() throws StoreException {
        return repository.list();
    }

    /** Projects in the trash. */
    public List<ProjectSummary> trash() throws StoreException {
        return repository.trash();
    }

    /** Which projects a reference may name. */
    public enum Scope {
        /** Live projects first, then the trash. */
        ANY,
        /** Only live projects. */
        LIVE,
        /** Only projects in the trash. */
        TRASH
    }

    /**
     * The project named by {@code reference}: its full id, the first 4 or more hex digits of its id, its name,
     * or else the start of its name, or a part of it, when that fits only one project (ignoring case). With
     * {@link Scope#ANY}, a live project wins over one in the trash of the same name.
     */
    public ProjectSummary resolve(String reference, Scope scope) throws StoreException {
        String ref = reference == null ? "" : reference.strip();
        if (ref.isEmpty()) {
            throw new ProjectNotFoundException("Name a project by its name or id");
        }
        List<ProjectSummary> all = new ArrayList<>();
        if (scope != Scope.TRASH) {
            all.addAll(repository.list());
        }
        if (scope != Scope.LIVE) {
            all.addAll(repository.trash());
        }
        String where = scope == Scope.TRASH ? " in the trash" : scope == Scope.LIVE ? " outside the trash" : "";
        String lower = ref.toLowerCase(Locale.ROOT);
        if (lower.matches("[0-9a-f-]{4,36}")) {
            List<ProjectSummary> byId = all.stream().filter(p -> p.id().toString().startsWith(lower)).toList();
            if (byId.size() == 1) {
                return byId.get(0);
            }
            if (byId.size() > 1) {
                throw new ProjectNotFoundException(byId.size() + " projects have ids starting with '" + ref + "'; give more digits");
            }
        }
        List<ProjectSummary> byName = all.stream().filter(p -> p.name().equalsIgnoreCase(ref)).toList();
        if (byName.isEmpty()) {
            // Sample and real names run long; a part of a name that fits one project is enough.
            byName = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).startsWith(lower)).toList();
        }
        if (byName.isEmpty()) {
            byName = all.stream().filter(p -> p.name().toLowerCase(Locale.ROOT).contains(lower)).toList();
        }
        List<ProjectSummary> live = byName.stream().filter(p -> !p.deleted()).toList();
        List<ProjectSummary> pick = live.isEmpty() ? byName : live;
        if (pick.size() == 1) {
            return pick.get(0);
        }
        if (pick.size() > 1) {
            throw new ProjectNotFoundException(pick.size() + " projects match '" + ref + "'" + where + "; name one by its id ("
                    + String.join(", ", pick.stream().map(p -> p.shortId() + " " + p.name()).toList()) + ")");
        }
        throw new ProjectNotFoundException("No project named '" + ref + "'" + where
                + (scope == Scope.TRASH ? " (see quorum projects list --trash)" : " (see quorum projects list)"));
    }

    /** Reads the current revision of a project as a design. */
    public OpenedProject open(UUID project) throws StoreException {
        return opened(repository.current(project));
    }

    /** Reads revision {@code number} of a project as a design. */
    public OpenedProject openRevision(UUID project, int number) throws StoreException {
        return opened(repository.revision(project, number));
    }

    private OpenedProject opened(Revision revision) throws StoreException {
        String source = revision.project().name() + " (revision " + revision.info().number() + ")";
        try {
            return new OpenedProject(revision.project(), revision.info(), designs.parse(revision.yaml(), source));
        } catch (DesignFormatException e) {
            throw new StoreException("The stored design cannot be read: " + e.getMessage(), e);
        }
    }

    /** Creates a project from a design; its name is the design's name. */
    public SaveResult create(DesignFile design, String message) throws StoreException {
        String name = design.design().name().isBlank() ? "Untitled design" : design.design().name();
        return repository.create(name, RevisionDraft.save(designs.toYaml(design), author, message, findings(design.design())));
    }

    /** An explicit save: always a new revision, refused with a conflict when the project changed since. */
    public SaveResult save(UUID project, long expectedVersion, DesignFile design, String message) throws StoreException {
        return repository.save(project, expectedVersion,
                RevisionDraft.save(designs.toYaml(design), author, message, findings(design.design())));
    }

    /** An autosave, which coalesces with the previous autosave; {@code findings} may be null when unknown. */
    public SaveResult autosave(UUID project, long expectedVersion, DesignFile design, FindingCounts findings)
            throws StoreException {
        return repository.save(project, expectedVersion, RevisionDraft.autosave(designs.toYaml(design), author, findings));
    }

    /**
     * After a conflict: saves the design as a new revision on top of whatever is current now, so both the
     * other change and this one stay in the history.
     */
    public SaveResult saveOnTop(UUID project, DesignFile design, String message) throws StoreException {
        ProjectSummary now = repository.find(project);
        return save(project, now.version(), design, message);
    }

    /** The project's revisions, newest first. */
    public List<RevisionInfo> history(UUID project) throws StoreException {
        return repository.history(project);
    }

    /** Makes a copy of an old revision the current one, with fresh finding counts. */
    public SaveResult restoreRevision(UUID project, int number) throws StoreException {
        OpenedProject old = openRevision(project, number);
        ProjectSummary now = repository.find(project);
        return repository.save(project, now.version(), RevisionDraft.save(designs.toYaml(old.design()), author,
                "Restored revision " + number, findings(old.design().design())));
    }

    /** Gives a live project a new name; its revisions are untouched. */
    public ProjectSummary rename(UUID project, String name) throws StoreException {
        return repository.rename(project, name);
    }

    /** Moves a project to the trash. */
    public ProjectSummary delete(UUID project) throws StoreException {
        return repository.delete(project);
    }

    /** Brings a project back from the trash. */
    public ProjectSummary undelete(UUID project) throws StoreException {
        return repository.undelete(project);
    }

    /** Removes a project in the trash for good. */
    public void purge(UUID project) throws StoreException {
        repository.purge(project);
    }

    /** Purges every project in the trash. */
    public int emptyTrash() throws StoreException {
        return repository.emptyTrash();
    }

    /** The design's finding counts under its own rule settings. */
    public FindingCounts findings(Design design) {
        int errors = 0;
        int warnings = 0;
        int infos = 0;
        for (Finding f : validation.validate(design)) {
            switch (f.severity()) {
                case ERROR -> errors++;
                case WARNING -> warnings++;
                case INFO -> infos++;
            }
        }
        return new FindingCounts(errors, warnings, infos);
    }

    /**
     * Imports {@code path}: one design file, or every {@code *.quorum.yaml} directly in a folder. A design
     * whose name matches one live project becomes a new revision of it (or nothing, when unchanged);
     * otherwise it becomes a new project.
     */
    public List<ImportOutcome> importPath(Path path) throws StoreException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".quorum.yaml") && Files.isRegularFile(p))
                        .sorted().toList();
            } catch (IOException e) {
                throw new StoreException("Cannot read the folder " + path + ": " + e.getMessage(), e);
            }
            if (files.isEmpty()) {
                throw new StoreException("The folder " + path + " has no *.quorum.yaml files to import");
            }
            List<ImportOutcome> out = new ArrayList<>();
            for (Path f : files) {
                out.add(importFile(f));
            }
            return out;
        }
        if (!Files.exists(path)) {
            throw new StoreException("Cannot import " + path + ": no such file or folder");
        }
        return List.of(importFile(path));
    }

    private ImportOutcome importFile(Path file) throws StoreException {
        DesignFile design;
        try {
            design = designs.open(file);
        } catch (DesignFormatException e) {
            return new ImportOutcome(file, ImportOutcome.Kind.FAILED, "", e.getMessage());
        } catch (IOException e) {
            return new ImportOutcome(file, ImportOutcome.Kind.FAILED, "", file + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()));
        }
        String name = design.design().name().isBlank() ? "Untitled design" : design.design().name();
        String message = "Imported from " + file.getFileName();
        List<ProjectSummary> same = repository.list().stream().filter(p -> p.name().equalsIgnoreCase(name)).toList();
        if (same.size() > 1) {
            return new ImportOutcome(file, ImportOutcome.Kind.FAILED, name, file + ": " + same.size()
                    + " live projects are named '" + name + "'; rename one before importing");
        }
        String yaml = designs.toYaml(design);
        if (same.isEmpty()) {
            SaveResult r = repository.create(name, RevisionDraft.save(yaml, author, message, findings(design.design())));
            return new ImportOutcome(file, ImportOutcome.Kind.CREATED, r.project().name(), "revision 1");
        }
        ProjectSummary existing = same.get(0);
        Revision current = repository.current(existing.id());
        if (current.yaml().equals(yaml)) {
            return new ImportOutcome(file, ImportOutcome.Kind.UNCHANGED, existing.name(),
                    "already revision " + current.info().number());
        }
        SaveResult r = repository.save(existing.id(), existing.version(),
                RevisionDraft.save(yaml, author, message, findings(design.design())));
        return new ImportOutcome(file, ImportOutcome.Kind.NEW_REVISION, r.project().name(),
                "revision " + r.revision().number());
    }

    /**
     * Writes every live project's current design into {@code dir} as {@code NAME.quorum.yaml} (each file
     * atomically) and returns the files written, in listing order.
     */
    public List<Path> export(Path dir) throws StoreException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder " + dir + ": " + e.getMessage(), e);
        }
        List<Path> written = new ArrayList<>();
        Set<String> used = new HashSet<>();
        for (ProjectSummary p : repository.list()) {
            Revision current = repository.current(p.id());
            String base = slug(p.name());
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "-" + i;
            }
            Path target = dir.resolve(name + ".quorum.yaml");
            try {
                writeAtomically(target, current.yaml());
            } catch (IOException e) {
                throw new StoreException("Cannot write " + target + ": " + (e.getMessage() == null
                        ? e.getClass().getSimpleName() : e.getMessage()), e);
            }
            written.add(target);
        }
        return written;
    }

    /** A file-name-safe form of a project name. */
    static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.isEmpty()) {
            s = "design";
        }
        return s.length() > 80 ? s.substring(0, 80) : s;
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), ".quorum-export-", ".tmp");
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

    /**
     * On the first start of a new store, adds the bundled samples as projects; returns how many. A store that
     * already has projects, or was seeded before (even if the samples were deleted since), gets none.
     */
    public int seedSamples() throws StoreException {
        if (repository.readOnly() || repository.setting(SAMPLES_SEEDED) != null) {
            return 0;
        }
        int added = 0;
        if (repository.list().isEmpty() && repository.trash().isEmpty()) {
            for (String sample : SampleCatalog.FILES) {
                DesignFile design;
                try {
                    design = designs.openSample(sample);
                } catch (DesignFormatException | IOException e) {
                    continue;
                }
                String name = design.design().name().isBlank() ? sample : design.design().name();
                repository.create(name, RevisionDraft.save(designs.toYaml(design), "Quorum",
                        "Bundled sample " + sample, findings(design.design())));
                added++;
            }
        }
        repository.putSetting(SAMPLES_SEEDED, Instant.now().toString());
        return added;
    }

    /** Writes a consistent backup zip to {@code target}; an existing file is replaced only with {@code replace}. */
    public void backup(Path target, boolean replace) throws StoreException {
        Path out = target.toAbsolutePath().normalize();
        if (!replace || !Files.exists(out)) {
            repository.backup(out);
            return;
        }
        Path fresh = out.resolveSibling("." + out.getFileName() + ".new-" + System.nanoTime());
        repository.backup(fresh);
        try {
            Files.move(fresh, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new StoreException("Cannot replace " + out + ": " + e.getMessage(), e);
        }
    }

    /** Restores a backup zip into the store at {@code location}, which must not be open in this process. */
    public static StoreBackup.RestoreReport restore(StoreLocation location, Path zip, boolean force) throws StoreException {
        return StoreBackup.restore(location, zip, force);
    }

    @Override
    public void close() {
        repository.close();
    }
}
