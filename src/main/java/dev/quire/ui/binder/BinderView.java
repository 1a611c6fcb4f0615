package dev.quire.ui.binder;

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
import javafx.scene.control.Tooltip;
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
 * characters, lore and conversations. Enter or a double click opens an entry in a tab.
 */
public final class BinderView {

    /** What the binder asks the window to do. */
    public interface Actions {
        void openBible();

        void openNotes();

        void openScene(long sceneId);

        void openCharacter(CharacterSheet sheet);

        void openLore(LoreEntry entry);

        void openConversation(Conversation conversation);

        /** Start a conversation: a brainstorm for the story (sceneId null) or a discussion of a scene. */
        void newConversation(Long sceneId, String frameKey);

        /** Import a SillyTavern/TavernAI character card (PNG, JSON or CHARX) into this story. */
        void importCard();

        /** Export a sheet as a character card. */
        void exportCard(CharacterSheet sheet);

        /** The writer asked to delete something; the window confirms and closes its tab. */
        void confirmDelete(String what, Runnable delete, dev.quire.ui.common.EditorKey tab);
    }

    /** A row of the binder. */
    public sealed interface Entry permits Section, Fixed, SceneEntry, CharacterEntry, LoreEntryRow, ConversationEntry {
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
                new TreeItem<>(new Fixed("Notes", "notes")), scenes, characters, lore, conversations);
        tree.setRoot(rootItem);
        tree.setShowRoot(false);
        tree.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
        tree.setCellFactory(t -> new EntryCell());
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
            }
        });

        bind(model.scenes(), scenes, SceneEntry::new);
        bind(model.characters(), characters, CharacterEntry::new);
        bind(model.lore(), lore, LoreEntryRow::new);
        bind(model.conversations(), conversations, ConversationEntry::new);

        Label heading = new Label("Binder");
        heading.getStyleClass().add("binder-heading");
        Button add = new Button("+");
        add.getStyleClass().addAll("flat", "binder-add");
        add.setTooltip(new Tooltip("Add a scene, character or lore entry"));
        ContextMenu addMenu = new ContextMenu(item("New scene", () -> newScene()),
                item("New character", () -> model.addCharacter(actions::openCharacter)),
                item("New lore entry", () -> model.addLore(actions::openLore)),
                item("Import character card…", actions::importCard),
                item("New brainstorm", () -> actions.newConversation(null, "cowriter")));
        add.setOnAction(e -> addMenu.show(add, javafx.geometry.Side.BOTTOM, 0, 0));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(heading, spacer, add);
        header.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        header.getStyleClass().add("binder-header");
        header.setPadding(new Insets(8, 8, 6, 12));
        root.setTop(header);
        root.setCenter(tree);
        root.getStyleClass().add("binder");
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

    private void open(Entry entry) {
        if (entry instanceof Fixed f) {
            if (f.kind().equals("bible")) {
                actions.openBible();
            } else {
                actions.openNotes();
            }
        } else if (entry instanceof SceneEntry s) {
            actions.openScene(s.header().id());
        } else if (entry instanceof CharacterEntry c) {
            actions.openCharacter(c.sheet());
        } else if (entry instanceof LoreEntryRow l) {
            actions.openLore(l.entry());
        } else if (entry instanceof ConversationEntry c) {
            actions.openConversation(c.conversation());
        }
    }

    private void delete(Entry entry) {
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
        }
    }

    /**
     * What an entry is, independent of its current title or position: the key of the tab it opens, or the fixed
     * row itself (a record, equal by its label and kind).
     */
    static Object identity(Entry entry) {
        if (entry instanceof SceneEntry s) {
            return new EditorKey.Scene(s.header().id());
        } else if (entry instanceof CharacterEntry c) {
            return new EditorKey.Character(c.sheet().id());
        } else if (entry instanceof LoreEntryRow l) {
            return new EditorKey.Lore(l.entry().id());
        } else if (entry instanceof ConversationEntry c) {
            return new EditorKey.Conversation(c.conversation().id());
        }
        return entry;
    }

    private static TreeItem<Entry> section(String label, String kind) {
        TreeItem<Entry> item = new TreeItem<>(new Section(label, kind));
        item.setExpanded(true);
        return item;
    }

    private static MenuItem item(String text, Runnable action) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(e -> action.run());
        return m;
    }

    private final class EntryCell extends TreeCell<Entry> {

        EntryCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    open(getItem());
                }
            });
            setOnDragDetected(e -> {
                if (getItem() instanceof SceneEntry s) {
                    var board = startDragAndDrop(TransferMode.MOVE);
                    ClipboardContent content = new ClipboardContent();
                    content.putString(SCENE_DRAG + ":" + s.header().id());
                    board.setContent(content);
                    e.consume();
                }
            });
            setOnDragOver(e -> {
                if (getItem() instanceof SceneEntry && e.getDragboard().hasString()
                        && e.getDragboard().getString().startsWith(SCENE_DRAG)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                }
                e.consume();
            });
            setOnDragDropped(e -> {
                if (getItem() instanceof SceneEntry target && e.getDragboard().hasString()) {
                    long id = Long.parseLong(e.getDragboard().getString().substring(SCENE_DRAG.length() + 1));
                    model.moveScene(id, model.indexOf(target.header().id()));
                    e.setDropCompleted(true);
                }
                e.consume();
            });
        }

        @Override
        protected void updateItem(Entry item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("binder-section", "binder-scene");
            setContextMenu(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            setTooltip(null);
            if (item instanceof Section s) {
                setText(s.label());
                getStyleClass().add("binder-section");
                setContextMenu(sectionMenu(s.kind()));
            } else if (item instanceof Fixed f) {
                setText(f.label());
            } else if (item instanceof SceneEntry s) {
                SceneHeader h = s.header();
                setText((h.position() + 1) + "  " + (h.title().isBlank() ? "Untitled scene" : h.title()));
                getStyleClass().add("binder-scene");
                setTooltip(new Tooltip(h.title() + " · " + NumberFormat.getIntegerInstance().format(h.words())
                        + " words" + (h.pinned() ? " · pinned" : "")));
                setContextMenu(new ContextMenu(item("Open", () -> open(item)),
                        item("New scene after this", () -> model.addScene(model.indexOf(h.id()), actions::openScene)),
                        item("Discuss this scene", () -> actions.newConversation(h.id(), "critic")),
                        item("Move up\tAlt+Up", () -> model.moveScene(h.id(), model.indexOf(h.id()) - 1)),
                        item("Move down\tAlt+Down", () -> model.moveScene(h.id(), model.indexOf(h.id()) + 1)),
                        item("Delete…", () -> delete(item))));
            } else if (item instanceof CharacterEntry c) {
                setText(c.sheet().name() + (c.sheet().playedBy() == dev.quire.model.PlayedBy.WRITER ? "  (you)" : ""));
                setContextMenu(new ContextMenu(item("Open", () -> open(item)),
                        item("Export as character card…", () -> actions.exportCard(c.sheet())),
                        item("Delete…", () -> delete(item))));
            } else if (item instanceof LoreEntryRow l) {
                setText(l.entry().title() + (l.entry().alwaysOn() ? "  ●" : ""));
                setTooltip(new Tooltip(l.entry().alwaysOn() ? "Always in the prompt"
                        : "In the prompt when " + String.join(", ", l.entry().keywords()) + " comes up"));
                setContextMenu(new ContextMenu(item("Open", () -> open(item)), item("Delete…", () -> delete(item))));
            } else if (item instanceof ConversationEntry c) {
                setText(c.conversation().title().isBlank() ? "Conversation" : c.conversation().title());
            }
        }

        private ContextMenu sectionMenu(String kind) {
            return switch (kind) {
                case "scenes" -> new ContextMenu(item("New scene", () -> model.addScene(-1, actions::openScene)));
                case "characters" -> new ContextMenu(item("New character",
                        () -> model.addCharacter(actions::openCharacter)),
                        item("Import character card…", actions::importCard));
                case "lore" -> new ContextMenu(item("New lore entry", () -> model.addLore(actions::openLore)));
                case "conversations" -> new ContextMenu(
                        item("New brainstorm (co-writer)", () -> actions.newConversation(null, "cowriter")),
                        item("New analysis of the characters (analyst)", () -> actions.newConversation(null, "analyst")));
                default -> null;
            };
        }
    }

}
