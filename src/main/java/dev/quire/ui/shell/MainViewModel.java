package dev.quire.ui.shell;

import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.ui.binder.BinderViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import dev.quire.ui.editor.SceneEditorViewModel;
import dev.quire.ui.library.LibraryViewModel;
import dev.quire.ui.sheets.StoryViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The window's state: which story is open (or the library page), the theme, and where saves stand. */
public final class MainViewModel {

    static final String THEME_KEY = "ui.theme";
    static final String LAST_STORY_KEY = "ui.last-story";

    /**
     * An open story: its binder and its bible/notes model, made together, and the scene to resume (null for none),
     * with that scene as read already when the story was opened at start-up (null otherwise).
     */
    public record OpenStory(Story story, BinderViewModel binder, StoryViewModel bible, Long resumeScene,
                            SceneEditorViewModel.Loaded resumeRead) {
    }

    /**
     * The story to reopen at start-up, read beside the toolkit's start with the library: the story, what its binder
     * lists, and the scene to resume as its editor opens it (null when the story has no scenes).
     */
    public record Resume(Story story, BinderViewModel.Contents binder, SceneEditorViewModel.Loaded scene) {
    }

    private record Opening(Story story, Long resumeScene) {
    }

    private final Studio studio;
    private final Background background;
    private final SaveStatus saveStatus;
    private final LibraryViewModel library;
    private final ObjectProperty<OpenStory> openStory = new SimpleObjectProperty<>(this, "openStory");
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    /** A passing word in the status bar: an export done, a restore done. */
    private final StringProperty notice = new SimpleStringProperty(this, "notice", "");
    /** What the notice offers to do about it ("Undo"), null for nothing; it goes when the notice changes. */
    private final ObjectProperty<NoticeAction> noticeAction = new SimpleObjectProperty<>(this, "noticeAction");

    /** A button beside the notice: its label and what it does. */
    public record NoticeAction(String label, Runnable run) {
    }
    private final Activity activity = new Activity();
    private final dev.quire.ui.common.LayoutMemory layout;
    private final BooleanProperty providersShown = new SimpleBooleanProperty(this, "providersShown");

    public MainViewModel(Studio studio, Background background) {
        this.studio = studio;
        this.background = background;
        this.saveStatus = new SaveStatus(background.results());
        this.library = new LibraryViewModel(studio, background);
        notice.addListener((o, was, now) -> noticeAction.set(null));
        this.layout = new dev.quire.ui.common.LayoutMemory(studio.settings(), background);
        dark.set(studio.settings().get(THEME_KEY).map("dark"::equals).orElse(false));
        dark.addListener((o, was, isDark) -> background.write(() -> {
            studio.settings().put(THEME_KEY, isDark ? "dark" : "light");
            return null;
        }).describedAs("Quire could not remember the theme").start());
    }

    /** The story to open at start-up: the last one open, else the most recent. */
    public java.util.Optional<Long> storyToResume() {
        return storyToResume(studio);
    }

