package dev.quire.ui.sheets;

import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The story bible and the writer's notes. One instance per open story serves both tabs, so neither overwrites the other. */
public final class StoryViewModel extends AutosavingViewModel<Story> {

    private final Studio studio;
    private Story story;

    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty premise = new SimpleStringProperty(this, "premise", "");
    private final StringProperty styleGuide = new SimpleStringProperty(this, "styleGuide", "");
    private final StringProperty aboutWriter = new SimpleStringProperty(this, "aboutWriter", "");
    private final StringProperty avoidList = new SimpleStringProperty(this, "avoidList", "");
    private final StringProperty notes = new SimpleStringProperty(this, "notes", "");
    /** The story's own provider profile; empty means the library's default. */
    private final StringProperty provider = new SimpleStringProperty(this, "provider", "");
    private final javafx.collections.ObservableList<String> providerNames =
            javafx.collections.FXCollections.observableArrayList();
    private final StringProperty defaultProvider = new SimpleStringProperty(this, "defaultProvider", "");
    private final Background background;
    private final SaveStatus status;
    private StoryMetadataViewModel metadata;

    public StoryViewModel(Studio studio, Background background, SaveStatus status, Story story) {
        super(background, status);
        this.studio = studio;
        this.story = story;
        this.background = background;
        this.status = status;
        loading(() -> {
            title.set(story.title());
            premise.set(story.premise());
            styleGuide.set(story.styleGuide());
            aboutWriter.set(story.aboutWriter());
            avoidList.set(String.join("\n", story.avoidList()));
            notes.set(story.notes());
        });
        for (StringProperty p : new StringProperty[] {premise, styleGuide, aboutWriter, avoidList, notes}) {
            p.addListener((o, a, b) -> changed());
        }
    }

    private dev.quire.ui.prose.KeptViewModel kept;

    /** The author, pen name and contact block, read when first asked for and saved with the bible. */
    public StoryMetadataViewModel metadata() {
        if (metadata == null) {
            metadata = new StoryMetadataViewModel(studio, background, status, story.id());
        }
        return metadata;
    }

    @Override
    public void flush() {
        super.flush();
        if (metadata != null) {
            metadata.flush();
        }
    }

    @Override
    public void saveSoon() {
        super.saveSoon();
        if (metadata != null) {
            metadata.saveSoon();
        }
    }

    @Override
    public boolean hasUnsavedChanges() {
        return super.hasUnsavedChanges() || metadata != null && metadata.hasUnsavedChanges();
    }

    @Override
    public void discard() {
        super.discard();
        if (metadata != null) {
            metadata.discard();
        }
    }

    /** What the writer keeps of the story, by model; worked out on {@link dev.quire.ui.prose.KeptViewModel#refresh()}. */
    public dev.quire.ui.prose.KeptViewModel kept() {
        if (kept == null) {
            kept = dev.quire.ui.prose.KeptViewModel.story(studio, background, story.id());
        }
        return kept;
    }

    private record Providers(java.util.List<String> names, String storyChoice, String libraryDefault,
                             Integer verbatimCap) {
    }

    private final StringProperty verbatimCap = new SimpleStringProperty(this, "verbatimCap", "");
    private final StringProperty verbatimProblem = new SimpleStringProperty(this, "verbatimProblem", "");

    /** The most words of earlier scenes sent verbatim, as the writer types it; empty for no cap. */
    public StringProperty verbatimCapProperty() {
        return verbatimCap;
    }

    /** Why the typed cap was not kept, if it was not. */
    public StringProperty verbatimProblemProperty() {
        return verbatimProblem;
    }

    /** Keeps the typed cap (blank removes it); a number is needed, 0 or more. */
    public void saveVerbatimCap() {
        String typed = verbatimCap.get() == null ? "" : verbatimCap.get().replace(",", "").strip();
        Integer words;
        try {
            words = typed.isEmpty() ? null : Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            verbatimProblem.set("Type a number of words, such as 3000, or leave it empty for no cap.");
            return;
        }
        long id = story.id();
        background.write(() -> studio.prompts().setVerbatimCap(id, words))
                .onSuccess(x -> verbatimProblem.set(""))
                .onError(e -> verbatimProblem.set(e.getMessage()))
                .start();
    }

