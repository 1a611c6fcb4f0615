package dev.quire.ui.sheets;

import dev.quire.model.CanonFact;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A story's canon: the facts the writer has established. Each goes into every scene prompt, in the cache-stable part,
 * and is never trimmed; each keeps where it came from.
 */
public final class CanonViewModel {

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final ObservableList<CanonFact> facts = FXCollections.observableArrayList();
    private final StringProperty draft = new SimpleStringProperty(this, "draft", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");

    public CanonViewModel(Studio studio, Background background, long storyId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
    }

    public void reload() {
        background.read(() -> studio.canon().list(storyId)).onSuccess(facts::setAll)
                .onError(e -> problem.set(e.getMessage())).start();
    }

    /** Adds the draft as a fact the writer established; a blank draft adds nothing. */
    public void add() {
        String text = draft.get() == null ? "" : draft.get().strip();
        if (text.isEmpty()) {
            problem.set("Write the fact first: what is true in the story, in a sentence.");
            return;
        }
        background.write(() -> studio.canon().add(CanonFact.byWriter(storyId, text)))
                .onSuccess(fact -> {
                    facts.add(fact);
                    draft.set("");
                    problem.set("");
                })
                .onError(e -> problem.set(e.getMessage())).start();
    }

    public void remove(CanonFact fact) {
        facts.remove(fact);
        background.write(() -> studio.canon().remove(fact.id()))
                .onError(e -> {
                    problem.set(e.getMessage());
                    reload();
                }).start();
    }

    /** Where a fact came from, in the writer's words. */
    public static String source(CanonFact fact) {
        return switch (fact.source()) {
            case WRITER -> "written by you";
            case SCENE -> "from a scene";
            case MESSAGE -> "pinned from a conversation";
        };
    }

    public long storyId() {
        return storyId;
    }

    public ObservableList<CanonFact> facts() {
        return facts;
    }

    public StringProperty draftProperty() {
        return draft;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
