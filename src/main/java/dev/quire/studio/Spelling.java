package dev.quire.studio;

import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.spell.KnownWords;
import dev.quire.spell.SpellChecks;
import dev.quire.spell.SpellFinding;
import dev.quire.spell.Speller;
import dev.quire.store.DictionaryRepository;
import dev.quire.store.PersistenceException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Spell check over the library: a story's language and known words (its names and lore, its dictionary, the
 * writer's personal dictionary in the config folder), grammar on or off, and one {@link Speller} per language,
 * loaded the first time a text in it is checked and kept for the process's lifetime.
 */
public final class Spelling {

    /** The library setting that turns LanguageTool's grammar and style rules on. */
    static final String GRAMMAR = "spell.grammar";
    /** The personal dictionary in the config folder: one word a line, for every story and library. */
    public static final String PERSONAL_FILE = "dictionary.txt";

    private final Studio studio;
    private final DictionaryRepository dictionary;
    private final Path personal;
    /** One per language for the process: a language's dictionaries are the same whichever library is open. */
    private static final Map<String, Speller> SPELLERS = new ConcurrentHashMap<>();

    Spelling(Studio studio, DictionaryRepository dictionary, Path configDir) {
        this.studio = studio;
        this.dictionary = dictionary;
        this.personal = configDir.resolve(PERSONAL_FILE);
    }

    /** The language's speller, loaded now when it was not yet (slow: never on the FX thread). */
    public Speller speller(String language) {
        return SPELLERS.computeIfAbsent(language, Speller::load);
    }

    /** The story's language: the writer's choice, else {@value Speller#DEFAULT_LANGUAGE}. */
    public String language(long story) {
        return dictionary.language(story).orElse(Speller.DEFAULT_LANGUAGE);
    }

    public void setLanguage(long story, String language) {
        if (!Speller.languages().contains(language)) {
            throw new IllegalArgumentException("No spell checker for “" + language + "” is installed; available: "
                    + String.join(", ", Speller.languages()));
        }
        dictionary.setLanguage(story, language);
    }

    /** Whether grammar and style points are found besides misspellings (off unless the writer turned it on). */
    public boolean grammar() {
        return studio.settings().get(GRAMMAR).map(Boolean::parseBoolean).orElse(false);
    }

    public void setGrammar(boolean on) {
        studio.settings().put(GRAMMAR, Boolean.toString(on));
    }

    /** Everything the story counts as spelled right. */
    public KnownWords known(long story) {
        List<String> entries = new ArrayList<>();
        for (CharacterSheet c : studio.characters().list(story)) {
            entries.add(c.name());
            entries.addAll(c.aliases());
        }
        for (LoreEntry l : studio.lore().list(story)) {
            entries.add(l.title());
            entries.addAll(l.keywords());
        }
        entries.addAll(dictionary.words(story));
        entries.addAll(personalWords());
        return KnownWords.of(entries);
    }

    /** The writer's own additions to the story's dictionary. */
    public List<String> storyWords(long story) {
        return dictionary.words(story);
    }

    public void addToStory(long story, String word) {
        String w = word.strip();
        if (!w.isEmpty()) {
            dictionary.add(story, w);
        }
    }

    public void removeFromStory(long story, String word) {
        dictionary.remove(story, word);
    }

    /** The personal dictionary's words; none when it does not exist yet. */
    public List<String> personalWords() {
        if (!Files.exists(personal)) {
            return List.of();
        }
        try {
            return Files.readAllLines(personal, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
        } catch (IOException e) {
            throw new PersistenceException("Could not read the personal dictionary " + personal + ": "
                    + e.getMessage(), e);
        }
    }

    /** Adds a word to the personal dictionary, which every story knows; the file is replaced whole, never torn. */
    public synchronized void addPersonal(String word) {
        String w = word.strip();
        if (w.isEmpty()) {
            return;
        }
        Set<String> words = new LinkedHashSet<>(personalWords());
        if (!words.add(w)) {
            return;
        }
        try {
            Files.createDirectories(personal.getParent());
            Path tmp = personal.resolveSibling(PERSONAL_FILE + ".tmp");
            Files.write(tmp, words, StandardCharsets.UTF_8);
            Files.move(tmp, personal, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PersistenceException("Could not save the personal dictionary " + personal + ": "
                    + e.getMessage(), e);
        }
    }

    public Path personalFile() {
        return personal;
    }

    /** Checks a whole text of the story in its language, with its known words: for the command line. */
    public List<SpellFinding> check(long story, String text) {
        Speller speller = speller(language(story));
        KnownWords known = known(story);
        boolean grammar = grammar();
        SpellChecks checks = new SpellChecks();
        return checks.run(checks.ask(), text, p -> speller.check(p, known, grammar)).orElseThrow().findings();
    }
}
