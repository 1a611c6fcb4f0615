package dev.quire.ui.search;

import dev.quire.model.SearchQuery;
import dev.quire.store.ReplaceRepository.Replace;
import dev.quire.studio.Search;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Search the story and replace across it: the query and its options, the matches grouped by scene, and in
 * preview mode every change a replace would make, each of which the writer can untick. Applying and undoing go
 * through {@link Scenes}, which saves and closes the changed scenes' open editors first and opens them again
 * after, so no editor saves its older copy over the replaced text.
 */
public final class StorySearchViewModel {

    /** What the search asks of the window around it. */
    public interface Scenes {
        /** Opens the scene with the passage selected. */
        void open(long sceneId, int start, int end);

        /** Saves and closes the open editors of these scenes; the ones that were open. */
        Collection<Long> release(Collection<Long> sceneIds);

        /** Opens these scenes again, from the library. */
        void reopen(Collection<Long> sceneIds);

        /** A passing word in the status bar with an action beside it. */
        void notice(String text, String action, Runnable run);
    }

    /** A row: a scene's heading (hit null), or a match with, in preview, its replacement and whether it is chosen. */
    public record Row(long sceneId, int number, String title, int count, Search.Hit hit, String replacement,
                      int change, BooleanProperty chosen) {
        public boolean isHeading() {
            return hit == null;
        }
    }

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final Scenes scenes;
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final StringProperty replacement = new SimpleStringProperty(this, "replacement", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex");
    private final BooleanProperty matchCase = new SimpleBooleanProperty(this, "matchCase");
    private final BooleanProperty wholeWord = new SimpleBooleanProperty(this, "wholeWord");
    private final BooleanProperty previewing = new SimpleBooleanProperty(this, "previewing");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObjectProperty<Replace> lastReplace = new SimpleObjectProperty<>(this, "lastReplace");
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private Search.Preview preview;
    private int searches;

    public StorySearchViewModel(Studio studio, Background background, long storyId, Scenes scenes) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        this.scenes = scenes;
    }

    public long storyId() {
        return storyId;
    }

    private SearchQuery asked() {
        return new SearchQuery(query.get(), regex.get(), matchCase.get(), wholeWord.get());
    }

    /** Finds every match in the story, off the FX thread; a newer search makes an older one's result moot. */
    public void search() {
        previewing.set(false);
        preview = null;
        SearchQuery asked = asked();
        if (asked.isEmpty()) {
            rows.clear();
            summary.set("");
            problem.set("");
            return;
        }
        int mine = ++searches;
        background.read(() -> studio.search().find(storyId, asked)).onSuccess(found -> {
            if (mine != searches) {
                return;
            }
            problem.set("");
            List<Row> out = new ArrayList<>();
            int total = 0;
            for (Search.SceneHits scene : found) {
                out.add(new Row(scene.sceneId(), scene.number(), scene.title(), scene.hits().size(), null, null, -1,
                        null));
                for (Search.Hit hit : scene.hits()) {
                    out.add(new Row(scene.sceneId(), scene.number(), scene.title(), 0, hit, null, -1, null));
                }
                total += scene.hits().size();
            }
            rows.setAll(out);
            summary.set(total == 0 ? "No matches in the story." : count(total, "match", "matches") + " in "
                    + count(found.size(), "scene", "scenes") + ".");
        }).onError(IllegalArgumentException.class, e -> failed(mine, e.getMessage()))
                .onError(e -> failed(mine, "Quire could not search the story: " + e.getMessage()))
                .start();
    }

    private void failed(int search, String message) {
        if (search == searches) {
            rows.clear();
            summary.set("");
            problem.set(message);
        }
    }

    /** Works out every change replacing the matches would make, and shows them, each chosen, to untick. */
    public void previewReplace() {
        SearchQuery asked = asked();
        if (asked.isEmpty()) {
            problem.set("Type what to find first.");
            return;
        }
        String with = replacement.get();
        int mine = ++searches;
        background.read(() -> studio.search().preview(storyId, asked, with)).onSuccess(p -> {
            if (mine != searches) {
                return;
            }
            problem.set("");
            preview = p;
            List<Row> out = new ArrayList<>();
            long lastScene = -1;
            for (int i = 0; i < p.changes().size(); i++) {
                Search.Change c = p.changes().get(i);
                if (c.sceneId() != lastScene) {
                    lastScene = c.sceneId();
                    long id = c.sceneId();
                    int inScene = (int) p.changes().stream().filter(x -> x.sceneId() == id).count();
                    out.add(new Row(c.sceneId(), c.number(), c.title(), inScene, null, null, -1, null));
                }
                BooleanProperty chosen = new SimpleBooleanProperty(true);
                chosen.addListener((o, was, now) -> summariseChoice());
                out.add(new Row(c.sceneId(), c.number(), c.title(), 0, c.hit(), c.replacement(), i, chosen));
            }
            rows.setAll(out);
            previewing.set(true);
            summariseChoice();
        }).onError(IllegalArgumentException.class, e -> failed(mine, e.getMessage()))
                .onError(e -> failed(mine, "Quire could not work out the replace: " + e.getMessage()))
                .start();
    }

