package dev.quire.spell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The spell check of one text that is being edited (a scene, a composition, a sheet's field). Each paragraph's
 * findings are kept by its words, so a check after an edit asks LanguageTool only about the paragraphs that
 * changed. Checks run in the background: each is {@linkplain #ask() asked} for first, and a result is
 * {@linkplain #isCurrent current} only while nothing was asked since, the dictionary has not changed and the text is
 * still the one checked; any other result is thrown away.
 */
public final class SpellChecks {

    /**
     * What a check found in {@code text}.
     *
     * @param checked how many paragraphs LanguageTool was asked about (the others were known already)
     */
    public record Result(long ticket, long dictionary, String text, List<SpellFinding> findings, int checked) {
    }

    private final AtomicLong asked = new AtomicLong();
    private volatile long dictionary;
    private long cacheDictionary;
    private final Map<String, List<SpellFinding>> byParagraph = new HashMap<>();

    /** A check is wanted (the text changed, or was opened): results of the checks before it are stale now. */
    public long ask() {
        return asked.incrementAndGet();
    }

    /**
     * What counts as known changed (the dictionary, the language, grammar on or off): every paragraph is checked
     * again, and results on their way are stale.
     */
    public void forget() {
        dictionary++;
        asked.incrementAndGet();
    }

    /**
     * Checks the text, off the FX thread. Gives nothing when a newer check was asked for before this one was done
     * (the paragraphs it did check are kept for the next).
     *
     * @param paragraphCheck checks one paragraph, offsets from its start
     */
    public synchronized Optional<Result> run(long ticket, String text,
                                             Function<String, List<SpellFinding>> paragraphCheck) {
        long dict = dictionary;
        if (dict != cacheDictionary) {
            byParagraph.clear();
            cacheDictionary = dict;
        }
        List<SpellFinding> all = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int checked = 0;
        int start = 0;
        while (start <= text.length()) {
            if (ticket != asked.get()) {
                return Optional.empty();
            }
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String paragraph = text.substring(start, end);
            if (!paragraph.isBlank()) {
                List<SpellFinding> found = byParagraph.get(paragraph);
                if (found == null) {
                    found = List.copyOf(paragraphCheck.apply(paragraph));
                    byParagraph.put(paragraph, found);
                    checked++;
                }
                seen.add(paragraph);
                for (SpellFinding f : found) {
                    all.add(f.moved(start));
                }
            }
            start = end + 1;
        }
        // only this text's paragraphs are kept: memory follows the text, not its history
        byParagraph.keySet().retainAll(seen);
        return Optional.of(new Result(ticket, dict, text, List.copyOf(all), checked));
    }

    /** Whether the result is for the text as it is now, with nothing asked since: only then is it shown. */
    public boolean isCurrent(Result result, String textNow) {
        return result.ticket() == asked.get() && result.dictionary() == dictionary && result.text().equals(textNow);
    }

    /** The latest check asked for. */
    public long latest() {
        return asked.get();
    }
}
