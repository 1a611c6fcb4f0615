package dev.quire.ui.sheets;

import dev.quire.model.LoreEntry;
import dev.quire.studio.Studio;
import dev.quire.ui.common.AutosavingViewModel;
import dev.quire.ui.common.Background;
import dev.quire.ui.common.SaveStatus;
import dev.quire.prompt.LoreKeys;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.ArrayList;
import java.util.List;
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
    private final StringProperty secondaryKeywords = new SimpleStringProperty(this, "secondaryKeywords", "");
    private final ObjectProperty<LoreEntry.SecondaryLogic> secondaryLogic = new SimpleObjectProperty<>(this,
            "secondaryLogic", LoreEntry.SecondaryLogic.AND_ANY);
    private final IntegerProperty priority = new SimpleIntegerProperty(this, "priority");
    private final IntegerProperty scanDepth = new SimpleIntegerProperty(this, "scanDepth");
    private final StringProperty keyProblem = new SimpleStringProperty(this, "keyProblem", "");

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
            secondaryKeywords.set(String.join(", ", entry.secondaryKeywords()));
            secondaryLogic.set(entry.secondaryLogic());
            priority.set(entry.priority());
            scanDepth.set(entry.scanDepth());
        });
        checkKeys();
        title.addListener((o, a, b) -> changed());
        keywords.addListener((o, a, b) -> changed());
        content.addListener((o, a, b) -> changed());
        alwaysOn.addListener((o, a, b) -> changed());
        enabled.addListener((o, a, b) -> changed());
        secondaryKeywords.addListener((o, a, b) -> changed());
        secondaryLogic.addListener((o, a, b) -> changed());
        priority.addListener((o, a, b) -> changed());
        scanDepth.addListener((o, a, b) -> changed());
        keywords.addListener((o, a, b) -> checkKeys());
        secondaryKeywords.addListener((o, a, b) -> checkKeys());
    }

    private void checkKeys() {
        keyProblem.set(LoreKeys.problem(snapshot()).orElse(""));
    }

    /**
     * Keywords separated by commas; a key written {@code /pattern/flags} is kept whole, commas and all
     * ({@code /a{1,3}/}).
     */
    static List<String> keys(String text) {
        List<String> out = new ArrayList<>();
        String pending = null;
        for (String piece : text.split(",", -1)) {
            String key = pending == null ? piece.strip() : pending + "," + piece;
            if (key.startsWith("/") && !LoreKeys.isPattern(key.strip())) {
                pending = key; // a comma inside a pattern: the key goes on
                continue;
            }
            pending = null;
            if (!key.isBlank()) {
                out.add(key.strip());
            }
        }
        if (pending != null && !pending.isBlank()) {
            out.add(pending.strip()); // an unfinished pattern, kept so its problem is shown
        }
        return out;
    }

    @Override
    protected LoreEntry snapshot() {
        return loaded.with(title.get().strip(), keys(keywords.get()), content.get(), alwaysOn.get(),
                enabled.get()).withKeys(keys(secondaryKeywords.get()), secondaryLogic.get(), priority.get(),
                Math.max(0, scanDepth.get()));
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

    public StringProperty secondaryKeywordsProperty() {
        return secondaryKeywords;
    }

    public ObjectProperty<LoreEntry.SecondaryLogic> secondaryLogicProperty() {
        return secondaryLogic;
    }

    public IntegerProperty priorityProperty() {
        return priority;
    }

    public IntegerProperty scanDepthProperty() {
        return scanDepth;
    }

    /** Why a key cannot be used (an invalid pattern), or empty. */
    public ReadOnlyStringProperty keyProblemProperty() {
        return keyProblem;
    }
}
