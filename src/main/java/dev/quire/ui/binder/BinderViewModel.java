package dev.quire.ui.binder;

import dev.quire.model.Chapter;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.LoreEntry;
import dev.quire.model.Scene;
import dev.quire.model.SceneHeader;
import dev.quire.store.SummaryRepository;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The open story's contents as the binder lists them: scenes in order, characters, lore, conversations. */
public final class BinderViewModel {

    private final Studio studio;
    private final Background background;
    private final long storyId;

    private final ObservableList<SceneHeader> scenes = FXCollections.observableArrayList();
    private final ObservableList<CharacterSheet> characters = FXCollections.observableArrayList();
    private final ObservableList<LoreEntry> lore = FXCollections.observableArrayList();
    private final ObservableList<Conversation> conversations = FXCollections.observableArrayList();
    private final ObservableList<Chapter> chapters = FXCollections.observableArrayList();
    /** Which chapter each scene is in, and how its summary stands; replaced whole on every reload. */
    private final ObjectProperty<Map<Long, Long>> chapterOf = new SimpleObjectProperty<>(this, "chapterOf", Map.of());
    private final ObjectProperty<Map<Long, SummaryMark>> summaryMarks = new SimpleObjectProperty<>(this,
            "summaryMarks", Map.of());
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final IntegerBinding storyWords;

    /** How a scene's summary stands, as the binder marks it. */
    public enum SummaryMark {
        /** No summary yet. */
        NONE,
        /** A summary that describes the scene as it is. */
        CURRENT,
        /** The scene changed after its summary was made; it is still sent until redone. */
        STALE,
        /** The last attempt to make one failed; the summary there was, if any, stays. */
        FAILED
    }

    /** What the binder lists, as read from the library in one go. */
    public record Contents(List<SceneHeader> scenes, List<CharacterSheet> characters, List<LoreEntry> lore,
                            List<Conversation> conversations, List<Chapter> chapters, Map<Long, Long> chapterOf,
                            Map<Long, SummaryMark> marks) {
    }

    public BinderViewModel(Studio studio, Background background, long storyId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        storyWords = Bindings.createIntegerBinding(() -> scenes.stream().mapToInt(SceneHeader::words).sum(), scenes);
    }

    public void reload() {
        background.read(() -> read(studio, storyId)).onSuccess(this::show).onError(this::report).start();
    }

    /** The story's binder contents; reads the library, so off the FX thread. */
    public static Contents read(Studio studio, long storyId) {
        return new Contents(studio.scenes().headers(storyId), studio.characters().list(storyId),
                studio.lore().list(storyId), studio.conversations().list(storyId),
                studio.chapters().list(storyId), studio.chapters().sceneChapters(storyId), marks(studio, storyId));
    }

    /** Lists what was read: at start-up the contents come read already, with the library. */
    public void show(Contents c) {
        // chapters and marks before the scenes: the scene rows are laid out by them
        chapters.setAll(c.chapters());
        chapterOf.set(c.chapterOf());
        summaryMarks.set(c.marks());
        scenes.setAll(c.scenes());
        characters.setAll(c.characters());
        lore.setAll(c.lore());
        conversations.setAll(c.conversations());
    }

    private static Map<Long, SummaryMark> marks(Studio studio, long storyId) {
        Map<Long, SummaryMark> out = new HashMap<>();
        for (SummaryRepository.SceneSummary s : studio.summaries().list(storyId)) {
            out.put(s.sceneId(), s.state().failed() ? SummaryMark.FAILED : s.missing() ? SummaryMark.NONE
                    : s.stale() ? SummaryMark.STALE : SummaryMark.CURRENT);
        }
        return out;
    }

    // ---- chapters ----

    /** A new, empty chapter after the last; new scenes added at the end go into it. */
    public void newChapter() {
        // untitled: it is labelled by its place, which stays right when chapters move
        write(() -> studio.chapters().create(storyId, "", ""));
    }

    /** A new chapter beginning at this scene, taking the scenes after it in its chapter. */
    public void startChapterAt(long sceneId) {
        write(() -> studio.chapters().startAt(sceneId, ""));
    }

    public void renameChapter(long chapterId, String title, String part) {
        write(() -> studio.chapters().rename(chapterId, title.strip(), part == null ? "" : part.strip()));
    }

    /** Moves a chapter with its scenes to {@code newIndex} among the chapters. */
    public void moveChapter(long chapterId, int newIndex) {
        if (newIndex < 0 || newIndex >= chapters.size()) {
            return;
        }
        write(() -> studio.chapters().move(chapterId, newIndex));
    }

    /** Deletes a chapter; its scenes stay, in the chapter before it. */
    public void deleteChapter(long chapterId) {
        write(() -> studio.chapters().delete(chapterId));
    }

    /** Puts a scene at the end of a chapter; null for the scenes in no chapter. */
    public void moveSceneToChapter(long sceneId, Long chapterId) {
        write(() -> studio.chapters().assign(sceneId, chapterId));
    }

    /** The chapter a scene is in, if any. */
    public Long chapterOf(long sceneId) {
        return chapterOf.get().get(sceneId);
    }

    private void write(Runnable change) {
        background.write(change).onSuccess(x -> reload()).onError(e -> {
            report(e);
            reload();
        }).start();
    }

