package dev.quorum.ui;

import dev.quorum.ui.edit.DesignFiles;
import dev.quorum.ui.diagram.DiagramsView;
import dev.quorum.ui.preview.PreviewView;
import dev.quorum.ui.problems.FindingDecorations;
import dev.quorum.ui.problems.ProblemsView;
import dev.quorum.ui.problems.ProblemsViewModel;
import dev.quorum.ui.projects.ConflictCompare;
import dev.quorum.ui.projects.ProjectDocument;
import dev.quorum.ui.section.SectionView;
import dev.quorum.ui.section.SectionViewModel;
import dev.quorum.ui.section.SectionViews;
import dev.quorum.ui.settings.Theme;
import dev.quorum.ui.simulation.SimulationView;
import dev.quorum.ui.walkthrough.WalkthroughView;
import dev.quorum.validate.Finding;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TreeItem;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The main window's layout: menu bar, error banner, section tree, the selected section's editor over the
 * problems panel, the Markdown preview and the status bar. It wires controls to the
 * {@link WorkbenchViewModel}, asks the user for files and confirmations, and holds no logic of its own.
 */
public final class WorkbenchView {

    /** How long work runs before the status bar shows it, as the rule "show progress for anything over half a second" asks. */
    static final javafx.util.Duration SHOW_WORK_AFTER = javafx.util.Duration.millis(500);

    private final WorkbenchViewModel model;
    private final BorderPane root = new BorderPane();
    private final SectionTree tree;
    private final StackPane sectionHost = new StackPane();
    private final PreviewView preview;
    private final SplitPane split = new SplitPane();
    private final DesignOverviewView overview;
    private final Map<SectionViewModel, SectionView<?>> sectionViews = new HashMap<>();
    private final ProblemsView problems;
    private final SplitPane editorSplit = new SplitPane();
    private java.util.function.Consumer<String> recentProjectOpener = id -> { };
    private TabPane centreTabs;

    public WorkbenchView(WorkbenchViewModel model) {
        this.model = model;
        this.tree = new SectionTree(model.design());
        this.preview = new PreviewView(model.preview());
        this.overview = new DesignOverviewView(model.design());
        this.problems = new ProblemsView(model.problems());
        problems.setOnOpen(this::reveal);

        sectionHost.setId("section-host");
        sectionHost.getStyleClass().add("section-host");
        tree.selectedItemProperty().addListener((o, was, item) -> showSelected(item));

        VBox previewPane = new VBox(paneTitle("Markdown preview"), preview.root());
        VBox.setVgrow(preview.root(), Priority.ALWAYS);
        previewPane.setId("preview-pane");
        VBox treePane = new VBox(paneTitle("Sections"), tree.control());
        VBox.setVgrow(tree.control(), Priority.ALWAYS);
        split.getItems().addAll(treePane, editorAndDiagrams(), previewPane);
        split.setDividerPositions(0.17, 0.70);
        split.setId("main-split");
        SplitPane.setResizableWithParent(treePane, false);
        // The problems panel spans the window's width under the tree, the editor and the preview, so that its
        // messages are readable in full.
        editorSplit.setOrientation(Orientation.VERTICAL);
        editorSplit.getItems().addAll(split, problems.root());
        editorSplit.setDividerPositions(0.72);
        editorSplit.setId("editor-split");
        SplitPane.setResizableWithParent(problems.root(), false);

        VBox center = new VBox(errorBanner(), conflictBanner(), editorSplit);
        VBox.setVgrow(editorSplit, Priority.ALWAYS);
        root.setTop(menuBar(previewPane));
        root.setCenter(center);
        root.setBottom(statusBar());
        root.getStyleClass().add("workbench");
        installEditKeys();
        installDrop();
        javafx.event.EventHandler<javafx.event.Event> input = e -> lastInput = System.nanoTime();
        root.addEventFilter(javafx.scene.input.KeyEvent.ANY, input);
        root.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, input);
        root.addEventFilter(javafx.scene.input.ScrollEvent.ANY, input);
        // After an undo or redo, show the field it changed, as editors do.
        model.design().session().touchedPathProperty().addListener((o, was, path) -> {
            if (path != null && !path.isEmpty()) {
                reveal(sectionOf(path), path, 0);
            }
        });

