package dev.quorum.ui.projects;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The Projects window (File › Projects…): the store's projects with their last change, revision count and
 * findings; Open, Delete and the trash. It binds to a {@link ProjectsViewModel} and holds no logic.
 */
public final class ProjectsView {

    private final ProjectsViewModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<ProjectRow> table = new TableView<>();
    private Stage stage;

    public ProjectsView(ProjectsViewModel model) {
        this.model = model;
        table.setId("projects-table");
        table.setItems(model.visibleRows());
        table.setPlaceholder(new Label("No projects"));
        table.getColumns().add(column("Project", ProjectRow::name, 360));
        table.getColumns().add(column("Changed", ProjectRow::updated, 140));
        TableColumn<ProjectRow, String> revisions = column("Revisions", r -> Integer.toString(r.revisions()), 80);
        revisions.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(revisions);
        table.getColumns().add(column("Findings", ProjectRow::findings, 190));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> model.selectedProperty().set(now));
        table.setRowFactory(t -> {
            TableRow<ProjectRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    model.openSelected();
                }
            });
            return row;
        });

        Button open = new Button("Open");
        open.setId("projects-open");
        open.setDefaultButton(true);
        open.disableProperty().bind(model.selectedProperty().isNull().or(model.showTrashProperty()));
        open.setOnAction(e -> model.openSelected());
        Button delete = new Button();
        delete.setId("projects-delete");
        delete.textProperty().bind(Bindings.when(model.showTrashProperty()).then("Restore from Trash").otherwise("Move to Trash"));
        delete.disableProperty().bind(model.selectedProperty().isNull());
        delete.setOnAction(e -> model.deleteOrRestoreSelected());
        ToggleButton trash = new ToggleButton("Show Trash");
        trash.setId("projects-trash-toggle");
        trash.selectedProperty().bindBidirectional(model.showTrashProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("projects-refresh");
        refresh.setOnAction(e -> model.refresh());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        javafx.scene.control.MenuButton create = new javafx.scene.control.MenuButton("New");
        create.setId("projects-new");
        MenuItem fromTemplate = new MenuItem("From the Template");
        fromTemplate.setId("projects-new-template");
        fromTemplate.setOnAction(e -> model.newProject(null));
        create.getItems().add(fromTemplate);
        for (String sample : dev.quorum.service.SampleCatalog.FILES) {
            MenuItem fromSample = new MenuItem("From the Sample " + sample);
            fromSample.setMnemonicParsing(false);
            fromSample.setOnAction(e -> model.newProject(sample));
            create.getItems().add(fromSample);
        }
        create.disableProperty().bind(model.readyProperty().not().or(model.showTrashProperty()));
        Button duplicate = new Button("Duplicate");
        duplicate.setId("projects-duplicate");
        duplicate.disableProperty().bind(model.selectedProperty().isNull().or(model.showTrashProperty()));
        duplicate.setOnAction(e -> model.duplicateSelected());
        Button rename = new Button("Rename…");
        rename.setId("projects-rename");
        rename.disableProperty().bind(model.selectedProperty().isNull().or(model.showTrashProperty()));
        rename.setOnAction(e -> {
            ProjectRow row = model.selectedProperty().get();
            javafx.scene.control.TextInputDialog ask = new javafx.scene.control.TextInputDialog(row == null ? "" : row.name());
            ask.setTitle("Rename project");
            ask.setHeaderText("Rename " + (row == null ? "the project" : "'" + row.name() + "'"));
            ask.setContentText("New name:");
            ask.getEditor().setId("rename-name");
            ask.initOwner(rename.getScene() == null ? null : rename.getScene().getWindow());
            ask.showAndWait().ifPresent(model::renameSelected);
        });
        javafx.scene.control.TextField search = new javafx.scene.control.TextField();
        search.setId("projects-search");
        search.setPromptText("Search projects");
        search.textProperty().bindBidirectional(model.searchProperty());
        HBox buttons = new HBox(8, open, create, duplicate, rename, delete, spacer, search, trash, refresh);
        buttons.setAlignment(Pos.CENTER_LEFT);

        Label status = new Label();
        status.setId("projects-status");
        status.textProperty().bind(model.statusProperty());
        Label error = new Label();
        error.setId("projects-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        root.setTop(buttons);
        javafx.scene.control.SplitPane center = new javafx.scene.control.SplitPane(table, historyPane());
        center.setDividerPositions(0.62);
        root.setCenter(center);
        root.setBottom(new javafx.scene.layout.VBox(4, error, status));
        BorderPane.setMargin(table, new Insets(8, 0, 8, 0));
        root.setPadding(new Insets(10));
        root.setId("projects-root");
    }

    /** The selected project's revisions, newest first, with Restore for any of them. */
    private Node historyPane() {
        javafx.scene.control.ListView<dev.quorum.store.RevisionInfo> list = new javafx.scene.control.ListView<>(model.history());
        list.setId("projects-history");
        list.setPlaceholder(new Label("Select a project to see its history"));
        java.time.format.DateTimeFormatter when = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .withZone(java.time.ZoneId.systemDefault());
        list.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(dev.quorum.store.RevisionInfo r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : "#" + r.number() + "  " + when.format(r.savedAt())
                        + (r.autosave() ? "  autosave" : "") + (r.message().isBlank() ? "" : "\n" + r.message()));
            }
        });
        Button restore = new Button("Restore This Revision");
        restore.setId("projects-restore-revision");
        restore.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull()
                .or(model.showTrashProperty()));
        restore.setOnAction(e -> {
            dev.quorum.store.RevisionInfo r = list.getSelectionModel().getSelectedItem();
            if (r != null) {
                model.restoreRevision(r.number());
            }
        });
        Label title = new Label("History");
        title.getStyleClass().add("group-heading");
        javafx.scene.layout.VBox pane = new javafx.scene.layout.VBox(6, title, list, restore);
        javafx.scene.layout.VBox.setVgrow(list, Priority.ALWAYS);
        pane.setPadding(new Insets(0, 0, 0, 8));
        return pane;
    }

    private static TableColumn<ProjectRow, String> column(String title, java.util.function.Function<ProjectRow, String> value,
            double width) {
        TableColumn<ProjectRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    /** The window's content. */
    public Parent root() {
        return root;
    }

    /** Shows the window (creating it the first time) and lists the store. */
    public void show(Window owner) {
        if (stage == null) {
            stage = new Stage();
            stage.setTitle("Quorum — Projects");
            if (owner != null) {
                stage.initOwner(owner);
                if (owner.getScene() != null) {
                    // The same look as the main window.
                    stage.setScene(new Scene(root, 1000, 520));
                    stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
                }
            }
            if (stage.getScene() == null) {
                stage.setScene(new Scene(root, 1000, 520));
            }
        }
        stage.show();
        stage.toFront();
        model.start();
    }

    /** Hides the window, when it is open. */
    public void hide() {
        if (stage != null) {
            stage.hide();
        }
    }

    /**
     * Adds File › Projects… to the window's menu bar, after Open Sample, so that the main view needs no
     * knowledge of the store.
     */
    public MenuItem installMenuItem(MenuBar bar, java.util.function.Supplier<Window> owner) {
        MenuItem item = new MenuItem("Projects…");
        item.setId("menu-projects");
        item.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+P"));
        item.setOnAction(e -> show(owner.get()));
        Menu file = bar.getMenus().stream().filter(m -> "menu-file".equals(m.getId()) || "File".equals(m.getText()))
                .findFirst().orElse(null);
        if (file == null) {
            file = new Menu("File");
            bar.getMenus().add(0, file);
        }
        int at = 0;
        for (int i = 0; i < file.getItems().size(); i++) {
            if ("Open Sample".equals(file.getItems().get(i).getText())) {
                at = i + 1;
            }
        }
        file.getItems().add(at, item);
        return item;
    }
}