    /** Adds a scene after {@code afterPosition} (or at the end when negative) and hands its id to {@code open}. */
    public void addScene(int afterPosition, Consumer<Long> open) {
        int at = afterPosition < 0 ? Integer.MAX_VALUE : afterPosition + 1;
        String title = "Scene " + (scenes.size() + 1);
        background.write(() -> studio.scenes().insert(Scene.titled(storyId, title), at))
                .onSuccess(scene -> {
                    reload();
                    open.accept(scene.id());
                })
                .onError(this::report)
                .start();
    }

    public void deleteScene(long sceneId) {
        List<SceneHeader> rest = new java.util.ArrayList<>(scenes);
        rest.removeIf(h -> h.id() == sceneId);
        scenes.setAll(renumbered(rest));
        background.write(() -> {
            studio.scenes().delete(sceneId);
            return null;
        }).onSuccess(x -> reload()).onError(e -> {
            report(e);
            reload();
        }).start();
    }

    /** Positions follow the list's order at once; the library's own renumbering arrives with the reload. */
    private static List<SceneHeader> renumbered(List<SceneHeader> order) {
        List<SceneHeader> out = new java.util.ArrayList<>(order.size());
        for (int i = 0; i < order.size(); i++) {
            SceneHeader h = order.get(i);
            out.add(h.position() == i ? h : new SceneHeader(h.id(), i, h.title(), h.words(), h.pinned()));
        }
        return out;
    }

    /** Moves a scene to {@code newIndex}; the binder shows the new order at once and the library follows. */
    public void moveScene(long sceneId, int newIndex) {
        int from = indexOf(sceneId);
        if (from < 0) {
            return;
        }
        int to = Math.max(0, Math.min(newIndex, scenes.size() - 1));
        if (to == from) {
            return;
        }
        // one change, not a remove and an add, so the binder can keep the moved scene selected
        List<SceneHeader> order = new java.util.ArrayList<>(scenes);
        order.add(to, order.remove(from));
        scenes.setAll(renumbered(order));
        background.write(() -> {
            studio.scenes().move(sceneId, to);
            return null;
        }).onSuccess(x -> reload()).onError(e -> {
            report(e);
            reload();
        }).start();
    }

    public int indexOf(long sceneId) {
        for (int i = 0; i < scenes.size(); i++) {
            if (scenes.get(i).id() == sceneId) {
                return i;
            }
        }
        return -1;
    }

    public void addCharacter(Consumer<CharacterSheet> open) {
        background.write(() -> studio.characters().create(CharacterSheet.named(storyId, "New character")))
                .onSuccess(c -> {
                    characters.add(c);
                    open.accept(c);
                })
                .onError(this::report)
                .start();
    }

    public void deleteCharacter(long id) {
        characters.removeIf(c -> c.id() == id);
        background.write(() -> {
            studio.characters().delete(id);
            return null;
        }).onError(e -> {
            report(e);
            reload();
        }).start();
    }

    public void addLore(Consumer<LoreEntry> open) {
        background.write(() -> studio.lore().create(LoreEntry.titled(storyId, "New lore entry")))
                .onSuccess(l -> {
                    lore.add(l);
                    open.accept(l);
                })
                .onError(this::report)
                .start();
    }

    public void deleteLore(long id) {
        lore.removeIf(l -> l.id() == id);
        background.write(() -> {
            studio.lore().delete(id);
            return null;
        }).onError(e -> {
            report(e);
            reload();
        }).start();
    }

    /** An editor saved a scene: keep its title and word count current here. Any thread. */
    public void sceneSaved(long sceneId, String title, int words) {
        background.results().execute(() -> {
            int i = indexOf(sceneId);
            if (i >= 0) {
                SceneHeader h = scenes.get(i);
                if (!h.title().equals(title) || h.words() != words) {
                    scenes.set(i, new SceneHeader(h.id(), h.position(), title, words, h.pinned()));
                }
            }
        });
    }

    /** A sheet was saved under a (possibly new) name. Any thread. */
    public void characterRenamed(long id, String name) {
        background.results().execute(() -> {
            for (int i = 0; i < characters.size(); i++) {
                if (characters.get(i).id() == id && !characters.get(i).name().equals(name)) {
                    characters.set(i, characters.get(i).withName(name));
                }
            }
        });
    }

    /** A lore entry was saved under a (possibly new) title. Any thread. */
    public void loreRenamed(long id, String title) {
        background.results().execute(() -> {
            for (int i = 0; i < lore.size(); i++) {
                LoreEntry l = lore.get(i);
                if (l.id() == id && !l.title().equals(title)) {
                    lore.set(i, l.with(title, l.keywords(), l.content(), l.alwaysOn(), l.enabled()));
                }
            }
        });
    }

    private void report(RuntimeException e) {
        problem.set(e.getMessage());
    }

    public void clearProblem() {
        problem.set("");
    }

    public long storyId() {
        return storyId;
    }

    public ObservableList<SceneHeader> scenes() {
        return scenes;
    }

    public ObservableList<CharacterSheet> characters() {
        return characters;
    }

    public ObservableList<LoreEntry> lore() {
        return lore;
    }

    public ObservableList<Conversation> conversations() {
        return conversations;
    }

    public ObservableList<Chapter> chapters() {
        return chapters;
    }

    /** Which chapter each scene is in (scenes in none are absent). */
    public ReadOnlyObjectProperty<Map<Long, Long>> chapterOfProperty() {
        return chapterOf;
    }

    public ReadOnlyObjectProperty<Map<Long, SummaryMark>> summaryMarksProperty() {
        return summaryMarks;
    }

    public IntegerBinding storyWords() {
        return storyWords;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
