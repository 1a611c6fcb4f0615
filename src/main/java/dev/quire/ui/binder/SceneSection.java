package dev.quire.ui.binder;

import dev.quire.model.Chapter;
import dev.quire.model.SceneHeader;
import dev.quire.ui.binder.BinderView.ChapterEntry;
import dev.quire.ui.binder.BinderView.Entry;
import dev.quire.ui.binder.BinderView.SceneEntry;
import javafx.beans.InvalidationListener;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The binder's Scenes section: the scenes in no chapter first, then each chapter with its scenes, in story order.
 * Rebuilt whenever the scenes, the chapters or where the scenes are change; the selected row and the chapters the
 * writer folded are carried across.
 */
final class SceneSection {

    private final BinderViewModel model;
    private final TreeView<Entry> tree;
    private final TreeItem<Entry> section;
    private final Set<Long> folded = new HashSet<>();

    SceneSection(BinderViewModel model, TreeView<Entry> tree, TreeItem<Entry> section) {
        this.model = model;
        this.tree = tree;
        this.section = section;
    }

    void bind() {
        InvalidationListener rebuild = o -> rebuild();
        model.scenes().addListener(rebuild);
        model.chapters().addListener(rebuild);
        model.chapterOfProperty().addListener(rebuild);
        model.summaryMarksProperty().addListener(rebuild);
        rebuild();
    }

    private void rebuild() {
        TreeItem<Entry> selected = tree.getSelectionModel().getSelectedItem();
        Object selectedKey = selected == null ? null : BinderView.identity(selected.getValue());
        for (TreeItem<Entry> child : section.getChildren()) {
            if (child.getValue() instanceof ChapterEntry c && !child.isExpanded()) {
                folded.add(c.chapter().id());
            } else if (child.getValue() instanceof ChapterEntry c) {
                folded.remove(c.chapter().id());
            }
        }
        Map<Long, Long> chapterOf = model.chapterOfProperty().get();
        Map<Long, TreeItem<Entry>> chapterItems = new LinkedHashMap<>();
        for (Chapter chapter : model.chapters()) {
            TreeItem<Entry> item = new TreeItem<>(new ChapterEntry(chapter));
            item.setExpanded(!folded.contains(chapter.id()));
            chapterItems.put(chapter.id(), item);
        }
        List<TreeItem<Entry>> loose = new ArrayList<>();
        Map<Long, List<TreeItem<Entry>>> inChapter = new HashMap<>();
        for (SceneHeader h : model.scenes()) {
            TreeItem<Entry> item = new TreeItem<>(new SceneEntry(h));
            Long chapter = chapterOf.get(h.id());
            if (chapter != null && chapterItems.containsKey(chapter)) {
                inChapter.computeIfAbsent(chapter, k -> new ArrayList<>()).add(item);
            } else {
                loose.add(item);
            }
        }
        List<TreeItem<Entry>> rows = new ArrayList<>(loose);
        String[] part = {""};
        chapterItems.forEach((id, item) -> {
            item.getChildren().setAll(inChapter.getOrDefault(id, List.of()));
            // a part is a heading over the run of chapters that share it
            String chapterPart = ((ChapterEntry) item.getValue()).chapter().part().strip();
            if (!chapterPart.isEmpty() && !chapterPart.equals(part[0])) {
                rows.add(new TreeItem<>(new BinderView.Section(chapterPart, "part")));
            }
            part[0] = chapterPart;
            rows.add(item);
        });
        section.getChildren().setAll(rows);
        if (selectedKey != null) {
            reselect(selectedKey, section);
        }
    }

    private boolean reselect(Object key, TreeItem<Entry> under) {
        for (TreeItem<Entry> item : under.getChildren()) {
            if (key.equals(BinderView.identity(item.getValue()))) {
                tree.getSelectionModel().select(item);
                return true;
            }
            if (reselect(key, item)) {
                return true;
            }
        }
        return false;
    }
}
