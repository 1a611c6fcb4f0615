package dev.quire.ui.library;

import dev.quire.studio.Studio;
import dev.quire.studio.manuscript.DraftScene;
import dev.quire.studio.manuscript.Manuscript;
import dev.quire.studio.manuscript.ManuscriptImport;
import dev.quire.ui.common.Background;
import dev.quire.studio.manuscript.ImportOptions;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A manuscript read from a file, before anything is written: the writer merges, splits, renames
 * or drops scenes, then imports the result as a new story in one transaction.
 */
public final class ImportPreviewViewModel {

    private final Studio studio;
    private final Background background;
    private final ObjectProperty<Manuscript> manuscript = new SimpleObjectProperty<>(this, "manuscript");
    private final ObservableList<DraftScene> scenes = FXCollections.observableArrayList();
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty summary = new SimpleStringProperty(this, "summary", "");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final StringProperty report = new SimpleStringProperty(this, "report", "");
    private final StringProperty warnings = new SimpleStringProperty(this, "warnings", "");
    private final StringProperty author = new SimpleStringProperty(this, "author", "");

    private final BooleanProperty pageBreaksSplitScenes = new SimpleBooleanProperty(this, "pageBreaksSplitScenes");
    private final Function<ImportOptions, Manuscript> reread;

    public ImportPreviewViewModel(Studio studio, Background background, Manuscript read) {
        this(studio, background, read, null);
    }

    /**
     * @param reread reads the file again with other options (a Word document's page breaks as scene breaks), or
     *               null when the file leaves no such choice
     */
    public ImportPreviewViewModel(Studio studio, Background background, Manuscript read,
                                  Function<ImportOptions, Manuscript> reread) {
        this.studio = studio;
        this.background = background;
        this.reread = reread;
        manuscript.addListener((o, was, now) -> {
            scenes.setAll(now.scenes());
            summary.set(now.scenes().size() + (now.scenes().size() == 1 ? " scene, " : " scenes, ")
                    + String.format("%,d", now.words()) + " words");
            // what reading the file did, so nothing in it changes without the writer seeing it
            String done = now.report().summary();
            report.set(done.isEmpty() ? "" : "From the file: " + done + ".");
            warnings.set(String.join("\n", now.report().warnings()));
            author.set(now.author());
        });
        manuscript.set(read);
        title.set(read.title());
        pageBreaksSplitScenes.addListener((o, was, now) -> {
            if (reread != null) {
                background.read(() -> reread.apply(new ImportOptions(now)))
                        .onSuccess(manuscript::set)
                        .onError(e -> problem.set(e.getMessage()))
                        .start();
            }
        });
    }

    /** Whether the file can be read again with its page breaks as scene breaks (a Word document). */
    public boolean offersPageBreaks() {
        return reread != null;
    }

    /** On: the file is read again, each page break starting a new scene; the split starts over. */
    public BooleanProperty pageBreaksSplitScenesProperty() {
        return pageBreaksSplitScenes;
    }

    public void mergeWithNext(int index) {
        if (index >= 0 && index + 1 < scenes.size()) {
            manuscript.set(manuscript.get().mergeWithNext(index));
        }
    }

    /** Splits scene {@code index} so that paragraph {@code paragraph} (from 0) starts a new scene. */
    public void split(int index, int paragraph) {
        if (index >= 0 && index < scenes.size() && paragraph > 0 && paragraph < scenes.get(index).paragraphCount()) {
            manuscript.set(manuscript.get().split(index, paragraph));
        }
    }

    public void rename(int index, String newTitle) {
        if (index >= 0 && index < scenes.size()) {
            manuscript.set(manuscript.get().rename(index, newTitle));
        }
    }

    public void remove(int index) {
        if (index >= 0 && index < scenes.size() && scenes.size() > 1) {
            manuscript.set(manuscript.get().remove(index));
        }
    }

    /** Writes the story and its scenes; {@code open} receives the new story's id. */
    public void commit(Consumer<Long> open) {
        Manuscript m = manuscript.get().withTitle(title.get().isBlank() ? manuscript.get().title() : title.get());
        background.write(() -> ManuscriptImport.commit(studio, m, m.title()))
                .onSuccess(story -> open.accept(story.id()))
                .onError(e -> problem.set(e.getMessage()))
                .start();
    }

    public ObservableList<DraftScene> scenes() {
        return scenes;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary;
    }

    /** "From the file: 2 tracked changes accepted, 1 text box read.", or "" when the import only copied text. */
    public ReadOnlyStringProperty reportProperty() {
        return report;
    }

    /** What the writer should check (unresolved tracked changes, comments left out, notes), one to a line. */
    public ReadOnlyStringProperty warningsProperty() {
        return warnings;
    }

    /** The author the file names, or "". */
    public ReadOnlyStringProperty authorProperty() {
        return author;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem;
    }
}
