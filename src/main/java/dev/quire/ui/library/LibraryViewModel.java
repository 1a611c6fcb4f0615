package dev.quire.ui.library;

import dev.quire.model.Story;
import dev.quire.model.StorySummary;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;

/** The stories in the library: create, rename, delete, open. */
public final class LibraryViewModel {

    private final Studio studio;
    private final Background background;
    private final ObservableList<StorySummary> stories = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty(this, "message", "");

    public LibraryViewModel(Studio studio, Background background) {
        this.studio = studio;
        this.background = background;
    }

    public void reload() {
        background.read(() -> studio.stories().list()).onSuccess(stories::setAll).onError(this::report).start();
    }

    public void create(String title, Consumer<Long> open) {
        message.set("");
        String t = title == null || title.isBlank() ? "Untitled story" : title.strip();
        background.write(() -> studio.stories().create(Story.titled(t))).onSuccess(story -> {
            reload();
            open.accept(story.id());
        }).onError(this::report).start();
    }

    public void rename(long id, String title, Runnable done) {
        if (title == null || title.isBlank()) {
            message.set("A story needs a title; the old one was kept.");
            return;
        }
        background.write(() -> {
            studio.stories().rename(id, title.strip());
            return null;
        }).onSuccess(x -> {
            reload();
            done.run();
        }).onError(this::report).start();
    }

    public void delete(StorySummary story, Runnable done) {
        background.write(() -> studio.deleteStory(story.id())).onSuccess(backup -> {
            message.set("Deleted \"" + story.title() + "\". A copy of the library from just before is in "
                    + backup.getParent() + ".");
            reload();
            done.run();
        }).onError(this::report).start();
    }

    private void report(RuntimeException e) {
        message.set(e.getMessage());
    }

    public ObservableList<StorySummary> stories() {
        return stories;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message;
    }
}