    private static java.util.Optional<Long> storyToResume(Studio studio) {
        java.util.Optional<Long> last = studio.settings().get(LAST_STORY_KEY).flatMap(v -> {
            try {
                return java.util.Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).filter(id -> studio.stories().get(id).isPresent());
        return last.isPresent() ? last : studio.stories().list().stream().findFirst().map(s -> s.id());
    }

    /**
     * Reads what start-up shows, so the window is built whole before its first frame: the story to resume, its
     * binder and its scene. Empty when there is no story to resume. Reads the library, so off the FX thread.
     */
    public static java.util.Optional<Resume> readResume(Studio studio) {
        return storyToResume(studio).flatMap(id -> studio.stories().get(id)).map(story -> {
            Long scene = sceneToResume(studio, story.id()).orElse(null);
            return new Resume(story, BinderViewModel.read(studio, story.id()),
                    scene == null ? null : SceneEditorViewModel.read(studio, scene).orElse(null));
        });
    }

    /** Opens the story read already at start-up, at once. */
    public void open(Resume resume) {
        Story story = resume.story();
        BinderViewModel binder = new BinderViewModel(studio, background, story.id());
        binder.show(resume.binder());
        SceneEditorViewModel.Loaded scene = resume.scene();
        openStory.set(new OpenStory(story, binder, new StoryViewModel(studio, background, saveStatus, story),
                scene == null ? null : scene.scene().id(), scene));
        rememberStory(story.id());
    }

    private void rememberStory(long storyId) {
        background.write(() -> {
            studio.settings().put(LAST_STORY_KEY, Long.toString(storyId));
            return null;
        }).describedAs("Quire could not remember the open story").start();
    }

    public void open(long storyId) {
        background.read(() -> studio.stories().get(storyId)
                        .map(story -> new Opening(story, sceneToResume(storyId).orElse(null))))
                .onSuccess(found -> {
            if (found.isEmpty()) {
                problem.set("That story is no longer in the library.");
                library.reload();
                return;
            }
            Story story = found.get().story();
            BinderViewModel binder = new BinderViewModel(studio, background, story.id());
            binder.reload();
            openStory.set(new OpenStory(story, binder, new StoryViewModel(studio, background, saveStatus, story),
                    found.get().resumeScene(), null));
            rememberStory(story.id());
        }).onError(e -> problem.set(e.getMessage())).start();
    }

    /** Remembers the scene the writer is in, so reopening the story returns to it. */
    public void rememberScene(long storyId, long sceneId) {
        background.write(() -> {
            studio.settings().put("ui.last-scene." + storyId, Long.toString(sceneId));
            return null;
        }).describedAs("Quire could not remember the open scene").start();
    }

    /** The scene to show when a story opens: the one last worked on, else the first. Reads the library. */
    java.util.Optional<Long> sceneToResume(long storyId) {
        return sceneToResume(studio, storyId);
    }

    private static java.util.Optional<Long> sceneToResume(Studio studio, long storyId) {
        java.util.Optional<Long> last = studio.settings().get("ui.last-scene." + storyId).flatMap(v -> {
            try {
                return java.util.Optional.of(Long.parseLong(v));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        }).filter(id -> studio.scenes().get(id).map(scene -> scene.storyId() == storyId).orElse(false));
        return last.isPresent() ? last
                : studio.scenes().headers(storyId).stream().findFirst().map(dev.quire.model.SceneHeader::id);
    }

    /** Back to the library page; the caller has flushed the open editors. */
    public void showLibrary() {
        OpenStory current = openStory.get();
        if (current != null) {
            current.bible().flush();
        }
        openStory.set(null);
        library.reload();
    }

    public Studio studio() {
        return studio;
    }

    public Background background() {
        return background;
    }

    public SaveStatus saveStatus() {
        return saveStatus;
    }

    public LibraryViewModel library() {
        return library;
    }

    public ObjectProperty<OpenStory> openStoryProperty() {
        return openStory;
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public StringProperty noticeProperty() {
        return notice;
    }

    /** The notice's action, offered until another notice replaces it. */
    public ObjectProperty<NoticeAction> noticeActionProperty() {
        return noticeAction;
    }

    /** A passing word with something to do about it: "Replaced the scene's 443 words." and Undo. */
    public void notice(String text, NoticeAction action) {
        noticeAction.set(null);
        notice.set(text);
        noticeAction.set(action);
    }

    /** Long work the window is doing for the writer, with its progress and a way to stop it. */
    public Activity activity() {
        return activity;
    }

    /**
     * Whether the Providers page is up; setting it opens or closes the page, and a scene's generate panel reads
     * the profiles again when it closes.
     */
    public BooleanProperty providersShownProperty() {
        return providersShown;
    }

    /** How the writer left the window: its place, the dividers, provenance colours. */
    public dev.quire.ui.common.LayoutMemory layout() {
        return layout;
    }

    public StringProperty problemProperty() {
        return problem;
    }
}
