package dev.quire.ui.binder;

import dev.quire.ui.common.Tips;
import dev.quire.model.Chapter;
import dev.quire.model.PlayedBy;
import dev.quire.model.SceneHeader;
import dev.quire.ui.binder.BinderView.ChapterEntry;
import dev.quire.ui.binder.BinderView.CharacterEntry;
import dev.quire.ui.binder.BinderView.ConversationEntry;
import dev.quire.ui.binder.BinderView.Entry;
import dev.quire.ui.binder.BinderView.Fixed;
import dev.quire.ui.binder.BinderView.LoreEntryRow;
import dev.quire.ui.binder.BinderView.SceneEntry;
import dev.quire.ui.binder.BinderView.Section;
import dev.quire.ui.binder.BinderViewModel.SummaryMark;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;

import java.text.NumberFormat;

import static dev.quire.ui.binder.BinderView.item;

/** One row of the binder: its words, its marks, its context menu, and dragging scenes (onto scenes or chapters). */
final class BinderCell extends TreeCell<Entry> {

    private static final String SCENE_DRAG = "quire/scene";

    private final BinderView binder;
    private final BinderViewModel model;
    private final BinderView.Actions actions;
    private final Label mark = new Label();

    BinderCell(BinderView binder, BinderViewModel model, BinderView.Actions actions) {
        this.binder = binder;
        this.model = model;
        this.actions = actions;
        mark.getStyleClass().add("summary-mark");
        setOnMouseClicked(e -> {
            // one click opens, as a writer expects of a list of documents; a drag is not a click
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 1 && e.isStillSincePress()
                    && getItem() != null && !(getItem() instanceof ChapterEntry) && !(getItem() instanceof Section)) {
                binder.open(getItem());
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
            if ((getItem() instanceof SceneEntry || getItem() instanceof ChapterEntry) && e.getDragboard().hasString()
                    && e.getDragboard().getString().startsWith(SCENE_DRAG)) {
                e.acceptTransferModes(TransferMode.MOVE);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            if (e.getDragboard().hasString() && e.getDragboard().getString().startsWith(SCENE_DRAG)) {
                long id = Long.parseLong(e.getDragboard().getString().substring(SCENE_DRAG.length() + 1));
                if (getItem() instanceof SceneEntry target) {
                    model.moveScene(id, model.indexOf(target.header().id()));
                    e.setDropCompleted(true);
                } else if (getItem() instanceof ChapterEntry chapter) {
                    model.moveSceneToChapter(id, chapter.chapter().id());
                    e.setDropCompleted(true);
                }
            }
            e.consume();
        });
    }

    @Override
    protected void updateItem(Entry item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("binder-section", "binder-scene", "binder-chapter", "binder-part");
        setContextMenu(null);
        setGraphic(null);
        if (empty || item == null) {
            setText(null);
            return;
        }
        setTooltip(null);
        if (item instanceof Section s) {
            setText(s.label());
            getStyleClass().add(s.kind().equals("part") ? "binder-part" : "binder-section");
            setContextMenu(sectionMenu(s.kind()));
        } else if (item instanceof Fixed f) {
            setText(f.label());
        } else if (item instanceof ChapterEntry c) {
            chapter(c.chapter());
        } else if (item instanceof SceneEntry s) {
            scene(s);
        } else if (item instanceof CharacterEntry c) {
            setText(c.sheet().name() + (c.sheet().playedBy() == PlayedBy.WRITER ? "  (you)" : ""));
            setContextMenu(new ContextMenu(item("Open", () -> binder.open(item)),
                    item("Export as character card…", () -> actions.exportCard(c.sheet())),
                    item("Delete…", () -> binder.delete(item))));
        } else if (item instanceof LoreEntryRow l) {
            // a lorebook's entries often have no title: their keywords name them
            String name = !l.entry().title().isBlank() ? l.entry().title()
                    : l.entry().keywords().isEmpty() ? "Untitled lore" : String.join(", ", l.entry().keywords());
            setText(name + (l.entry().alwaysOn() ? "  ●" : ""));
            tip(l.entry().alwaysOn() ? "Always in the prompt"
                    : "In the prompt when " + String.join(", ", l.entry().keywords()) + " comes up");
            setContextMenu(new ContextMenu(item("Open", () -> binder.open(item)),
                    item("Delete…", () -> binder.delete(item))));
        } else if (item instanceof ConversationEntry c) {
            setText(c.conversation().title().isBlank() ? "Conversation" : c.conversation().title());
        }
    }

    /** The row's tooltip; while the studio starts, once its window is up, if the cell still shows this row. */
    private void tip(String text) {
        Entry shown = getItem();
        Tips.set(this, text, () -> getItem() == shown && !isEmpty());
    }

    private void chapter(Chapter chapter) {
        setText(chapter.label());
        getStyleClass().add("binder-chapter");
        tip((chapter.part().isBlank() ? "" : chapter.part().strip() + " · ") + chapter.label()
                + "\n" + (chapter.summary().isBlank() ? "No chapter summary yet" : chapter.summary()));
        setContextMenu(new ContextMenu(item("Rename…\tF2", () -> actions.renameChapter(chapter)),
                item("Part…", () -> actions.setChapterPart(chapter)),
                item("Move up\tAlt+Up", () -> model.moveChapter(chapter.id(), chapter.position() - 1)),
                item("Move down\tAlt+Down", () -> model.moveChapter(chapter.id(), chapter.position() + 1)),
                new SeparatorMenuItem(),
                item("Delete chapter (keeps its scenes)…", () -> binder.delete(getItem()))));
    }

    private void scene(SceneEntry s) {
        SceneHeader h = s.header();
        setText((h.position() + 1) + "  " + (h.title().isBlank() ? "Untitled scene" : h.title()));
        getStyleClass().add("binder-scene");
        SummaryMark summary = model.summaryMarksProperty().get().getOrDefault(h.id(), SummaryMark.NONE);
        String about = switch (summary) {
            case NONE -> "no summary yet";
            case CURRENT -> "summarised";
            case STALE -> "summary stale: the scene changed after it was made (still sent until redone)";
            case FAILED -> "the last summary attempt failed";
        };
        if (summary == SummaryMark.STALE || summary == SummaryMark.FAILED) {
            mark.setText(summary == SummaryMark.STALE ? "stale" : "failed");
            mark.getStyleClass().removeAll("stale", "failed");
            mark.getStyleClass().add(summary == SummaryMark.STALE ? "stale" : "failed");
            setGraphic(mark);
            setContentDisplay(ContentDisplay.RIGHT);
        }
        tip(h.title() + " · " + NumberFormat.getIntegerInstance().format(h.words()) + " words"
                + (h.pinned() ? " · pinned" : "") + " · " + about);
        Menu toChapter = new Menu("Move to chapter");
        Long current = model.chapterOf(h.id());
        for (Chapter c : model.chapters()) {
            MenuItem m = item(c.label(), () -> model.moveSceneToChapter(h.id(), c.id()));
            m.setDisable(current != null && current == c.id());
            toChapter.getItems().add(m);
        }
        toChapter.setDisable(model.chapters().isEmpty());
        setContextMenu(new ContextMenu(item("Open", () -> binder.open(getItem())),
                item("New scene after this", () -> model.addScene(model.indexOf(h.id()), actions::openScene)),
                item("Discuss this scene", () -> actions.newConversation(h.id(), "critic")),
                item("Summarise", () -> actions.summariseScene(h.id())),
                new SeparatorMenuItem(),
                item("Start a chapter here", () -> model.startChapterAt(h.id())),
                toChapter,
                item("Move up\tAlt+Up", () -> model.moveScene(h.id(), model.indexOf(h.id()) - 1)),
                item("Move down\tAlt+Down", () -> model.moveScene(h.id(), model.indexOf(h.id()) + 1)),
                new SeparatorMenuItem(),
                item("Delete…", () -> binder.delete(getItem()))));
    }

    private ContextMenu sectionMenu(String kind) {
        return switch (kind) {
            case "scenes" -> new ContextMenu(item("New scene", () -> model.addScene(-1, actions::openScene)),
                    item("New chapter", model::newChapter),
                    item("Summarise missing and stale…", actions::summariseAll));
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
