package dev.quire.ui.spell;

import dev.quire.spell.Speller;
import dev.quire.studio.Studio;
import dev.quire.ui.common.Background;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A story's spell check settings: its language (en-US unless chosen; en-GB and any language whose LanguageTool
 * module is installed), and whether grammar and style points show too (a library setting, off by default). A change
 * is saved at once, and every open text is checked again.
 */
public final class SpellSettingsViewModel {

    private record Loaded(String language, boolean grammar, Map<String, String> languages) {
    }

    private final Studio studio;
    private final Background background;
    private final long storyId;
    private final StringProperty language = new SimpleStringProperty(this, "language", Speller.DEFAULT_LANGUAGE);
    private final BooleanProperty grammar = new SimpleBooleanProperty(this, "grammar");
    private final ObservableList<String> languages = FXCollections.observableArrayList();
    private final Map<String, String> names = new LinkedHashMap<>();
    private boolean loaded;

    public SpellSettingsViewModel(Studio studio, Background background, long storyId) {
        this.studio = studio;
        this.background = background;
        this.storyId = storyId;
        language.addListener((o, was, now) -> {
            if (loaded && now != null && !now.equals(was)) {
                save(() -> studio.spelling().setLanguage(storyId, now), "Quire could not change the story's language");
            }
        });
        grammar.addListener((o, was, now) -> {
            if (loaded) {
                save(() -> studio.spelling().setGrammar(now), "Quire could not change the grammar setting");
            }
        });
    }

    /** Reads the settings and the installed languages, off the FX thread. */
    public void load() {
        background.read(() -> {
            Map<String, String> all = new LinkedHashMap<>();
            for (String code : Speller.languages()) {
                all.put(code, Speller.displayName(code));
            }
            return new Loaded(studio.spelling().language(storyId), studio.spelling().grammar(), all);
        }).onSuccess(l -> {
            loaded = false;
            names.clear();
            names.putAll(l.languages());
            languages.setAll(l.languages().keySet());
            language.set(l.language());
            grammar.set(l.grammar());
            loaded = true;
        }).describedAs("Quire could not read the spell check settings").start();
    }

    private void save(Runnable job, String failed) {
        background.write(job).onSuccess(v -> SpellWatch.settingsChanged()).describedAs(failed).start();
    }

    public StringProperty languageProperty() {
        return language;
    }

    public BooleanProperty grammarProperty() {
        return grammar;
    }

    /** The installed languages' codes. */
    public ObservableList<String> languages() {
        return languages;
    }

    /** "English (GB)" for "en-GB". */
    public String name(String code) {
        return names.getOrDefault(code, code);
    }
}