        tree.select("persistence");
    }

    /**
     * Loads, on threads of their own, what the first edits would otherwise load on the FX thread: the finding
     * decorations (and the ControlsFX classes behind them), held the FX thread while the first finding reached a
     * table cell; the SQL editor's classes, while the Schema section opened. The application calls it once the
     * window has drawn the design, so that none of it competes with the start.
     */
    public void warmUp() {
        preloadDecorations();
        dev.quorum.ui.editor.CodeEditor.warmUpInBackground(500);
        buildSectionsAhead();
    }

    /** How long the user must have left keys, mouse buttons and wheel alone before a section editor is built ahead. */
    static final javafx.util.Duration QUIET_BEFORE_BUILDING_AHEAD = javafx.util.Duration.millis(1000);
    private long lastInput = System.nanoTime() - 60_000_000_000L;

    /** How long after the first frame the first section editor is built ahead, and the gap between two of them. */
    static final javafx.util.Duration BUILD_AHEAD_AFTER = javafx.util.Duration.millis(1500);
    static final javafx.util.Duration BUILD_AHEAD_GAP = javafx.util.Duration.millis(250);

    /**
     * Builds the section editors not opened yet, one per quiet moment after the first frame, those with SQL or JSON
     * editors first. Built on first opening, the Schema section of a large design (a 2,000-line SQL editor) held the
     * FX thread for 100 to 200 ms on the click; built ahead, each costs a few tens of milliseconds at a time when the
     * user is reading, and the opening itself only styles and lays out.
     */
    private void buildSectionsAhead() {
        java.util.Deque<SectionViewModel> waiting = new java.util.ArrayDeque<>();
        for (SectionViewModel s : model.design().sections()) {
            if (hasCodeEditor(s)) {
                waiting.addFirst(s);
            } else {
                waiting.addLast(s);
            }
        }
        javafx.animation.PauseTransition step = new javafx.animation.PauseTransition(BUILD_AHEAD_AFTER);
        step.setOnFinished(e -> {
            javafx.scene.Scene scene = root.getScene();
            if (scene == null || scene.getWindow() == null || !scene.getWindow().isShowing()) {
                // The window is closed (or not yet shown): some sections start background work when built.
                return;
            }
            step.setDuration(BUILD_AHEAD_GAP);
            // Only while the user is not typing or clicking: that is when a pause of the FX thread goes unnoticed.
            if (System.nanoTime() - lastInput < QUIET_BEFORE_BUILDING_AHEAD.toMillis() * 1_000_000L) {
                step.playFromStart();
                return;
            }
            SectionViewModel next = waiting.poll();
            if (next == null) {
                return;
            }
            // A section opened already has been styled and laid out.
            if (!sectionViews.containsKey(next)) {
                Node view = sectionViews.computeIfAbsent(next, SectionViews::create).root();
                if (hasCodeEditor(next)) {
                    rehearse(view);
                }
            }
            step.playFromStart();
        });
        step.play();
    }

    private static boolean hasCodeEditor(SectionViewModel section) {
        return section.fields().stream().anyMatch(f -> f.kind() == dev.quorum.template.FieldKind.SQL
                || f.kind() == dev.quorum.template.FieldKind.JSON);
    }

    /**
     * Styles and lays out a section editor once, hidden behind the one shown, then takes it out again. The first
     * styling and layout of a code editor's lines ran code for the first time and cost 100 ms or more; rehearsed, the
     * real opening costs what any later opening does.
     */
    private void rehearse(Node view) {
        view.setVisible(false);
        view.setMouseTransparent(true);
        sectionHost.getChildren().add(0, view);
        // A few frames later the pulse that styled and laid it out has run.
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(REHEARSAL);
        later.setOnFinished(e -> {
            java.util.List<Node> shown = sectionHost.getChildren();
            // Unless the user opened this very section meanwhile: then it is the shown child, the last one.
            if (shown.isEmpty() || shown.get(shown.size() - 1) != view) {
                shown.remove(view);
            }
            view.setVisible(true);
            view.setMouseTransparent(false);
        });
        later.play();
    }

    /** How long a section editor built ahead stays, hidden, in the window to be styled and laid out. */
    static final javafx.util.Duration REHEARSAL = javafx.util.Duration.millis(200);

    private static void preloadDecorations() {
        Thread loader = new Thread(() -> {
            try {
                Class.forName(FindingDecorations.class.getName(), true, FindingDecorations.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                // Only a head start: the class loads on first use all the same.
            }
        }, "quorum-preload");
        loader.setDaemon(true);
        loader.start();
    }

    /** How File › Open Recent opens a store project by its id; the application wires it to the project browser. */
    public void setRecentProjectOpener(java.util.function.Consumer<String> opener) {
        this.recentProjectOpener = opener;
    }

    /** The problems panel. */
    public ProblemsView problems() {
        return problems;
    }

    /** The editor of a section, built on first use; for tests. */
    public SectionView<?> sectionView(String sectionId) {
        SectionViewModel vm = model.design().section(sectionId).orElseThrow();
        return sectionViews.computeIfAbsent(vm, SectionViews::create);
    }

    /** True once the editor of a section has been built, on opening or ahead of it; for tests. */
    boolean isBuilt(String sectionId) {
        return sectionViews.containsKey(model.design().section(sectionId).orElseThrow());
    }

    /** What the section editor's place holds now: the shown editor, and an editor rehearsed behind it; for tests. */
    java.util.List<Node> sectionHostChildren() {
        return java.util.List.copyOf(sectionHost.getChildren());
    }

    /** Goes to a finding's field: selects its section, its row, and focuses the control. */
    public void reveal(Finding f) {
        String path = f.location().path();
        String section = f.location().section().isBlank() ? sectionOf(path) : f.location().section();
        reveal(section, path, f.location().textLine());
    }

    /** Goes to the field at {@code path} in section {@code sectionId} ("" or "design" for the design itself). */
    public void reveal(String sectionId, String path, int line) {
        bringEditorToFront();
        if (sectionId.isEmpty() || sectionId.equals("design") || model.design().section(sectionId).isEmpty()) {
            tree.select("design");
            overview.reveal(path);
            return;
        }
        tree.select(sectionId);
        sectionView(sectionId).reveal(path, line);
    }

    /** Selects the tab that holds the section editor, when the editor shares its place with other views. */
    private void bringEditorToFront() {
        for (Node n = sectionHost; n != null; n = n.getParent()) {
            if (n.getParent() != null && n.getParent().getStyleClass().contains("tab-content-area")
                    && n.getParent().getParent() instanceof javafx.scene.control.TabPane tabs) {
                for (javafx.scene.control.Tab tab : tabs.getTabs()) {
                    if (tab.getContent() == n) {
                        tabs.getSelectionModel().select(tab);
                        return;
                    }
                }
            }
        }
    }

    private String sectionOf(String path) {
        String first = path.split("[.\\[]", 2)[0];
        return model.design().section(first).isPresent() ? first : "design";
    }

    private void installEditKeys() {
        // A filter sees the keys before a text field does, so Ctrl+Z undoes the design's last edit in every control
        // rather than only the focused field's typing.
        KeyCombination undo = KeyCombination.keyCombination("Shortcut+Z");
        KeyCombination redo = KeyCombination.keyCombination("Shortcut+Shift+Z");
        KeyCombination redoY = KeyCombination.keyCombination("Shortcut+Y");
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (undo.match(e)) {
                model.undo();
                e.consume();
            } else if (redo.match(e) || redoY.match(e)) {
                model.redo();
                e.consume();
            }
        });
    }

    private void installDrop() {
        root.setOnDragOver(e -> {
            Dragboard board = e.getDragboard();
            if (board.hasFiles() && board.getFiles().stream().map(File::toPath)
                    .anyMatch(p -> DesignFiles.isDesign(p) || DesignFiles.isSql(p))) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        root.setOnDragDropped(e -> {
            Dragboard board = e.getDragboard();
            boolean done = board.hasFiles() && dropped(board.getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(done);
            e.consume();
        });
    }

    /** Opens the first design file dropped, or imports the first SQL file; true when something was taken. */
    public boolean dropped(List<Path> paths) {
        Optional<Path> design = paths.stream().filter(DesignFiles::isDesign).findFirst();
        if (design.isPresent()) {
            whenDiscardable(() -> model.open(design.get()));
            return true;
        }
        Optional<Path> sql = paths.stream().filter(DesignFiles::isSql).findFirst();
        if (sql.isPresent()) {
            model.files().importSql(sql.get());
            return true;
        }
        return false;
    }

    /** The window's root node. */
    public Parent root() {
        return root;
    }

    /** The Markdown preview. */
    public PreviewView preview() {
        return preview;
    }

    /** The section tree. */
    public SectionTree tree() {
        return tree;
    }

    private void showSelected(TreeItem<Object> item) {
        if (item == null) {
            return;
        }
        Node view = item.getValue() instanceof SectionViewModel s
                ? sectionViews.computeIfAbsent(s, SectionViews::create).root()
                : overview.root();
        sectionHost.getChildren().setAll(view);
        // A section editor may be opened while it is rehearsed hidden (see rehearse).
        view.setVisible(true);
        view.setMouseTransparent(false);
        repaintSectionHostLater();
    }

    private static final javafx.scene.layout.Background CLEAR = new javafx.scene.layout.Background(
            new javafx.scene.layout.BackgroundFill(javafx.scene.paint.Color.TRANSPARENT, null, null));

    /**
     * Marks the section editor's area for repainting two frames after a switch. Under the software renderer a section
     * editor shown again sometimes stayed off the screen: the render graph held it, marked dirty, but the frame's
     * dirty regions left its area out, so the previous section stayed drawn (the flawed sample's screenshot tour,
     * before decision 0020 as well). A change made once that frame is painted is drawn; both backgrounds draw nothing.
     */
    private void repaintSectionHostLater() {
        new javafx.animation.AnimationTimer() {
            private int frames;

            @Override
            public void handle(long now) {
                if (++frames < 3) {
                    return;
                }
                stop();
                sectionHost.setBackground(sectionHost.getBackground() == CLEAR ? null : CLEAR);
            }
        }.start();
    }

    /**
     * The section editor, the Diagrams view, the simulation view and the walkthrough as tabs; diagrams are drawn only
     * while their tab shows.
     */
    private Node editorAndDiagrams() {
        Tab editor = new Tab("Editor", sectionHost);
        editor.setId("editor-tab");
        Tab drawings = lazyTab("Diagrams", () -> new DiagramsView(model.diagrams()).root());
        drawings.setId("diagrams-tab");
        model.diagrams().activeProperty().bind(drawings.selectedProperty());
        Tab simulate = lazyTab("Simulation", () -> new SimulationView(model.simulation()).root());
        simulate.setId("simulation-tab");
        Tab walk = lazyTab("Walkthrough", () -> new WalkthroughView(model.walkthrough()).root());
        walk.setId("walkthrough-tab");
        TabPane tabs = new TabPane(editor, drawings, simulate, walk);
        tabs.setId("centre-tabs");
        centreTabs = tabs;
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    /**
     * A tab whose content is built when it is first selected: building and styling the diagrams, simulation and
     * walkthrough views nobody looks at yet took a large part of the window's start.
     */
    private static Tab lazyTab(String title, java.util.function.Supplier<Node> content) {
        Tab tab = new Tab(title);
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> o, Boolean was, Boolean now) {
                if (now) {
                    o.removeListener(this);
                    tab.setContent(content.get());
                }
            }
        });
        return tab;
    }

    private static Label paneTitle(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("pane-title");
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private MenuBar menuBar(Node previewPane) {
        MenuItem newDesign = item("New Design", "Shortcut+N", () -> whenDiscardable(() -> model.files().newDesign("Untitled design")));
        MenuItem open = item("Open…", "Shortcut+O", this::chooseAndOpen);
        Menu recent = new Menu("Open Recent");
        recent.setId("menu-recent");
        Runnable fillRecent = () -> {
            recent.getItems().clear();
            for (Path p : model.recentFiles()) {
                MenuItem r = new MenuItem(p.getFileName() + "  —  " + (p.getParent() == null ? "" : p.getParent()));
                r.setMnemonicParsing(false);
                r.setOnAction(e -> whenDiscardable(() -> {
                    if (Files.isRegularFile(p)) {
                        model.open(p);
                    } else {
                        model.forgetRecent(p);
                        model.reportError("Cannot open " + p + ": no such file (removed from the recent files)");
                    }
                }));
                recent.getItems().add(r);
            }
            // The store's projects follow the files: opening one goes through the project browser's model.
            if (!model.recentProjects().isEmpty() && !recent.getItems().isEmpty()) {
                recent.getItems().add(new SeparatorMenuItem());
            }
            for (var p : model.recentProjects()) {
                MenuItem r = new MenuItem(p.name() + "  —  project in the store");
                r.setMnemonicParsing(false);
                r.getStyleClass().add("recent-project");
                r.setOnAction(e -> whenDiscardable(() -> recentProjectOpener.accept(p.id())));
                recent.getItems().add(r);
            }
            recent.setDisable(recent.getItems().isEmpty());
        };
        model.recentFiles().addListener((ListChangeListener<Path>) c -> fillRecent.run());
        model.recentProjects().addListener((ListChangeListener<dev.quorum.ui.settings.WorkbenchSettings.RecentProject>) c -> fillRecent.run());
        fillRecent.run();
        Menu samples = new Menu("Open Sample");
        for (String sample : model.samples()) {
            MenuItem item = new MenuItem(sample);
            item.setDisable(!model.sampleAvailable(sample));
            item.setOnAction(e -> whenDiscardable(() -> model.openSample(sample)));
            samples.getItems().add(item);
        }
        MenuItem save = item("Save", "Shortcut+S", this::save);
        MenuItem saveAs = item("Save As…", "Shortcut+Shift+S", this::chooseAndSaveAs);
        MenuItem importSql = item("Import SQL DDL…", "Shortcut+I", this::chooseAndImportSql);
        MenuItem export = item("Export Markdown…", "Shortcut+E", this::chooseAndExport);
        MenuItem exportYaml = item("Export YAML…", "Shortcut+Shift+E", this::chooseAndExportYaml);
        MenuItem quit = item("Quit", "Shortcut+Q", () -> {
            if (confirmClose()) {
                Platform.exit();
            }
        });
        Menu file = new Menu("File", null, newDesign, open, recent, samples, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), importSql, export, exportYaml, new SeparatorMenuItem(), quit);
        file.setId("menu-file");

        var history = model.design().session().history();
        MenuItem undo = item("Undo", "Shortcut+Z", model::undo);
        undo.textProperty().bind(history.undoTextProperty());
        undo.disableProperty().bind(history.canUndoProperty().not());
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", model::redo);
        redo.textProperty().bind(history.redoTextProperty());
        redo.disableProperty().bind(history.canRedoProperty().not());
        MenuItem redoY = item("Redo (alternative)", "Shortcut+Y", model::redo);
        redoY.disableProperty().bind(history.canRedoProperty().not());
        MenuItem next = item("Next Problem", "F8", () -> stepProblem(1));
        MenuItem previous = item("Previous Problem", "Shift+F8", () -> stepProblem(-1));
        MenuItem filter = item("Filter Problems", "Shortcut+Shift+F", () -> focusNode("#problems-filter"));
        Menu edit = new Menu("Edit", null, undo, redo, redoY, new SeparatorMenuItem(), next, previous, filter);
        edit.setId("menu-edit");

        CheckMenuItem showPreview = new CheckMenuItem("Markdown Preview");
        showPreview.setSelected(true);
        // The preview is the document being edited; the simulation and the walkthrough need the width for their
        // charts, so it steps aside while their tab shows and comes back with the editor.
        Runnable placePreview = () -> {
            String tab = centreTabs.getSelectionModel().getSelectedItem() == null ? ""
                    : centreTabs.getSelectionModel().getSelectedItem().getId();
            boolean show = showPreview.isSelected() && !"simulation-tab".equals(tab) && !"walkthrough-tab".equals(tab);
            if (show && !split.getItems().contains(previewPane)) {
                split.getItems().add(previewPane);
                split.setDividerPosition(1, 0.64);
            } else if (!show) {
                split.getItems().remove(previewPane);
            }
        };
        showPreview.selectedProperty().addListener((o, was, show) -> placePreview.run());
        centreTabs.getSelectionModel().selectedItemProperty().addListener((o, was, tab) -> placePreview.run());
        CheckMenuItem showProblems = new CheckMenuItem("Problems Panel");
        showProblems.setSelected(true);
        showProblems.selectedProperty().addListener((o, was, show) -> {
            if (show && !editorSplit.getItems().contains(problems.root())) {
                editorSplit.getItems().add(problems.root());
                editorSplit.setDividerPositions(0.72);
            } else if (!show) {
                editorSplit.getItems().remove(problems.root());
            }
        });
        ToggleGroup themes = new ToggleGroup();
        RadioMenuItem light = new RadioMenuItem("Light Theme");
        RadioMenuItem dark = new RadioMenuItem("Dark Theme");
        light.setId("menu-theme-light");
        dark.setId("menu-theme-dark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        (Theme.of(model.settings().theme()) == Theme.DARK ? dark : light).setSelected(true);
        light.setOnAction(e -> applyTheme(Theme.LIGHT));
        dark.setOnAction(e -> applyTheme(Theme.DARK));
        Menu view = new Menu("View", null, showPreview, showProblems, new SeparatorMenuItem(), light, dark);
        view.setId("menu-view");

        Menu design = new Menu("Design");
        design.setId("menu-design");
        design.getItems().add(item("Overview", "Shortcut+0", () -> tree.select("design")));
        int n = 1;
        for (SectionViewModel s : model.design().sections()) {
            String id = s.id();
            design.getItems().add(item(s.title(), n <= 9 ? "Shortcut+" + n : null, () -> tree.select(id)));
            n++;
        }
        design.getItems().addAll(new SeparatorMenuItem(),
                item("Simulate…", null, () -> selectTab("simulation-tab")),
                item("Walk Through Scenario…", null, () -> selectTab("walkthrough-tab")));

        MenuItem keys = item("Keyboard Shortcuts", "F1", this::showShortcuts);
        MenuItem about = new MenuItem("About Quorum");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("Help", null, keys, about);
        help.setId("menu-help");

        MenuBar bar = new MenuBar(file, edit, view, design, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Brings the centre tab with this id to the front. */
    public void selectTab(String id) {
        centreTabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst()
                .ifPresent(t -> centreTabs.getSelectionModel().select(t));
    }

    private static MenuItem item(String text, String accelerator, Runnable action) {
        MenuItem item = new MenuItem(text);
        if (accelerator != null) {
            item.setAccelerator(KeyCombination.keyCombination(accelerator));
        }
        item.setOnAction(e -> action.run());
        return item;
    }

    private void focusNode(String selector) {
        Node n = root.lookup(selector);
        if (n != null) {
            n.requestFocus();
        }
    }

    private void stepProblem(int step) {
        var table = problems.table();
        if (table.getItems().isEmpty()) {
            return;
        }
        int at = table.getSelectionModel().getSelectedIndex();
        int next = at < 0 ? (step > 0 ? 0 : table.getItems().size() - 1)
                : Math.floorMod(at + step, table.getItems().size());
        table.getSelectionModel().clearAndSelect(next);
        table.scrollTo(next);
        reveal(table.getItems().get(next));
    }

    private void applyTheme(Theme theme) {
        model.settings().setTheme(theme.id());
        theme.apply(root.getScene());
    }

    /**
     * Runs {@code action} now, or once nothing can be lost: a store project's edits are autosaved first; a
     * file's unsaved changes are saved or dropped as the user says. Never runs on cancel or on a conflict.
     */
    public void whenDiscardable(Runnable action) {
        ProjectDocument project = model.project();
        if (project.projectProperty().get() != null) {
            project.flush(action);
            return;
        }
        if (!model.design().session().dirtyProperty().get()) {
            action.run();
            return;
        }
        ButtonType saveButton = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard Changes", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "The design has changes that are not saved.",
                saveButton, discard, ButtonType.CANCEL);
        alert.setTitle("Unsaved changes");
        alert.setHeaderText("Save the changes to " + model.design().nameProperty().get() + "?");
        alert.initOwner(window());
        Optional<ButtonType> answer = alert.showAndWait();
        if (answer.isEmpty() || answer.get() == ButtonType.CANCEL) {
            return;
        }
        if (answer.get() == discard) {
            action.run();
            return;
        }
        var task = model.files().canSaveInPlace() ? model.files().save() : chooseAndSaveAs();
        if (task != null) {
            task.stateProperty().addListener((o, was, state) -> {
                if (state == javafx.concurrent.Worker.State.SUCCEEDED) {
                    action.run();
                }
            });
        }
    }

    /** True when the window may close: nothing unsaved, or the user saved or discarded it. */
    public boolean confirmClose() {
        ProjectDocument project = model.project();
        if (project.projectProperty().get() != null && project.hasUnstoredEdits()) {
            // The last edits go to the store first; the window closes when they are there.
            project.flush(() -> {
                if (window() != null) {
                    window().hide();
                }
            });
            return false;
        }
        boolean[] close = {false};
        whenDiscardable(() -> close[0] = true);
        // A save started from the dialog finishes in the background; the window stays open until it has.
        return close[0];
    }

    private void save() {
        ProjectDocument project = model.project();
        if (project.projectProperty().get() != null) {
            TextInputDialog ask = new TextInputDialog();
            ask.setTitle("Save revision");
            ask.setHeaderText("Save a revision of " + project.projectProperty().get().name());
            ask.setContentText("Message (optional):");
            ask.getEditor().setId("save-message");
            ask.initOwner(window());
            project.holdAutosave();
            Optional<String> message = ask.showAndWait();
            if (message.isPresent()) {
                project.save(message.get());
            } else {
                project.resumeAutosave();
            }
            return;
        }
        if (model.files().canSaveInPlace()) {
            model.files().save();
        } else {
            chooseAndSaveAs();
        }
    }

    private javafx.concurrent.Task<Path> chooseAndSaveAs() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save design as");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Quorum designs (*.quorum.yaml)", "*.quorum.yaml"));
        chooser.setInitialDirectory(model.suggestedExportDirectory().toFile());
        chooser.setInitialFileName(model.suggestedExportName().replaceFirst("\\.md$", ".quorum.yaml"));
        File file = chooser.showSaveDialog(window());
        return file == null ? null : model.files().saveAs(file.toPath());
    }

    private void chooseAndImportSql() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import SQL DDL into the schema");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("SQL files (*.sql)", "*.sql"),
                new FileChooser.ExtensionFilter("All files", "*"));
        chooser.setInitialDirectory(model.suggestedExportDirectory().toFile());
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            model.files().importSql(file.toPath());
        }
    }

    private void chooseAndExportYaml() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export YAML");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Quorum designs (*.quorum.yaml)", "*.quorum.yaml"));
        chooser.setInitialDirectory(model.suggestedExportDirectory().toFile());
        chooser.setInitialFileName(model.suggestedExportName().replaceFirst("\\.md$", ".quorum.yaml"));
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.files().exportYaml(file.toPath());
        }
    }

    private void showShortcuts() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, """
                Ctrl+N  new design          Ctrl+O  open          Ctrl+S  save          Ctrl+Shift+S  save as
                Ctrl+I  import SQL DDL      Ctrl+E  export Markdown                   Ctrl+Shift+E  export YAML
                Ctrl+Z  undo                Ctrl+Shift+Z or Ctrl+Y  redo
                F8 / Shift+F8  next / previous problem          Ctrl+Shift+F  filter problems
                Ctrl+0  overview            Ctrl+1 … Ctrl+9  sections

                In a table: arrows move, typing or F2 or Enter edits, Tab moves to the next cell,
                Enter commits, Escape cancels, Insert adds a row, Delete removes it,
                Alt+Up / Alt+Down move it.
                """);
        alert.setTitle("Keyboard shortcuts");
        alert.setHeaderText("Keyboard shortcuts");
        alert.initOwner(window());
        alert.getDialogPane().setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        alert.show();
    }

    private void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open design");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Quorum designs (*.quorum.yaml)", "*.quorum.yaml"),
                new FileChooser.ExtensionFilter("YAML files (*.yaml, *.yml)", "*.yaml", "*.yml"));
        chooser.setInitialDirectory(model.suggestedOpenDirectory().toFile());
        File file = chooser.showOpenDialog(window());
        if (file != null) {
            whenDiscardable(() -> model.open(file.toPath()));
        }
    }

    private void chooseAndExport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export Markdown");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Markdown (*.md)", "*.md"));
        chooser.setInitialDirectory(model.suggestedExportDirectory().toFile());
        chooser.setInitialFileName(model.suggestedExportName());
        File file = chooser.showSaveDialog(window());
        if (file != null) {
            model.exportMarkdown(Path.of(file.getPath()));
        }
    }

    private void showAbout() {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, model.aboutText());
        alert.setTitle("About Quorum");
        alert.setHeaderText("Quorum");
        alert.initOwner(window());
        alert.show();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private Node errorBanner() {
        Label icon = new Label("⚠");
        icon.getStyleClass().add("error-icon");
        Label message = new Label();
        message.setId("error-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(model.errorMessageProperty());
        Button dismiss = new Button("Dismiss");
        dismiss.setId("error-dismiss");
        dismiss.setOnAction(e -> model.dismissError());
        HBox.setHgrow(message, Priority.ALWAYS);
        message.setMaxWidth(Double.MAX_VALUE);
        HBox banner = new HBox(10, icon, message, dismiss);
        banner.setId("error-banner");
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.visibleProperty().bind(model.errorMessageProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private Node conflictBanner() {
        ProjectDocument project = model.project();
        Label icon = new Label("⚠");
        icon.getStyleClass().add("error-icon");
        Label message = new Label();
        message.setId("conflict-message");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(project.conflictMessageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button reload = new Button("Reload");
        reload.setId("conflict-reload");
        reload.setOnAction(e -> project.reload(model::openProject));
        Button keep = new Button("Keep Mine as a New Revision");
        keep.setId("conflict-keep");
        keep.setOnAction(e -> project.keepMine());
        Button compare = new Button("Compare…");
        compare.setId("conflict-compare");
        compare.setOnAction(e -> project.compare(this::showComparison));
        HBox banner = new HBox(10, icon, message, compare, reload, keep);
        banner.setId("conflict-banner");
        banner.getStyleClass().add("error-banner");
        banner.setAlignment(Pos.CENTER_LEFT);
        banner.setPadding(new Insets(8, 12, 8, 12));
        banner.visibleProperty().bind(project.conflictProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    /** Shows both sides of a conflict: where they differ, and each whole YAML. */
    private void showComparison(ProjectDocument.Comparison c) {
        ConflictCompare diff = ConflictCompare.of(c.mine(), c.theirs());
        javafx.scene.control.TextArea differences = new javafx.scene.control.TextArea(diff.describe());
        differences.setId("compare-differences");
        javafx.scene.control.TextArea mine = new javafx.scene.control.TextArea(c.mine());
        javafx.scene.control.TextArea theirs = new javafx.scene.control.TextArea(c.theirs());
        for (javafx.scene.control.TextArea a : List.of(differences, mine, theirs)) {
            a.setEditable(false);
            a.getStyleClass().add("code-area");
        }
        SplitPane sides = new SplitPane(new VBox(4, new Label("In the store (revision " + c.theirRevision() + ")"), theirs),
                new VBox(4, new Label("In this window"), mine));
        VBox.setVgrow(theirs, Priority.ALWAYS);
        VBox.setVgrow(mine, Priority.ALWAYS);
        VBox content = new VBox(8, new Label("What differs (- the store's, + this window's):"), differences, sides);
        VBox.setVgrow(sides, Priority.ALWAYS);
        content.setPrefSize(900, 600);
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.setTitle("Compare with the store");
        alert.setHeaderText(c.projectName() + ": this window against the store");
        alert.getDialogPane().setContent(content);
        alert.setResizable(true);
        alert.initOwner(window());
        alert.show();
    }

    private Node statusBar() {
        Label source = new Label();
        source.setId("status-source");
        source.textProperty().bind(SectionView.neverEmpty(model.design().sourceProperty()));
        source.setMinWidth(0);
        Label saved = new Label();
        saved.setId("status-saved");
        saved.textProperty().bind(SectionView.neverEmpty(model.saveStateProperty()));
        saved.getStyleClass().add("status-saved");
        saved.setMinWidth(Region.USE_PREF_SIZE);
        Label findings = new Label();
        findings.setId("status-findings");
        ProblemsViewModel p = model.problems();
        findings.textProperty().bind(Bindings.createStringBinding(
                () -> ProblemsViewModel.summary(p.errorsProperty().get(), p.warningsProperty().get(), p.infosProperty().get()),
                p.errorsProperty(), p.warningsProperty(), p.infosProperty()));
        findings.setMinWidth(Region.USE_PREF_SIZE);
        Label status = new Label();
        status.setId("status-completeness");
        status.textProperty().bind(SectionView.neverEmpty(model.design().statusTextProperty()));
        status.getStyleClass().add("status-completeness");
        status.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("status-message");
        // Work shows in the status bar only once it has run for half a second: most tasks (a preview, a save) end
        // sooner, and a spinner that flashes for each of them only cost the FX thread repaints while the user typed.
        javafx.beans.property.BooleanProperty slowWork = new javafx.beans.property.SimpleBooleanProperty(false);
        javafx.animation.PauseTransition grace = new javafx.animation.PauseTransition(SHOW_WORK_AFTER);
        grace.setOnFinished(e -> slowWork.set(model.workingProperty().get()));
        model.workingProperty().addListener((o, was, is) -> {
            if (is) {
                grace.playFromStart();
            } else {
                grace.stop();
                slowWork.set(false);
            }
        });
        message.textProperty().bind(SectionView.neverEmpty(Bindings.when(slowWork).then(model.activityProperty())
                .otherwise(model.messageProperty())));
        message.setMinWidth(0);
        ProgressBar progress = WorkIndicator.create("status-progress");
        progress.visibleProperty().bind(slowWork);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label store = new Label();
        store.setId("status-store");
        store.textProperty().bind(SectionView.neverEmpty(model.storeLocationProperty()));
        store.setMinWidth(0);
        HBox bar = new HBox(12, source, sep(), saved, sep(), status, sep(), findings, spacer, message, progress, store);
        bar.setId("status-bar");
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 10, 4, 10));
        return bar;
    }

    private static Node sep() {
        Label l = new Label("|");
        l.getStyleClass().add("status-separator");
        return l;
    }
}
