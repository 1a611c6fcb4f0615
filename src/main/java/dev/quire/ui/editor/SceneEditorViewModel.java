package dev.quire.ui.editor;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A scene open for editing: its details as properties, its text read through a supplier the view
 * gives (the document lives in the editor control), saved by the autosaver.
 */
public final class SceneEditorViewModel extends AutosavingViewModel<SceneEditorViewModel.Draft> {

    /** Everything the editor saves, as of one moment. */
    public record Draft(Scene details, Prose prose) {
    }

    public enum State { LOADING, READY, MISSING }

    private final Studio studio;
    private final long sceneId;
    private final Listener listener;

    private final ObjectProperty<State> state = new SimpleObjectProperty<>(this, "state", State.LOADING);
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final BooleanProperty pinned = new SimpleBooleanProperty(this, "pinned");
    private final ObjectProperty<CharacterSheet> pov = new SimpleObjectProperty<>(this, "pov");
    private final ObservableList<CharacterSheet> characters = FXCollections.observableArrayList();
    private final ObservableList<Long> present = FXCollections.observableArrayList();
    private final IntegerProperty words = new SimpleIntegerProperty(this, "words");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    private final StringProperty repaired = new SimpleStringProperty(this, "repaired", "");
    private final ContinuityViewModel continuity;

    private Scene loaded;
    private final Background background;
    private final javafx.beans.property.ObjectProperty<dev.quire.ui.prompt.PromptPreviewViewModel> prompt =
            new javafx.beans.property.SimpleObjectProperty<>(this, "prompt");
    private Supplier<Prose> text = () -> Prose.EMPTY;
    private Prose lastSavedProse;
    private Scene lastSavedDetails;

    /** What the rest of the window hears from this editor. */
    public interface Listener {
        void sceneSaved(long sceneId, String title, int words);
    }

    public SceneEditorViewModel(Studio studio, Background background, SaveStatus status, long sceneId,
                                Listener listener) {
        super(background, status);
        this.background = background;
        this.studio = studio;
        this.sceneId = sceneId;
        this.listener = listener;
        this.continuity = new ContinuityViewModel(studio, background, sceneId);
        title.addListener((o, a, b) -> changed());
        summary.addListener((o, a, b) -> changed());
        pinned.addListener((o, a, b) -> changed());
        pov.addListener((o, a, b) -> changed());
        present.addListener((javafx.collections.ListChangeListener<Long>) c -> changed());
    }

    /** A scene as the editor opens it: the scene, the story's cast, and what was repaired in it, if anything. */
    public record Loaded(Scene scene, List<CharacterSheet> cast, String repaired) {
    }

    /** The scene read already (at start-up, with the library), for {@link #load} to show at once. */
    private Loaded preloaded;

    /** Reads a scene as the editor opens it; empty when it is gone. Reads the library, so off the FX thread. */
    public static java.util.Optional<Loaded> read(Studio studio, long sceneId) {
        return studio.scenes().get(sceneId).map(scene -> new Loaded(scene, studio.characters().list(scene.storyId()),
                studio.provenance().noticeOnce(sceneId).orElse("")));
    }

    /** Gives the scene read already; {@link #load} then shows it at once instead of reading it again. */
    public void preload(Loaded scene) {
        if (scene != null && scene.scene().id() == sceneId) {
            preloaded = scene;
        }
    }

    /** Loads the scene; {@code show} receives its prose on the FX thread to put into the editor. */
    public void load(Background background, Consumer<Prose> show) {
        Loaded ready = preloaded;
        preloaded = null;
        if (ready != null) {
            loaded(ready, show);
            return;
        }
        background.read(() -> read(studio, sceneId).orElse(null))
                .onSuccess(result -> {
                    if (result == null) {
                        problem.set("This scene is no longer in the library.");
                        state.set(State.MISSING);
                        return;
                    }
                    loaded(result, show);
                })
                .onError(e -> {
                    problem.set(e.getMessage());
                    state.set(State.MISSING);
                })
                .start();
    }

