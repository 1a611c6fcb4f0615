package dev.quire.ui.sheets;

import dev.quire.model.LoreEntry;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.function.BiConsumer;

/** A lore entry being edited. */
public final class LoreEntryViewModel extends AutosavingViewModel<LoreEntry> {

    private final Studio studio;
    private final LoreEntry loaded;
    private final BiConsumer<Long, String> renamed;
    private final StringProperty title = new SimpleStringProperty(this, "title", "");
    private final StringProperty keywords = new SimpleStringProperty(this, "keywords", "");
    private final StringProperty content = new SimpleStringProperty(this, "content", "");
    private final BooleanProperty alwaysOn = new SimpleBooleanProperty(this, "alwaysOn");
    private final BooleanProperty enabled = new SimpleBooleanProperty(this, "enabled", true);

    public LoreEntryViewModel(Studio studio, Background background, SaveStatus status, LoreEntry entry,
                              BiConsumer<Long, String> renamed) {
        super(background, status);
        this.studio = studio;
        this.loaded = entry;
        this.renamed = renamed;
        loading(() -> {
            title.set(entry.title());
            keywords.set(String.join(", ", entry.keywords()));
            content.set(entry.content());
            alwaysOn.set(entry.alwaysOn());
            enabled.set(entry.enabled());
        });
        title.addListener((o, a, b) -> changed());
        keywords.addListener((o, a, b) -> changed());
        content.addListener((o, a, b) -> changed());
        alwaysOn.addListener((o, a, b) -> changed());
        enabled.addListener((o, a, b) -> changed());
    }

    @Override
    protected LoreEntry snapshot() {
        return loaded.with(title.get().strip(), Form.list(keywords.get()), content.get(), alwaysOn.get(),
                enabled.get());
    }

    @Override
    protected void save(LoreEntry value) {
        studio.lore().update(value);
        renamed.accept(value.id(), value.title());
    }

    public long entryId() {
        return loaded.id();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty keywordsProperty() {
        return keywords;
    }

    public StringProperty contentProperty() {
        return content;
    }

    public BooleanProperty alwaysOnProperty() {
        return alwaysOn;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }
}
