package dev.quire.spell;

import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.Rule;
import org.languagetool.rules.RuleMatch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * LanguageTool for one language. Making one reads its dictionaries and rules, which takes a moment: do it off the
 * FX thread, once, and keep it. Checks take turns (LanguageTool's checker is not shared between threads).
 * Spelling only by default; its grammar and style rules when asked.
 */
public final class Speller {

    /** The language a story is checked in unless the writer chose another. */
    public static final String DEFAULT_LANGUAGE = "en-US";
    private static final int SUGGESTIONS = 5;

    private final Language language;
    private final JLanguageTool tool;
    /** The rules LanguageTool has on by default that are not spelling: off unless grammar is asked for. */
    private final List<String> grammarRules = new ArrayList<>();
    private boolean grammarOn = true;

    private Speller(Language language) {
        this.language = language;
        this.tool = new JLanguageTool(language);
        for (Rule r : tool.getAllActiveRules()) {
            if (!r.isDictionaryBasedSpellingRule()) {
                grammarRules.add(r.getId());
            }
        }
        grammar(false);
    }

    /**
     * Loads the language ("en-US", "en-GB", or any whose LanguageTool module is on the class path).
     *
     * @throws IllegalArgumentException when no module for it is there
     */
    public static Speller load(String languageCode) {
        if (!Languages.isLanguageSupported(languageCode)) {
            throw new IllegalArgumentException("No spell checker for “" + languageCode + "” is installed; "
                    + "available: " + String.join(", ", languages()));
        }
        return new Speller(Languages.getLanguageForShortCode(languageCode));
    }

    /** The languages whose module is installed, as codes ("en-GB"), English variants included. */
    public static Set<String> languages() {
        Set<String> out = new TreeSet<>();
        for (Language l : Languages.get()) {
            if (l.isVariant() || l.getDefaultLanguageVariant() == null) {
                out.add(l.getShortCodeWithCountryAndVariant());
            }
        }
        return out;
    }

    /** A language's name for the writer ("English (GB)"), or the code when it is not installed. */
    public static String displayName(String languageCode) {
        return Languages.isLanguageSupported(languageCode)
                ? Languages.getLanguageForShortCode(languageCode).getName() : languageCode;
    }

    public String language() {
        return language.getShortCodeWithCountryAndVariant();
    }

    /**
     * Checks one paragraph (or any text); what {@code known} holds is never flagged.
     *
     * @param grammar whether grammar and style points are found too
     */
    public synchronized List<SpellFinding> check(String text, KnownWords known, boolean grammar) {
        if (text.isBlank()) {
            return List.of();
        }
        grammar(grammar);
        List<RuleMatch> matches;
        try {
            matches = tool.check(text);
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not check the text", e);
        }
        List<SpellFinding> out = new ArrayList<>(matches.size());
        for (RuleMatch m : matches) {
            int start = m.getFromPos();
            int end = Math.min(m.getToPos(), text.length());
            if (start < 0 || end <= start) {
                continue;
            }
            String words = text.substring(start, end);
            boolean spelling = m.getRule().isDictionaryBasedSpellingRule();
            if (spelling && known.contains(words)) {
                continue;
            }
            List<String> suggestions = m.getSuggestedReplacements();
            out.add(new SpellFinding(start, end, words, spelling ? SpellFinding.Kind.SPELLING
                    : SpellFinding.Kind.GRAMMAR, plain(m.getMessage()), m.getRule().getId(),
                    suggestions.subList(0, Math.min(SUGGESTIONS, suggestions.size()))));
        }
        return out;
    }

    private void grammar(boolean on) {
        if (on == grammarOn) {
            return;
        }
        for (String id : grammarRules) {
            if (on) {
                tool.enableRule(id);
            } else {
                tool.disableRule(id);
            }
        }
        grammarOn = on;
    }

    /** LanguageTool marks words in its messages up as {@code <suggestion>}: the writer sees quotes. */
    private static String plain(String message) {
        return message.replace("<suggestion>", "“").replace("</suggestion>", "”");
    }
}