    private void loaded(Loaded result, Consumer<Prose> show) {
        Scene scene = result.scene();
        loaded = scene;
        lastSavedProse = scene.prose();
        lastSavedDetails = scene;
        loading(() -> {
            characters.setAll(result.cast());
            title.set(scene.title());
            summary.set(scene.summary());
            pinned.set(scene.pinned());
            pov.set(result.cast().stream().filter(c -> Objects.equals(c.id(), scene.povCharacterId()))
                    .findFirst().orElse(null));
            present.setAll(scene.characterIds());
            words.set(scene.wordCount());
            show.accept(scene.prose());
        });
        state.set(State.READY);
        repaired.set(result.repaired());
        dev.quire.ui.prompt.PromptPreviewViewModel preview =
                new dev.quire.ui.prompt.PromptPreviewViewModel(studio, this.background, scene.storyId(), sceneId);
        prompt.set(preview);
        // the context meter waits until the window is up: assembling the context competes with the first frame
        dev.quire.ui.common.Startup.afterFirstFrame(preview::refresh);
    }

    /** The view tells where the text is read from; called once the control exists. */
    public void readTextFrom(Supplier<Prose> supplier) {
        this.text = supplier;
    }

    /** The view reports each text edit. */
    public void textChanged(int wordCount) {
        words.set(wordCount);
        changed();
    }

    @Override
    protected boolean canSave() {
        return loaded != null;
    }

    @Override
    protected Draft snapshot() {
        Scene base = loaded;
        Scene details = base.withDetails(title.get(), summary.get(), pov.get() == null ? null : pov.get().id(),
                List.copyOf(present), pinned.get());
        return new Draft(details, text.get());
    }

    @Override
    protected void save(Draft draft) {
        studio.database().transaction("save the scene \"" + draft.details().title() + "\"", () -> {
            if (!draft.prose().equals(lastSavedProse)) {
                studio.scenes().saveProse(sceneId, draft.prose());
            }
            if (!sameDetails(draft.details(), lastSavedDetails)) {
                studio.scenes().saveDetails(draft.details());
            }
            return null;
        });
        lastSavedProse = draft.prose();
        lastSavedDetails = draft.details();
        listener.sceneSaved(sceneId, draft.details().title(), draft.prose().wordCount());
        // what the next prompt would hold has changed with the text
        background.results().execute(() -> {
            if (prompt.get() != null) {
                prompt.get().refresh();
            }
        });
    }

    private static boolean sameDetails(Scene a, Scene b) {
        return a.title().equals(b.title()) && a.summary().equals(b.summary())
                && Objects.equals(a.povCharacterId(), b.povCharacterId())
                && a.characterIds().equals(b.characterIds()) && a.pinned() == b.pinned();
    }

    /** The scene's kept revisions, newest first, after saving what is unsaved (so "now" is among them). */
    public void revisions(Consumer<List<dev.quire.model.SceneRevision>> show) {
        flush();
        problem.set("");
        background.read(() -> studio.scenes().revisions(sceneId)).onSuccess(show)
                .onError(e -> problem.set(e.getMessage())).start();
    }

