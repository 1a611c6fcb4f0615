package dev.quire.spell;

import org.languagetool.AnalyzedSentence;
import org.languagetool.AnalyzedToken;
import org.languagetool.AnalyzedTokenReadings;
import org.languagetool.JLanguageTool;
import org.languagetool.Language;
import org.languagetool.Languages;
import org.languagetool.rules.RuleMatch;
import org.languagetool.rules.spelling.SpellingCheckRule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * LanguageTool for one language. Making one reads its spelling dictionary, which takes a moment: do it off the FX
 * thread, once, and keep it. Checks take turns (LanguageTool's checker is not shared between threads).
 *
 * <p>Spelling only by default, and then the text goes only through what the speller needs: sentences, words and
 * their dictionary tags, then the spelling rule. LanguageTool's full check (disambiguation, chunking, some thousands
 * of pattern rules) is many times slower, and is loaded and used only when grammar and style are asked for.
 */
public final class Speller {

    /** The language a story is checked in unless the writer chose another. */
    public static final String DEFAULT_LANGUAGE = "en-US";
    private static final int SUGGESTIONS = 5;

    static {
        // LanguageTool logs through Commons Logging, which would pick the Log4j API that POI brings (it has no
        // provider here, and says so on stderr at every run); SLF4J's no-op provider takes it instead
        if (System.getProperty("org.apache.commons.logging.LogFactory") == null) {
            System.setProperty("org.apache.commons.logging.LogFactory",
                    "org.apache.commons.logging.impl.Slf4jLogFactory");
        }
    }

    private final Language language;
    private final SpellingCheckRule spelling;
    /** The full checker, made the first time grammar is asked for. */
    private JLanguageTool tool;

    private Speller(Language language) {
        this.language = language;
        this.spelling = language.getDefaultSpellingRule();
        if (spelling == null) {
            throw new IllegalArgumentException("LanguageTool has no spell checker for " + language.getName());
        }
        // the dictionary is read on first use: read it now, off the FX thread, not at the first keystroke
        check("Warm up.", KnownWords.NONE, false);
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
        List<RuleMatch> matches = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        try {
            if (grammar) {
                matches.addAll(tool().check(text));
                matches.forEach(m -> offsets.add(0));
            } else {
                int at = 0;
                for (String sentence : language.getSentenceTokenizer().tokenize(text)) {
                    int found = text.indexOf(sentence, at);
                    int offset = found >= 0 ? found : at;
                    for (RuleMatch m : spelling.match(analyse(sentence))) {
                        matches.add(m);
                        offsets.add(offset);
                    }
                    at = offset + sentence.length();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("LanguageTool could not check the text", e);
        }
        List<SpellFinding> out = new ArrayList<>(matches.size());
        for (int i = 0; i < matches.size(); i++) {
            RuleMatch m = matches.get(i);
            int start = m.getFromPos() + offsets.get(i);
            int end = Math.min(m.getToPos() + offsets.get(i), text.length());
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

    /** A sentence split into words and tagged from the dictionary, as LanguageTool's raw analysis does it. */
    private AnalyzedSentence analyse(String sentence) throws IOException {
        List<String> words = language.getWordTokenizer().tokenize(sentence);
        List<AnalyzedTokenReadings> tagged = language.getTagger().tag(words);
        AnalyzedTokenReadings[] tokens = new AnalyzedTokenReadings[tagged.size() + 1];
        tokens[0] = new AnalyzedTokenReadings(new AnalyzedToken[] {
            new AnalyzedToken("", JLanguageTool.SENTENCE_START_TAGNAME, null)}, 0);
        int pos = 0;
        for (int i = 0; i < tagged.size(); i++) {
            AnalyzedTokenReadings t = tagged.get(i);
            if (i > 0) {
                t.setWhitespaceBefore(tagged.get(i - 1).getToken());
            }
            t.setStartPos(pos);
            pos += t.getToken().length();
            tokens[i + 1] = t;
        }
        return new AnalyzedSentence(tokens);
    }

    /** LanguageTool's full checker, all its default rules on: loaded the first time grammar is asked for. */
    private JLanguageTool tool() {
        if (tool == null) {
            tool = new JLanguageTool(language);
        }
        return tool;
    }

    /** LanguageTool marks words in its messages up as {@code <suggestion>}: the writer sees quotes. */
    private static String plain(String message) {
        return message.replace("<suggestion>", "“").replace("</suggestion>", "”");
    }
}
