package dev.quorum.ui;

import dev.quorum.io.DesignFile;
import dev.quorum.model.Design;
import dev.quorum.service.DesignService;
import dev.quorum.service.DesignSummary;
import dev.quorum.service.SectionStatus;
import dev.quorum.template.Gap;
import dev.quorum.template.Template;
import dev.quorum.template.TemplateSection;
import dev.quorum.ui.section.BackupViewModel;
import dev.quorum.ui.section.ConcurrencyViewModel;
import dev.quorum.ui.section.ConsistencyViewModel;
import dev.quorum.ui.section.LifecycleViewModel;
import dev.quorum.ui.section.OverviewViewModel;
import dev.quorum.ui.section.PersistenceViewModel;
import dev.quorum.ui.section.QueriesViewModel;
import dev.quorum.ui.section.ReplicationViewModel;
import dev.quorum.ui.section.SchemaViewModel;
import dev.quorum.ui.section.SectionViewModel;
import dev.quorum.ui.section.SharingViewModel;
import dev.quorum.model.ModelPaths;
import dev.quorum.model.DesignPath;
import dev.quorum.ui.edit.EditSession;
import dev.quorum.ui.problems.FindingsIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The open design: the {@link EditSession} that owns it, where it came from, its summary, the overview and
 * one view model per template section, all following the session on every edit. Usable without a screen.
 */
public final class DesignViewModel {

    /** How each template section id maps to its view model; the template decides the order. */
    private static final Map<String, BiFunction<TemplateSection, Template, SectionViewModel>> SECTION_MODELS = Map.of(
            "persistence", PersistenceViewModel::new,
            "schema", SchemaViewModel::new,
            "queries", QueriesViewModel::new,
            "concurrency", ConcurrencyViewModel::new,
            "sharing", SharingViewModel::new,
            "consistency", ConsistencyViewModel::new,
            "replication", ReplicationViewModel::new,
            "backup", BackupViewModel::new,
            "lifecycle", LifecycleViewModel::new);

    private final DesignService service;
    private final EditSession session;
    private final OverviewViewModel overview;
    private final ObjectProperty<DesignFile> designFile = new SimpleObjectProperty<>(this, "designFile");
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper(this, "source", "");
    private final ReadOnlyObjectWrapper<DesignSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyStringWrapper designSummaryText = new ReadOnlyStringWrapper(this, "summaryText", "");
    private final ReadOnlyIntegerWrapper missingCount = new ReadOnlyIntegerWrapper(this, "missingCount", 0);
    private final ReadOnlyIntegerWrapper unreadableCount = new ReadOnlyIntegerWrapper(this, "unreadableCount", 0);
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper(this, "statusText", "");
    private final ObservableList<String> designGaps = FXCollections.observableArrayList();
    private final List<SectionViewModel> sections;
    private Design shownDesign;
    private Design summarizedDesign;
    private long summaryToken;
    private java.util.function.BiConsumer<java.util.concurrent.Callable<DesignSummary>,
            java.util.function.Consumer<DesignSummary>> summarizer;

    public DesignViewModel(DesignService service) {
        this(service, new EditSession());
    }

    /** A view model over an existing session. */
    public DesignViewModel(DesignService service, EditSession session) {
        this.service = service;
        this.session = session;
        this.overview = new OverviewViewModel(service.template());
        overview.attach(session);
        List<SectionViewModel> list = new ArrayList<>();
        for (TemplateSection s : service.template().sections()) {
            var factory = SECTION_MODELS.get(s.id());
            if (factory == null) {
                throw new IllegalStateException("no view model for template section " + s.id());
            }
            list.add(factory.apply(s, service.template()));
        }
        sections = List.copyOf(list);
        sections.forEach(s -> s.attach(session));
        // Setting the file from outside loads it into the session; every edit in the session shows here.
        designFile.addListener((obs, old, file) -> {
            if (file != null && file != session.fileProperty().get()) {
                session.load(file);
            }
            refresh(file);
        });
        session.fileProperty().addListener((obs, old, file) -> designFile.set(file));
    }

    /** Shows a design and records where it came from: a file path, or null for a bundled sample. */
    public void show(DesignFile file, Path from, String sourceLabel) {
        show(file, from, sourceLabel, true);
    }

    /** Shows a design; {@code saved} is false for one that exists nowhere yet, such as a new design. */
    public void show(DesignFile file, Path from, String sourceLabel, boolean saved) {
        path.set(from);
        source.set(sourceLabel);
        boolean same = file == session.fileProperty().get();
        session.load(file, saved);
        if (same) {
            refresh(file);
        }
    }

    /** Records that the design now lives at {@code to} (after Save As), without reloading it. */
    public void relocate(Path to, String sourceLabel) {
        path.set(to);
        source.set(sourceLabel);
    }

    /** Hands every section and field the findings that point at it. */
    public void showFindings(FindingsIndex index) {
        overview.showFindings(index);
        sections.forEach(s -> s.showFindings(index));
    }

    private void refresh(DesignFile file) {
        if (file == null) {
            return;
        }
        Design design = file.design();
        Design before = shownDesign;
        shownDesign = design;
        name.set(design.name());
        designSummaryText.set(design.summary().strip());
        overview.show(design);
        Design base = summarizedDesign;
        DesignSummary previous = summary.get();
        if (summarizer == null || base == null || previous == null) {
            apply(design, summarize(design, base, previous));
            return;
        }
        // The edited sections show the new values at once; their completeness follows from the background, since
        // reading every quantity of a 400-row table on the FX thread after each edit held it too long.
        for (SectionViewModel vm : sections) {
            if (before != null && ModelPaths.get(before, vm.id()) != ModelPaths.get(design, vm.id())) {
                vm.showDesign(design);
            }
        }
        long token = ++summaryToken;
        summarizer.accept(() -> summarize(design, base, previous), s -> {
            if (token == summaryToken) {
                apply(design, s);
            }
        });
    }