    /**
     * Puts a revision's text back: the current text is kept as a revision first, then the editor is
     * filled again from the library; {@code reload} receives the restored prose.
     */
    public void restore(dev.quire.model.SceneRevision revision, Consumer<Prose> reload) {
        flush();
        problem.set("");
        background.write(() -> {
            studio.scenes().restore(revision);
            return studio.scenes().get(sceneId).orElseThrow().prose();
        }).onSuccess(prose -> {
            lastSavedProse = prose;
            loading(() -> {
                reload.accept(prose);
                words.set(prose.wordCount());
            });
            // the binder, the story's count and the next prompt follow the restored text
            listener.sceneSaved(sceneId, title.get(), prose.wordCount());
            if (prompt.get() != null) {
                prompt.get().refresh();
            }
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /**
     * The scene's text was replaced in the library (an accepted composition): nothing is unsaved, and
     * {@code reload} receives the new prose for the editor.
     */
    public void replaced(Prose prose, Consumer<Prose> reload) {
        lastSavedProse = prose;
        loading(() -> {
            reload.accept(prose);
            words.set(prose.wordCount());
        });
        listener.sceneSaved(sceneId, title.get(), prose.wordCount());
        if (prompt.get() != null) {
            prompt.get().refresh();
        }
    }

    private final List<dev.quire.ui.common.AutosavingViewModel<?>> companions = new java.util.ArrayList<>();

    /** Another autosaving part of the scene's tab (its stitching pane), flushed and discarded with it. */
    public void companion(dev.quire.ui.common.AutosavingViewModel<?> other) {
        companions.add(other);
    }

    /** Queues a save of the scene's own unsaved edits on the writer thread, without its companions. */
    public void saveSceneSoon() {
        super.saveSoon();
    }

    @Override
    public void flush() {
        super.flush();
        companions.forEach(dev.quire.ui.common.AutosavingViewModel::flush);
    }

    @Override
    public void discard() {
        super.discard();
        companions.forEach(dev.quire.ui.common.AutosavingViewModel::discard);
    }

    /** The story the scene belongs to; known once it has loaded. */
    public long storyId() {
        return loaded.storyId();
    }

    /** The prompt the next request for this scene would send; set once the scene has loaded. */
    public javafx.beans.property.ReadOnlyObjectProperty<dev.quire.ui.prompt.PromptPreviewViewModel> promptProperty() {
        return prompt;
    }

    public long sceneId() {
        return sceneId;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    public BooleanProperty pinnedProperty() {
        return pinned;
    }

    public ObjectProperty<CharacterSheet> povProperty() {
        return pov;
    }

    public ObservableList<CharacterSheet> characters() {
        return characters;
    }

    /** Ids of the characters present in the scene. */
    public ObservableList<Long> present() {
        return present;
    }

    public IntegerProperty wordsProperty() {
        return words;
    }

    /** The model wrote a new summary for this scene: show it, without it counting as the writer's edit. */
    public void summaryReplaced(String newSummary) {
        loading(() -> summary.set(newSummary));
    }

    /** The scene's continuity check. */
    public ContinuityViewModel continuity() {
        return continuity;
    }

    /**
     * Set once the scene has loaded, when its stored provenance did not match its text and was repaired as it
     * loaded (said once per scene while the library is open); "" otherwise.
     */
    public StringProperty repairedProperty() {
        return repaired;
    }

    private dev.quire.ui.prose.KeptViewModel kept;

    /** What the writer keeps of this scene, by model; worked out on {@link dev.quire.ui.prose.KeptViewModel#refresh()}. */
    public dev.quire.ui.prose.KeptViewModel kept() {
        if (kept == null) {
            kept = dev.quire.ui.prose.KeptViewModel.scene(studio, background, sceneId);
        }
        return kept;
    }

    /** A passing word under the header: a passage kept as canon. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** Keeps the selected passage as a canon fact of the story, with this scene as its source. */
    public void addToCanon(String passage) {
        if (passage == null || passage.isBlank() || loaded == null) {
            return;
        }
        long storyId = loaded.storyId();
        background.write(() -> studio.canon().add(new dev.quire.model.CanonFact(0, storyId, passage.strip(),
                        dev.quire.model.CanonFact.Source.SCENE, sceneId, null)))
                .onSuccess(fact -> notice.set("Added to the canon: “" + (fact.text().length() > 80
                        ? fact.text().substring(0, 80) + "…" : fact.text()) + "”"))
                .onError(e -> problem.set(e.getMessage()))
                .start();
    }

    public StringProperty problemProperty() {
        return problem;
    }
}
