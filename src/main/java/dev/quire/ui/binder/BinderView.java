package dev.quire.ui.binder;

import dev.quire.ui.common.Tips;
import dev.quire.model.Chapter;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.LoreEntry;
import dev.quire.model.SceneHeader;
import dev.quire.ui.common.EditorKey;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

import java.text.NumberFormat;
import java.util.List;
import java.util.function.Function;

/**
 * The binder: the story's bible and notes, its scenes in order (drag, or Alt+Up/Down, to reorder),
 * characters, lore and conversations. A click or Enter opens an entry in a tab.
 */
public final class BinderView {

    /** What the binder asks the window to do. */
    public interface Actions {
        void openBible();

        void openNotes();

        void openCanon();

        /** The story's cliché report. */
        void openClicheReport();

        void openScene(long sceneId);

        void openCharacter(CharacterSheet sheet);

        void openLore(LoreEntry entry);

        void openConversation(Conversation conversation);

        /** Start a conversation: a brainstorm for the story (sceneId null) or a discussion of a scene. */
        void newConversation(Long sceneId, String frameKey);

        /** Import a SillyTavern/TavernAI character card (PNG, JSON or CHARX) into this story. */
        void importCard();

        /** Add the entries of a SillyTavern World Info or NovelAI lorebook to this story's lore, after a preview. */
        void importLore();

        /** Write this story's lore as a lorebook. */
        void exportLore();

        /** Export a sheet as a character card. */
        void exportCard(CharacterSheet sheet);

        /** The writer asked to delete something; the window confirms and closes its tab. */
        void confirmDelete(String what, Runnable delete, dev.quire.ui.common.EditorKey tab);

        /** Summarise every scene whose summary is missing or stale, after showing what it will send. */
        void summariseAll();

        /** Summarise one scene now. */
        void summariseScene(long sceneId);

        /** Rename a chapter; the window asks for the title. */
        void renameChapter(Chapter chapter);

        /** Set the part a chapter belongs to ("Part One"; empty for none); the window asks. */
        void setChapterPart(Chapter chapter);

        /** The writer asked to delete a chapter (its scenes stay); the window confirms. */
        void confirmDeleteChapter(Chapter chapter, Runnable delete);
    }

    /** A row of the binder. */
    public sealed interface Entry permits Section, Fixed, SceneEntry, ChapterEntry, CharacterEntry, LoreEntryRow,
            ConversationEntry {
    }

    /** A chapter, holding its scenes as children. */
    public record ChapterEntry(Chapter chapter) implements Entry {
    }

    public record Section(String label, String kind) implements Entry {
    }

    public record Fixed(String label, String kind) implements Entry {
    }

    public record SceneEntry(SceneHeader header) implements Entry {
    }

    public record CharacterEntry(CharacterSheet sheet) implements Entry {
    }

    public record LoreEntryRow(LoreEntry entry) implements Entry {
    }

    public record ConversationEntry(Conversation conversation) implements Entry {
    }

    private static final String SCENE_DRAG = "quire/scene";

    private final BinderViewModel model;
    private final Actions actions;
    private final BorderPane root = new BorderPane();
    private final TreeView<Entry> tree = new TreeView<>();
    private final TreeItem<Entry> scenes = section("Scenes", "scenes");
    private final TreeItem<Entry> characters = section("Characters", "characters");
    private final TreeItem<Entry> lore = section("Lore", "lore");
    private final TreeItem<Entry> conversations = section("Conversations", "conversations");