    private void apply(Design design, DesignSummary s) {
        Design base = summarizedDesign;
        DesignSummary previous = summary.get();
        summarizedDesign = design;
        List<Gap> gaps = s.allGaps();
        int missing = (int) gaps.stream().filter(g -> g.kind() == Gap.Kind.MISSING).count();
        missingCount.set(missing);
        unreadableCount.set(gaps.size() - missing);
        statusText.set(statusText(missing, gaps.size() - missing));
        designGaps.setAll(s.designGaps().stream().map(Gap::describe).toList());
        for (int i = 0; i < sections.size(); i++) {
            SectionStatus status = s.sections().get(i);
            SectionViewModel vm = sections.get(i);
            if (!status.sectionId().equals(vm.id())) {
                throw new IllegalStateException("summary and template disagree on section order at " + vm.id());
            }
            // An edit touches one section; the others keep their record, their status and their view model as is.
            if (base == null || previous == null || status != previous.sections().get(i)
                    || ModelPaths.get(base, vm.id()) != ModelPaths.get(design, vm.id())) {
                vm.update(design, status);
            }
        }
        // Set last so that whoever listens to the summary sees every section already updated.
        summary.set(s);
    }

    /**
     * Computes summaries with {@code runner} (work, then what to do with its result on the FX thread) instead of
     * on the calling thread; the window passes its background executor. Without one, summaries are synchronous.
     */
    public void summarizeWith(java.util.function.BiConsumer<java.util.concurrent.Callable<DesignSummary>,
            java.util.function.Consumer<DesignSummary>> runner) {
        this.summarizer = runner;
    }

    /**
     * The summary of {@code design}. After an edit only the sections whose record changed are summarised
     * again: completeness reads every quantity of a section, and re-reading a 400-row table on each keystroke
     * elsewhere cost the FX thread tens of milliseconds. The changed sections are summarised on a design that
     * holds only them, which gives the same statuses, since each section's status depends on that section alone.
     */
    private DesignSummary summarize(Design design, Design before, DesignSummary previous) {
        if (before == null || previous == null) {
            return service.summarize(design);
        }
        Design changedOnly = DesignPath.parse("summary").with(Design.empty(design.name()), design.summary());
        boolean any = false;
        for (SectionViewModel vm : sections) {
            Object now = ModelPaths.get(design, vm.id());
            if (now != ModelPaths.get(before, vm.id())) {
                changedOnly = DesignPath.parse(vm.id()).with(changedOnly, now);
                any = true;
            }
        }
        if (!any && design.name().equals(before.name()) && design.summary().equals(before.summary())) {
            return previous;
        }
        DesignSummary partial = service.summarize(changedOnly);
        List<SectionStatus> statuses = new ArrayList<>();
        for (int i = 0; i < sections.size(); i++) {
            String id = sections.get(i).id();
            boolean changed = ModelPaths.get(design, id) != ModelPaths.get(before, id);
            statuses.add(changed ? partial.sections().get(i) : previous.sections().get(i));
        }
        return new DesignSummary(design.name(), partial.designGaps(), statuses);
    }

    /** "complete", or how many fields are missing and how many cannot be read. */
    public static String statusText(int missing, int unreadable) {
        if (missing == 0 && unreadable == 0) {
            return "complete";
        }
        String text = missing == 1 ? "1 field missing" : missing + " fields missing";
        if (unreadable > 0) {
            text += ", " + unreadable + " unreadable";
        }
        return text;
    }

    /** The session that owns the design and its undo history. */
    public EditSession session() {
        return session;
    }

    /** The design's name, summary and rule settings. */
    public OverviewViewModel overview() {
        return overview;
    }

    /** The open design file; the section view models follow it. */
    public ObjectProperty<DesignFile> designFileProperty() {
        return designFile;
    }

    /** The open design, or null before anything is open. */
    public Design design() {
        DesignFile f = designFile.get();
        return f == null ? null : f.design();
    }

    /** The file the design was read from; null for a sample or a design made in memory. */
    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** Where the design came from, for the status bar: a path or "sample: …". */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** The summary of the open design. */
    public ReadOnlyObjectProperty<DesignSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** The design's name. */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }

    /** The design's free-text summary. */
    public ReadOnlyStringProperty summaryTextProperty() {
        return designSummaryText.getReadOnlyProperty();
    }

    /** Required fields left empty across the whole design. */
    public ReadOnlyIntegerProperty missingCountProperty() {
        return missingCount.getReadOnlyProperty();
    }

    /** Quantities that cannot be read across the whole design. */
    public ReadOnlyIntegerProperty unreadableCountProperty() {
        return unreadableCount.getReadOnlyProperty();
    }

    /** "complete" or "N fields missing". */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    /** Design-level gaps such as a missing name. */
    public ObservableList<String> designGaps() {
        return FXCollections.unmodifiableObservableList(designGaps);
    }

    /** One view model per template section, in template order. */
    public List<SectionViewModel> sections() {
        return sections;
    }

    /** The section view model with this id. */
    public Optional<SectionViewModel> section(String sectionId) {
        return sections.stream().filter(s -> s.id().equals(sectionId)).findFirst();
    }

    /** The section view model of a given type. */
    public <T extends SectionViewModel> T section(Class<T> type) {
        return sections.stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no section of type " + type.getSimpleName()));
    }
}
