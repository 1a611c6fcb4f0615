package dev.quire.ui.library;

import dev.quire.ui.common.Dialogs;
import dev.quire.model.StorySummary;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/** The library page: every story, with New, Open, Rename and Delete. */
public final class LibraryView {

    private final LibraryViewModel model;
    private final Consumer<Long> open;
    private final Dialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final ListView<StorySummary> list;

    public LibraryView(LibraryViewModel model, Consumer<Long> open, Dialogs dialogs) {
        this.model = model;
        this.open = open;
        this.dialogs = dialogs;
        list = new ListView<>(model.stories());
        list.getStyleClass().add("story-list");
        list.setCellFactory(v -> new StoryCell());
        Label empty = new Label("No stories yet. Create one to begin.");
        empty.getStyleClass().add("empty-hint");
        list.setPlaceholder(empty);
        list.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                openSelected();
            } else if (e.getCode() == KeyCode.DELETE) {
                deleteSelected();
            } else if (e.getCode() == KeyCode.F2) {
                renameSelected();
            }
        });

        model.stories().addListener((javafx.collections.ListChangeListener<StorySummary>) c -> {
            if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
                list.getSelectionModel().select(0);
            }
        });

        Label heading = new Label("Library");
        heading.getStyleClass().add("page-heading");
        Button importButton = new Button("Import…");
        importButton.setTooltip(new javafx.scene.control.Tooltip("Import a draft from Markdown, text or Word (Ctrl+O)"));
        importButton.setOnAction(e -> onImport.run());
        Button restore = new Button("Restore from backup…");
        restore.getStyleClass().add("flat");
        restore.setOnAction(e -> onRestore.run());
        Button create = new Button("New story");
        create.getStyleClass().add("accent");
        create.setDefaultButton(false);
        create.setOnAction(e -> newStory());
        Button openButton = new Button("Open");
        Button rename = new Button("Rename…");
        Button delete = new Button("Delete…");
        delete.getStyleClass().add("danger");
        openButton.setOnAction(e -> openSelected());
        rename.setOnAction(e -> renameSelected());
        delete.setOnAction(e -> deleteSelected());
        for (Button b : new Button[] {openButton, rename, delete}) {
            b.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, heading, spacer, openButton, rename, delete, importButton, create);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label message = new Label();
        message.getStyleClass().add("page-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        message.managedProperty().bind(Bindings.isNotEmpty(model.messageProperty()));

        MenuItem importPackage = new MenuItem("Import a story package…");
        importPackage.setOnAction(e -> onImportPackage.run());
        MenuItem exportPackage = new MenuItem("Export the selected story as a package…");
        exportPackage.setOnAction(e -> {
            StorySummary chosen = list.getSelectionModel().getSelectedItem();
            if (chosen != null) {
                onExportPackage.accept(chosen);
            }
        });
        exportPackage.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        MenuButton packages = new MenuButton("Story package", null, importPackage, exportPackage);
        packages.getStyleClass().addAll("flat", "story-package-menu");
        packages.setTooltip(new javafx.scene.control.Tooltip("Move a whole story, with its history, between "
                + "libraries: one .quire file"));
        HBox foot = new HBox(8, packages, restore);
        foot.setAlignment(Pos.CENTER_RIGHT);
        VBox column = new VBox(12, bar, message, list, foot);
        VBox.setVgrow(list, Priority.ALWAYS);
        column.setMaxWidth(900);
        column.setPadding(new Insets(28, 32, 28, 32));
        root.setCenter(column);
        root.getStyleClass().add("library-page");
    }

    private Runnable onImport = () -> { };
    private Runnable onRestore = () -> { };
    private Runnable onImportPackage = () -> { };
    private Consumer<StorySummary> onExportPackage = s -> { };

    /** What Story package › Import and Export do. */
    public void onPackages(Runnable importPackage, Consumer<StorySummary> exportPackage) {
        this.onImportPackage = importPackage;
        this.onExportPackage = exportPackage;
    }

    public void onImport(Runnable action) {
        this.onImport = action;
    }

    public void onRestore(Runnable action) {
        this.onRestore = action;
    }

    public Node view() {
        return root;
    }

    public ListView<StorySummary> list() {
        return list;
    }

    public void focus() {
        list.requestFocus();
        if (list.getSelectionModel().isEmpty() && !list.getItems().isEmpty()) {
            list.getSelectionModel().select(0);
        }
    }

    public void newStory() {
        dialogs.textInput("New story", "What is the new story called?", "Title:", "")
                .ifPresent(title -> model.create(title, open));
    }

    private void openSelected() {
        StorySummary s = list.getSelectionModel().getSelectedItem();
        if (s != null) {
            open.accept(s.id());
        }
    }

    private void renameSelected() {
        StorySummary s = list.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        dialogs.textInput("Rename story", "Rename \"" + s.title() + "\"", "Title:", s.title())
                .ifPresent(title -> model.rename(s.id(), title, () -> { }));
    }

    private void deleteSelected() {
        StorySummary s = list.getSelectionModel().getSelectedItem();
        if (s == null) {
            return;
        }
        if (dialogs.confirm("Delete story", "Delete \"" + s.title() + "\"?", "Its " + s.scenes() + " scenes ("
                + NumberFormat.getIntegerInstance().format(s.words()) + " words), characters, lore and conversations"
                + " will be removed. Quire keeps a copy of the library from just before, in the backups folder.",
                "Delete")) {
            model.delete(s, () -> { });
        }
    }

    private final class StoryCell extends ListCell<StorySummary> {
        private final Label title = new Label();
        private final Label meta = new Label();
        private final Label premise = new Label();
        private final VBox box = new VBox(3, title, premise, meta);

        StoryCell() {
            title.getStyleClass().add("story-title");
            meta.getStyleClass().add("story-meta");
            premise.getStyleClass().add("story-premise");
            premise.setWrapText(true);
            premise.maxWidthProperty().bind(list.widthProperty().subtract(48));
            premise.prefWidthProperty().bind(list.widthProperty().subtract(48));
            premise.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.setPadding(new Insets(6, 4, 6, 4));
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    open.accept(getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(StorySummary item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            title.setText(item.title());
            premise.setText(item.premise().length() > 220 ? item.premise().substring(0, 220).strip() + "…"
                    : item.premise());
            premise.setManaged(!item.premise().isBlank());
            premise.setVisible(!item.premise().isBlank());
            meta.setText(item.scenes() + (item.scenes() == 1 ? " scene" : " scenes") + " · "
                    + NumberFormat.getIntegerInstance().format(item.words()) + " words · edited "
                    + ago(item.updated()));
            setGraphic(box);
        }
    }

    /** "just now", "5 minutes ago", "3 days ago". */
    public static String ago(Instant when) {
        if (when == null) {
            return "never";
        }
        Duration d = Duration.between(when, Instant.now());
        long s = Math.max(0, d.getSeconds());
        if (s < 45) {
            return "just now";
        }
        if (s < 3600) {
            long m = Math.max(1, s / 60);
            return m + (m == 1 ? " minute ago" : " minutes ago");
        }
        if (s < 86_400) {
            long h = s / 3600;
            return h + (h == 1 ? " hour ago" : " hours ago");
        }
        long days = s / 86_400;
        return days + (days == 1 ? " day ago" : " days ago");
    }
}