    /** Loads the provider choices; the story's choice is saved as soon as it changes. */
    public void loadProviders() {
        var settings = studio.providers();
        long id = story.id();
        background.read(() -> new Providers(settings.profiles().stream().map(p -> p.name()).toList(),
                        settings.storyProfileName(id).orElse(""), settings.defaultProfileName().orElse(""),
                        studio.prompts().verbatimCap(id).orElse(null)))
                .onSuccess(p -> {
                    providerNames.setAll(p.names());
                    defaultProvider.set(p.libraryDefault());
                    provider.set(p.storyChoice());
                    verbatimCap.set(p.verbatimCap() == null ? "" : p.verbatimCap().toString());
                    provider.addListener((o, was, now) -> background.write(() -> {
                        settings.setStoryProfile(id, now);
                        return null;
                    }).describedAs("Quire could not keep the story's provider").start());
                })
                .describedAs("Quire could not read the providers")
                .start();
    }

    public StringProperty providerProperty() {
        return provider;
    }

    public javafx.collections.ObservableList<String> providerNames() {
        return providerNames;
    }

    public StringProperty defaultProviderProperty() {
        return defaultProvider;
    }

    private final javafx.collections.ObservableList<dev.quire.model.Note> clues =
            javafx.collections.FXCollections.observableArrayList();

    /** "Yes, and" notes: surprises and inconsistencies kept as possible clues, each shared with the model or not. */
    public javafx.collections.ObservableList<dev.quire.model.Note> clues() {
        return clues;
    }

    public void loadClues() {
        long id = story.id();
        background.read(() -> studio.threads().notes(id)).onSuccess(clues::setAll)
                .describedAs("Quire could not read the “yes, and” notes").start();
    }

    public void addClue(String text, boolean shared, String sourceKind, Long sourceId) {
        long id = story.id();
        background.write(() -> studio.threads().addNote(id, text, shared, sourceKind, sourceId))
                .onSuccess(n -> loadClues()).describedAs("Quire could not keep the note").start();
    }

    public void share(dev.quire.model.Note note, boolean shared) {
        background.write(() -> {
            studio.threads().setShared(note.id(), shared);
            return null;
        }).onSuccess(x -> loadClues()).describedAs("Quire could not change who sees the note").start();
    }

    public void deleteClue(dev.quire.model.Note note) {
        background.write(() -> {
            studio.threads().deleteNote(note.id());
            return null;
        }).onSuccess(x -> loadClues()).describedAs("Quire could not remove the note").start();
    }

    /** The notes changed in the library (a passage pinned from a conversation): show them, without it counting as an edit. */
    public void notesChanged(String newNotes) {
        story = story.withNotes(newNotes);
        loading(() -> notes.set(newNotes));
    }

    /** The title is changed from the library (rename); keep it so saves do not undo a rename. */
    public void renamed(String newTitle) {
        title.set(newTitle);
        story = story.withTitle(newTitle);
    }

    @Override
    protected Story snapshot() {
        return story.withTitle(title.get()).withBible(premise.get(), styleGuide.get(), aboutWriter.get(),
                Form.lines(avoidList.get())).withNotes(notes.get());
    }

    @Override
    protected void save(Story value) {
        studio.stories().update(value);
    }

    public long storyId() {
        return story.id();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty premiseProperty() {
        return premise;
    }

    public StringProperty styleGuideProperty() {
        return styleGuide;
    }

    public StringProperty aboutWriterProperty() {
        return aboutWriter;
    }

    public StringProperty avoidListProperty() {
        return avoidList;
    }

    public StringProperty notesProperty() {
        return notes;
    }
}