    private void summariseChoice() {
        List<Integer> chosen = chosen();
        long inScenes = rows.stream().filter(r -> !r.isHeading() && r.chosen().get()).map(Row::sceneId).distinct()
                .count();
        summary.set(preview == null || preview.changes().isEmpty() ? "Nothing to replace."
                : "Replace " + count(chosen.size(), "match", "matches") + " in " + count((int) inScenes, "scene",
                "scenes") + " (of " + preview.changes().size() + "). Untick any to leave as it is.");
    }

    /** The changes the writer left ticked, by their index in the preview. */
    public List<Integer> chosen() {
        List<Integer> out = new ArrayList<>();
        for (Row r : rows) {
            if (!r.isHeading() && r.chosen() != null && r.chosen().get()) {
                out.add(r.change());
            }
        }
        return out;
    }

    /** Leaves the preview without changing anything. */
    public void cancelPreview() {
        search();
    }

    /**
     * Applies the ticked changes in one transaction. The changed scenes' open editors are saved and closed first
     * and opened again after, whether it worked or not; then the status bar offers Undo.
     */
    public void applyReplace() {
        Search.Preview p = preview;
        List<Integer> chosen = chosen();
        if (p == null || chosen.isEmpty()) {
            return;
        }
        List<Long> touched = chosen.stream().map(i -> p.changes().get(i).sceneId()).distinct().toList();
        Collection<Long> wereOpen = scenes.release(touched);
        background.write(() -> studio.search().apply(p, chosen)).onSuccess(done -> {
            scenes.reopen(wereOpen);
            lastReplace.set(done);
            previewing.set(false);
            preview = null;
            String what = "Replaced " + count(done.changes(), "match", "matches") + " in "
                    + count(done.sceneIds().size(), "scene", "scenes") + ".";
            scenes.notice(what, "Undo", () -> undo(done));
            search();
            summary.set(what + " Each changed scene keeps a revision from before.");
        }).onError(e -> {
            scenes.reopen(wereOpen);
            problem.set(e.getMessage());
        }).start();
    }

    /** Undoes the replace as one step, saving and closing its scenes' open editors first. */
    public void undo(Replace done) {
        Collection<Long> wereOpen = scenes.release(done.sceneIds());
        background.write(() -> studio.search().undo(done.id())).onSuccess(back -> {
            scenes.reopen(wereOpen);
            if (lastReplace.get() != null && lastReplace.get().id() == done.id()) {
                lastReplace.set(null);
            }
            scenes.notice("Undone: " + count(back.size(), "scene is", "scenes are") + " as before the replace.",
                    null, null);
            search();
        }).onError(e -> {
            scenes.reopen(wereOpen);
            problem.set(e.getMessage());
        }).start();
    }

    /** Undoes the last replace made here. */
    public void undoLast() {
        if (lastReplace.get() != null) {
            undo(lastReplace.get());
        }
    }

    /** Opens the scene of a match with the match selected. */
    public void open(Row row) {
        if (row != null && !row.isHeading()) {
            scenes.open(row.sceneId(), row.hit().start(), row.hit().end());
        }
    }

    /** Sets up a replace of a character's old name with the new one: whole words, matching case, previewed. */
    public void offerRename(String oldName, String newName) {
        query.set(oldName);
        replacement.set(newName);
        regex.set(false);
        matchCase.set(true);
        wholeWord.set(true);
        previewReplace();
    }

    static String count(int n, String one, String many) {
        return NumberFormat.getIntegerInstance().format(n) + " " + (n == 1 ? one : many);
    }

    public StringProperty queryProperty() {
        return query;
    }

    public StringProperty replacementProperty() {
        return replacement;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public BooleanProperty matchCaseProperty() {
        return matchCase;
    }

    public BooleanProperty wholeWordProperty() {
        return wholeWord;
    }

    public BooleanProperty previewingProperty() {
        return previewing;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    public ObjectProperty<Replace> lastReplaceProperty() {
        return lastReplace;
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