    public BinderView(BinderViewModel model, Actions actions) {
        this.model = model;
        this.actions = actions;
        TreeItem<Entry> rootItem = new TreeItem<>(new Section("Story", "story"));
        rootItem.getChildren().addAll(new TreeItem<>(new Fixed("Bible", "bible")),
                new TreeItem<>(new Fixed("Notes", "notes")), new TreeItem<>(new Fixed("Canon", "canon")),
                new TreeItem<>(new Fixed("Clichés", "cliches")), scenes, characters, lore, conversations);
        tree.setRoot(rootItem);
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        tree.setCellFactory(t -> new BinderCell(this, model, actions));
        tree.getStyleClass().add("binder-tree");
        tree.setOnKeyPressed(e -> {
            TreeItem<Entry> selected = tree.getSelectionModel().getSelectedItem();
            if (selected == null) {
                return;
            }
            if (e.getCode() == KeyCode.ENTER) {
                open(selected.getValue());
                e.consume();
            } else if (e.getCode() == KeyCode.DELETE) {
                delete(selected.getValue());
                e.consume();
            } else if (e.isAltDown() && selected.getValue() instanceof SceneEntry s
                    && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                int index = model.indexOf(s.header().id());
                model.moveScene(s.header().id(), index + (e.getCode() == KeyCode.UP ? -1 : 1));
                e.consume();
            } else if (e.isAltDown() && selected.getValue() instanceof ChapterEntry c
                    && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
                model.moveChapter(c.chapter().id(), c.chapter().position() + (e.getCode() == KeyCode.UP ? -1 : 1));
                e.consume();
            } else if (e.getCode() == KeyCode.F2 && selected.getValue() instanceof ChapterEntry c) {
                actions.renameChapter(c.chapter());
                e.consume();
            }
        });

        new SceneSection(model, tree, scenes).bind();
        bind(model.characters(), characters, CharacterEntry::new);
        bind(model.lore(), lore, LoreEntryRow::new);
        bind(model.conversations(), conversations, ConversationEntry::new);

        Label heading = new Label("Binder");
        heading.getStyleClass().add("binder-heading");
        Button add = new Button("+");
        add.getStyleClass().addAll("flat", "binder-add");
        Tips.set(add, "Add a scene, character or lore entry");
        ContextMenu addMenu = new ContextMenu(item("New scene", () -> newScene()),
                item("New chapter", model::newChapter),
                item("Summarise missing and stale…", actions::summariseAll),
                item("New character", () -> model.addCharacter(actions::openCharacter)),
                item("New lore entry", () -> model.addLore(actions::openLore)),
                item("Import character card…", actions::importCard),
                item("Import lorebook…", actions::importLore),
                item("Export lore as a lorebook…", actions::exportLore),
                item("New brainstorm", () -> actions.newConversation(null, "cowriter")));
        add.setOnAction(e -> addMenu.show(add, javafx.geometry.Side.BOTTOM, 0, 0));
        MenuItem discussScene = item("Discuss the selected scene", () -> selectedScene()
                .ifPresent(id -> actions.newConversation(id, "critic")));
        MenuItem analyse = item("Analyse the characters (analyst)", () -> actions.newConversation(null, "analyst"));
        MenuItem brainstorm = item("Brainstorm (co-writer)", () -> actions.newConversation(null, "cowriter"));
        javafx.scene.control.MenuButton discuss = new javafx.scene.control.MenuButton("Discuss", null,
                discussScene, analyse, brainstorm);
        discuss.getStyleClass().addAll("flat", "binder-discuss");
        Tips.set(discuss, "Talk with the model in a new conversation: about the selected scene, the"
                + " characters' psychology (analyst), or the story (co-writer)");
        discuss.setOnShowing(e -> discussScene.setDisable(selectedScene().isEmpty()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(4, heading, spacer, discuss, add);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.getStyleClass().add("binder-header");
        header.setPadding(new Insets(8, 8, 6, 12));
        root.setTop(header);
        root.setCenter(tree);
        root.getStyleClass().add("binder");
    }

    /** The scene selected in the binder, if a scene is. */
    java.util.Optional<Long> selectedScene() {
        TreeItem<Entry> selected = tree.getSelectionModel().getSelectedItem();
        return selected != null && selected.getValue() instanceof SceneEntry s
                ? java.util.Optional.of(s.header().id()) : java.util.Optional.empty();
    }

    /** Adds a scene after the selected one, or at the end. */
    public void newScene() {
        TreeItem<Entry> selected = tree.getSelectionModel().getSelectedItem();
        int after = selected != null && selected.getValue() instanceof SceneEntry s
                ? model.indexOf(s.header().id()) : -1;
        model.addScene(after, actions::openScene);
    }

    public Node view() {
        return root;
    }

    public TreeView<Entry> tree() {
        return tree;
    }

    /**
     * Mirrors a list into a section. The rows are rebuilt on every change, so the selection is
     * carried across by identity: a move, a rename or an autosave never moves it to another entry.
     */
    private <T> void bind(ObservableList<T> list, TreeItem<Entry> section, Function<T, Entry> wrap) {
        Runnable rebuild = () -> {
            TreeItem<Entry> selected = tree.getSelectionModel().getSelectedItem();
            Object selectedKey = selected == null ? null : identity(selected.getValue());
            List<TreeItem<Entry>> items = list.stream().map(v -> new TreeItem<>(wrap.apply(v))).toList();
            section.getChildren().setAll(items);
            if (selectedKey != null) {
                for (TreeItem<Entry> item : items) {
                    if (selectedKey.equals(identity(item.getValue()))) {
                        tree.getSelectionModel().select(item);
                    }
                }
            }
        };
        list.addListener((ListChangeListener<T>) c -> rebuild.run());
        rebuild.run();
    }

    void open(Entry entry) {
        if (entry instanceof Fixed f) {
            switch (f.kind()) {
                case "bible" -> actions.openBible();
                case "canon" -> actions.openCanon();
                case "cliches" -> actions.openClicheReport();
                default -> actions.openNotes();
            }
        } else if (entry instanceof SceneEntry s) {
            actions.openScene(s.header().id());
        } else if (entry instanceof CharacterEntry c) {
            actions.openCharacter(c.sheet());
        } else if (entry instanceof LoreEntryRow l) {
            actions.openLore(l.entry());
        } else if (entry instanceof ConversationEntry c) {
            actions.openConversation(c.conversation());
        } else if (entry instanceof ChapterEntry c) {
            actions.renameChapter(c.chapter());
        }
    }

    void delete(Entry entry) {
        if (entry instanceof SceneEntry s) {
            actions.confirmDelete("the scene \"" + s.header().title() + "\" ("
                            + NumberFormat.getIntegerInstance().format(s.header().words()) + " words)",
                    () -> model.deleteScene(s.header().id()), new EditorKey.Scene(s.header().id()));
        } else if (entry instanceof CharacterEntry c) {
            actions.confirmDelete(c.sheet().name() + "'s character sheet",
                    () -> model.deleteCharacter(c.sheet().id()), new EditorKey.Character(c.sheet().id()));
        } else if (entry instanceof LoreEntryRow l) {
            actions.confirmDelete("the lore entry \"" + l.entry().title() + "\"",
                    () -> model.deleteLore(l.entry().id()), new EditorKey.Lore(l.entry().id()));
        } else if (entry instanceof ChapterEntry c) {
            actions.confirmDeleteChapter(c.chapter(), () -> model.deleteChapter(c.chapter().id()));
        }
    }

    /**
     * What an entry is, independent of its current title or position: the key of the tab it opens, or the fixed
     * row itself (a record, equal by its label and kind).
     */
    static Object identity(Entry entry) {
        if (entry == null) {
            return null;
        }
        if (entry instanceof SceneEntry s) {
            return new EditorKey.Scene(s.header().id());
        } else if (entry instanceof CharacterEntry c) {
            return new EditorKey.Character(c.sheet().id());
        } else if (entry instanceof LoreEntryRow l) {
            return new EditorKey.Lore(l.entry().id());
        } else if (entry instanceof ConversationEntry c) {
            return new EditorKey.Conversation(c.conversation().id());
        } else if (entry instanceof ChapterEntry c) {
            return new ChapterIdentity(c.chapter().id());
        }
        return entry;
    }

    /** A chapter is the same row whatever its title and position. */
    private record ChapterIdentity(long chapterId) {
    }

    BinderViewModel model() {
        return model;
    }

    Actions actions() {
        return actions;
    }

    private static TreeItem<Entry> section(String label, String kind) {
        TreeItem<Entry> item = new TreeItem<>(new Section(label, kind));
        item.setExpanded(true);
        return item;
    }

    static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }
}
