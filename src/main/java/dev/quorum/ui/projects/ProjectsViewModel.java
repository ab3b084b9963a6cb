package dev.quorum.ui.projects;

import dev.quorum.io.DesignFile;
import dev.quorum.service.DesignService;
import dev.quorum.service.OpenedProject;
import dev.quorum.service.ProjectService;
import dev.quorum.store.ProjectSummary;
import dev.quorum.store.RevisionInfo;
import dev.quorum.store.SaveResult;
import dev.quorum.store.StoreException;
import dev.quorum.ui.BackgroundExecutor;
import dev.quorum.model.DesignPath;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.transformation.FilteredList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The projects in the store, for the Projects window: list and search, trash, open, new from the template
 * or a sample, duplicate, delete and undelete, and each project's history with restore. The store is
 * opened (and, the first time, seeded with the samples) in the background the first time it is needed;
 * every store call runs on the {@link BackgroundExecutor}, never on the FX thread.
 */
public final class ProjectsViewModel implements AutoCloseable {

    private final Callable<ProjectService> opener;
    private final BackgroundExecutor executor;
    private final Consumer<OpenedProject> onOpen;
    private final ObservableList<ProjectRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<ProjectRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty showTrash = new SimpleBooleanProperty(this, "showTrash", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ReadOnlyBooleanWrapper ready = new ReadOnlyBooleanWrapper(this, "ready", false);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final FilteredList<ProjectRow> visibleRows = new FilteredList<>(rows, r -> true);
    private final ObservableList<RevisionInfo> history = FXCollections.observableArrayList();
    private final DesignService designs;
    private volatile ProjectService service;
    private boolean opening;
    private Consumer<ProjectSummary> onRename = p -> { };

    /**
     * @param opener opens the store; called once, in the background
     * @param onOpen receives a project the user opened, on the FX thread
     */
    public ProjectsViewModel(Callable<ProjectService> opener, BackgroundExecutor executor, Consumer<OpenedProject> onOpen) {
        this(opener, executor, onOpen, new DesignService());
    }

    /** As above, with the design service that makes new designs and reads the samples. */
    public ProjectsViewModel(Callable<ProjectService> opener, BackgroundExecutor executor, Consumer<OpenedProject> onOpen,
            DesignService designs) {
        this.opener = opener;
        this.executor = executor;
        this.onOpen = onOpen;
        this.designs = designs;
        showTrash.addListener((o, was, now) -> refresh());
        search.addListener((o, was, now) -> {
            String text = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            visibleRows.setPredicate(r -> text.isEmpty() || r.name().toLowerCase(Locale.ROOT).contains(text));
        });
        selected.addListener((o, was, now) -> loadHistory());
    }

    /** Called on the FX thread with a project that was renamed, so the window can show the new name. */
    public void setOnRename(Consumer<ProjectSummary> handler) {
        this.onRename = handler == null ? p -> { } : handler;
    }

    /** The open store, or null before it is open; the window's autosave writes through it. */
    public ProjectService service() {
        return service;
    }

    /** Creates a project from the template ({@code sample} null) or from a bundled sample, and opens it. */
    public void newProject(String sample) {
        ProjectService s = service;
        if (s == null) {
            return;
        }
        executor.submit(sample == null ? "Creating a project…" : "Creating a project from " + sample + "…", () -> {
            DesignFile design = sample == null ? designs.create("Untitled design") : designs.openSample(sample);
            SaveResult created = s.create(design, sample == null ? "Created from the template" : "Created from the sample " + sample);
            return s.open(created.project().id());
        }, opened -> {
            status.set("Created '" + opened.project().name() + "'");
            refresh();
            onOpen.accept(opened);
        }, this::fail);
    }

    /** Copies the selected project's current revision into a new project named "… (copy)". */
    public void duplicateSelected() {
        ProjectRow row = selected.get();
        ProjectService s = service;
        if (row == null || s == null || row.deleted()) {
            return;
        }
        executor.submit("Duplicating " + row.name() + "…", () -> {
            OpenedProject original = s.open(row.id());
            DesignFile copy = original.design().withDesign(
                    DesignPath.parse("name").with(original.design().design(), row.name() + " (copy)"));
            s.create(copy, "Duplicated from '" + row.name() + "' revision " + original.revision().number());
            return new Listing(s.list(), 0);
        }, listing -> {
            show(listing);
            status.set("Duplicated '" + row.name() + "'");
            rows.stream().filter(r -> r.name().equals(row.name() + " (copy)")).findFirst().ifPresent(selected::set);
        }, this::fail);
    }

    /** Renames the selected live project; the list is read again, with the renamed row still selected. */
    public void renameSelected(String name) {
        ProjectRow row = selected.get();
        ProjectService s = service;
        if (row == null || s == null || row.deleted() || name == null || name.isBlank()) {
            return;
        }
        executor.submit("Renaming " + row.name() + "…", () -> {
            ProjectSummary renamed = s.rename(row.id(), name);
            return java.util.Map.entry(renamed, new Listing(s.list(), 0));
        }, done -> {
            show(done.getValue());
            status.set("Renamed '" + row.name() + "' to '" + done.getKey().name() + "'");
            onRename.accept(done.getKey());
        }, this::fail);
    }

    private void loadHistory() {
        ProjectRow row = selected.get();
        ProjectService s = service;
        if (row == null || s == null) {
            history.clear();
            return;
        }
        executor.submit("", () -> s.history(row.id()), list -> {
            if (selected.get() != null && selected.get().id().equals(row.id())) {
                history.setAll(list);
            }
        }, this::fail);
    }

    /**
     * Makes revision {@code number} of the selected project its current revision (history is kept: the restore
     * is a new revision), then opens it in the window.
     */
    public void restoreRevision(int number) {
        ProjectRow row = selected.get();
        ProjectService s = service;
        if (row == null || s == null || row.deleted()) {
            return;
        }
        executor.submit("Restoring revision " + number + " of " + row.name() + "…", () -> {
            s.restoreRevision(row.id(), number);
            return s.open(row.id());
        }, opened -> {
            status.set("Restored revision " + number + " of '" + row.name() + "' as revision " + opened.revision().number());
            refresh();
            loadHistory();
            onOpen.accept(opened);
        }, this::fail);
    }

    /** Opens the store if that has not happened yet, then lists it. */
    public void start() {
        if (service != null) {
            refresh();
            return;
        }
        if (opening) {
            return;
        }
        opening = true;
        status.set("Opening the project store…");
        executor.submit("Opening the project store…", () -> {
            ProjectService s = opener.call();
            int seeded = s.seedSamples();
            service = s;
            return new Listing(s.list(), seeded);
        }, listing -> {
            opening = false;
            ready.set(true);
            show(listing);
        }, failure -> {
            opening = false;
            fail(failure);
        });
    }

    /** Lists the store again (the live projects or the trash). */
    public void refresh() {
        ProjectService s = service;
        if (s == null) {
            return;
        }
        boolean trash = showTrash.get();
        executor.submit(trash ? "Listing the trash…" : "Listing projects…", () -> new Listing(trash ? s.trash() : s.list(), 0),
                this::show, this::fail);
    }

    /** Reads the selected project's current design and hands it to the window. */
    public void openSelected() {
        ProjectRow row = selected.get();
        ProjectService s = service;
        if (row == null || s == null || row.deleted()) {
            return;
        }
        executor.submit("Opening " + row.name() + "…", () -> s.open(row.id()), opened -> {
            error.set("");
            onOpen.accept(opened);
        }, this::fail);
    }

    /**
     * Opens the project {@code id} (from the recent projects), opening the store first if need be: the store is
     * opened by earlier work on the same ordered lane, so the service is there by the time this task runs.
     * {@code missing} runs on the FX thread when the project is gone or in the trash.
     */
    public void open(UUID id, Runnable missing) {
        start();
        executor.submit("Opening a recent project…", () -> {
            ProjectService s = service;
            if (s == null) {
                throw new StoreException("The project store is not open");
            }
            return s.list().stream().anyMatch(p -> p.id().equals(id)) ? s.open(id) : null;
        }, opened -> {
            if (opened == null) {
                missing.run();
                return;
            }
            error.set("");
            onOpen.accept(opened);
        }, this::fail);
    }

    /** Moves the selected project to the trash, or brings it back when the trash is shown. */
    public void deleteOrRestoreSelected() {
        ProjectRow row = selected.get();
        ProjectService s = service;
        if (row == null || s == null) {
            return;
        }
        UUID id = row.id();
        boolean trash = showTrash.get();
        executor.submit(row.deleted() ? "Restoring " + row.name() + "…" : "Deleting " + row.name() + "…", () -> {
            if (row.deleted()) {
                s.undelete(id);
            } else {
                s.delete(id);
            }
            return new Listing(trash ? s.trash() : s.list(), 0);
        }, listing -> {
            show(listing);
            status.set((row.deleted() ? "Restored '" : "Moved '") + row.name() + (row.deleted() ? "' from the trash" : "' to the trash"));
        }, this::fail);
    }

    private void show(Listing listing) {
        error.set("");
        ProjectRow keep = selected.get();
        rows.setAll(listing.projects().stream().map(ProjectRow::of).toList());
        if (keep != null) {
            rows.stream().filter(r -> r.id().equals(keep.id())).findFirst().ifPresentOrElse(selected::set, () -> selected.set(null));
        }
        int n = listing.projects().size();
        String where = service == null ? "" : " in " + service.location();
        status.set((showTrash.get() ? n + (n == 1 ? " project" : " projects") + " in the trash"
                : n + (n == 1 ? " project" : " projects") + where)
                + (listing.seeded() > 0 ? " (the samples were added on this first start)" : ""));
    }

    private void fail(Throwable failure) {
        String message = failure instanceof StoreException e ? e.getMessage()
                : "Unexpected " + failure.getClass().getSimpleName() + (failure.getMessage() == null ? "" : ": " + failure.getMessage());
        error.set(message.replaceAll("\\s*\\R\\s*", " "));
        status.set("");
    }

    /** The rows that match the search, in listing order. */
    public ObservableList<ProjectRow> visibleRows() {
        return visibleRows;
    }

    /** Text that project names must contain to be listed; empty lists them all. */
    public StringProperty searchProperty() {
        return search;
    }

    /** The selected project's revisions, newest first. */
    public ObservableList<RevisionInfo> history() {
        return history;
    }

    /** The rows shown, in listing order. */
    public ObservableList<ProjectRow> rows() {
        return rows;
    }

    /** The row the user selected, or null. */
    public ObjectProperty<ProjectRow> selectedProperty() {
        return selected;
    }

    /** True to list the trash instead of the live projects. */
    public BooleanProperty showTrashProperty() {
        return showTrash;
    }

    /** A one-line summary such as "5 projects in /home/ana/.quorum/store". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last error as one line, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True once the store is open. */
    public ReadOnlyBooleanProperty readyProperty() {
        return ready.getReadOnlyProperty();
    }

    /** Closes the store, if it was opened. */
    @Override
    public void close() {
        ProjectService s = service;
        service = null;
        if (s != null) {
            s.close();
        }
    }

    private record Listing(List<ProjectSummary> projects, int seeded) {
    }
}
