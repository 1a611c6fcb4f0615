package dev.quire.ui.sheets;

import dev.quire.model.LoreEntry;
import dev.quire.studio.Studio;
import dev.quire.studio.lorebooks.Lorebooks;
import dev.quire.ui.common.Background;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;
import java.util.function.Consumer;

/**
 * A lorebook read from a file, before anything is written: the writer picks the names {@code {{char}}} and
 * {@code {{user}}} stand for and sees every entry as it will be added, then adds them all in one transaction.
 */
public final class LorebookPreviewViewModel {

    private final Studio studio;
    private final Background background;
    private final Lorebooks.Book book;
    private final long storyId;
    private final StringProperty characterName = new SimpleStringProperty(this, "characterName", "");
    private final StringProperty userName = new SimpleStringProperty(this, "userName", "");
    private final ObservableList<LoreEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final StringProperty warnings = new SimpleStringProperty(this, "warnings", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final List<LoreEntry> existing;
    private Lorebooks.Preview preview;

    public LorebookPreviewViewModel(Studio studio, Background background, Lorebooks.Book book, long storyId,
                                    List<String> characterNames, String writersCharacter, List<LoreEntry> existing) {
        this.studio = studio;
        this.background = background;
        this.book = book;
        this.storyId = storyId;
        this.existing = List.copyOf(existing);
        names.setAll(characterNames);
        if (book.mentionsUser() && writersCharacter != null) {
            userName.set(writersCharacter);
        }
        characterName.addListener((o, was, now) -> refresh());
        userName.addListener((o, was, now) -> refresh());
        refresh();
    }

    private void refresh() {
        preview = Lorebooks.preview(book, storyId, new Lorebooks.Names(characterName.get(), userName.get()),
                existing);
        entries.setAll(preview.entries());
        warnings.set(String.join("\n", preview.warnings()));
    }

    public void commit(Consumer<List<LoreEntry>> done) {
        Lorebooks.Preview chosen = preview;
        background.write(() -> Lorebooks.importInto(studio, chosen))
                .onSuccess(done::accept)
                .onError(e -> problem.set(e.getMessage()))
                .start();
    }

    public String summary() {
        int n = book.entries().size();
        return book.format().label() + ": " + n + (n == 1 ? " entry" : " entries");
    }

    public boolean asksForChar() {
        return book.mentionsChar();
    }

    public boolean asksForUser() {
        return book.mentionsUser();
    }

    public ObservableList<LoreEntry> entries() {
        return entries;
    }

    public ObservableList<String> characterNames() {
        return names;
    }

    public StringProperty characterNameProperty() {
        return characterName;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public ReadOnlyStringProperty warningsProperty() {
        return warnings;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
