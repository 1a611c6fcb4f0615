package dev.quire.studio;

import dev.quire.model.WordShares;
import dev.quire.store.SettingsRepository;
import dev.quire.store.WordLog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A story's word targets (its whole length, and a day's writing) and the words written per day, the writer's apart
 * from the model's. Targets are library settings; 0 means none.
 */
public final class WordTargets {

    private final SettingsRepository settings;
    private final WordLog log;

    WordTargets(SettingsRepository settings, WordLog log) {
        this.settings = settings;
        this.log = log;
    }

    /** The story's targets: its length in words, and words a day; 0 for none. */
    public record Targets(int story, int daily) {
        public static final Targets NONE = new Targets(0, 0);

        public Targets {
            if (story < 0 || daily < 0) {
                throw new IllegalArgumentException("A word target is a number of words, 0 for none.");
            }
        }
    }

    public Targets of(long storyId) {
        return new Targets(number(key(storyId, "story")), number(key(storyId, "daily")));
    }

    public void set(long storyId, Targets targets) {
        settings.put(key(storyId, "story"), Integer.toString(targets.story()));
        settings.put(key(storyId, "daily"), Integer.toString(targets.daily()));
    }

    /** The words written in the story on {@code day}, by source. */
    public WordShares on(long storyId, LocalDate day) {
        return log.on(storyId, day);
    }

    /** The last {@code days} days up to {@code today}, oldest first, a day with no writing as none. */
    public List<WordLog.Day> history(long storyId, LocalDate today, int days) {
        LocalDate from = today.minusDays(days - 1L);
        Map<LocalDate, WordShares> written = new HashMap<>();
        for (WordLog.Day d : log.days(storyId, from, today)) {
            written.put(d.day(), d.words());
        }
        List<WordLog.Day> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(today); d = d.plusDays(1)) {
            out.add(new WordLog.Day(d, written.getOrDefault(d, WordShares.NONE)));
        }
        return out;
    }

    private int number(String key) {
        try {
            return settings.get(key).map(String::strip).map(Integer::parseInt).filter(n -> n >= 0).orElse(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String key(long storyId, String which) {
        return "story." + storyId + ".target." + which;
    }
}
