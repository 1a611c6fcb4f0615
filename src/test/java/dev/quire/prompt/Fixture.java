package dev.quire.prompt;

import dev.quire.model.CanonFact;
import dev.quire.model.Chapter;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A story built in memory, piece by piece, for the prompt builder's tests. */
final class Fixture {

    Story story = new Story(1, "The Harbour", "PREMISE-MARK a harbour town.", "STYLE-MARK spare.",
            "ABOUT-MARK the writer is a mathematician.", List.of("AVOID-MARK the surname Chen"), "NOTES-MARK",
            null, null);
    final List<CharacterSheet> characters = new ArrayList<>();
    final List<Scene> scenes = new ArrayList<>();
    final List<LoreEntry> lore = new ArrayList<>();
    Frame frame = Frames.builtIn("scene").orElseThrow();
    Scene target;
    PromptInput.Anchor anchor;
    String instruction = "INSTRUCTION-MARK write the storm.";
    int budget = 100_000;
    /** A small local model's budget: an 8K window less 1K for the reply. */
    static final int SMALL_BUDGET = 8192 - 1024;
    TokenCounter counter = TokenCounter.estimate();
    final List<Chapter> chapters = new ArrayList<>();
    final Map<Long, Long> sceneChapters = new HashMap<>();
    final Set<Long> stale = new HashSet<>();
    final List<CanonFact> canon = new ArrayList<>();
    Integer maxVerbatimWords;

    CharacterSheet character(String name, String... aliases) {
        CharacterSheet c = CharacterSheet.named(story.id(), name).withId(characters.size() + 10, story.id())
                .withAliases(List.of(aliases))
                .with(CharacterSheet.Field.ROLE, name.toUpperCase() + "-ROLE-MARK")
                .with(CharacterSheet.Field.PRIVATE_NOTES, name.toUpperCase() + "-PRIVATE-MARK")
                .withFacts(List.of(Fact.of(name.toUpperCase() + "-FACT-MARK")));
        characters.add(c);
        return c;
    }

    Scene scene(String title, String text, String summary, CharacterSheet... cast) {
        List<Long> ids = new ArrayList<>();
        for (CharacterSheet c : cast) {
            ids.add(c.id());
        }
        Scene s = new Scene(scenes.size() + 100, story.id(), scenes.size(), title, Prose.plain(text), summary, null,
                ids, false, null);
        scenes.add(s);
        return s;
    }

    Scene pin(Scene s) {
        Scene pinned = s.withDetails(s.title(), s.summary(), s.povCharacterId(), s.characterIds(), true);
        scenes.set(scenes.indexOf(s), pinned);
        return pinned;
    }

    LoreEntry lore(String title, String content, boolean alwaysOn, boolean enabled, String... keywords) {
        LoreEntry e = new LoreEntry(lore.size() + 1000, story.id(), title, List.of(keywords), content, alwaysOn,
                enabled);
        lore.add(e);
        return e;
    }

    /**
     * A story of {@code count} scenes of about {@code words} words each, {@code perChapter} to a chapter, the first
     * half of the chapters in "Part One". Every scene is summarised, and scene n's summary states {@link #fact}(n);
     * every chapter is summarised too, and, as a chapter summary made from its scenes' summaries would, repeats
     * their facts.
     */
    void longStory(int count, int perChapter, int words) {
        List<Scene> inChapter = new ArrayList<>();
        StringBuilder facts = new StringBuilder();
        int chapterCount = (count + perChapter - 1) / perChapter;
        for (int n = 1; n <= count; n++) {
            Scene s = scene("S" + n, prose("S" + n + "-TEXT", words), fact(n) + " " + prose("S" + n + "-SUMMARY", 40));
            inChapter.add(s);
            facts.append(fact(n)).append(' ');
            if (inChapter.size() == perChapter || n == count) {
                int k = chapters.size() + 1;
                chapter("C" + k, k <= chapterCount / 2 ? "Part One" : "Part Two", "CH" + k + "-SUMMARY " + facts
                        + prose("", 40), inChapter.toArray(new Scene[0]));
                inChapter.clear();
                facts.setLength(0);
            }
        }
    }

    /** What the summary of scene n (from 1) establishes. */
    static String fact(int n) {
        return String.format("FACT-%03d-MARK.", n);
    }

    /** A chapter holding the given scenes. */
    Chapter chapter(String title, String part, String summary, Scene... in) {
        Chapter c = new Chapter(chapters.size() + 500, story.id(), chapters.size(), title, part, summary, "", false);
        chapters.add(c);
        for (Scene s : in) {
            sceneChapters.put(s.id(), c.id());
        }
        return c;
    }

    CanonFact canon(String text) {
        CanonFact f = new CanonFact(canon.size() + 700, story.id(), text, CanonFact.Source.WRITER, null, null);
        canon.add(f);
        return f;
    }

    PromptInput input() {
        return new PromptInput(story, characters, scenes, target, lore, frame, instruction, budget, counter)
                .withAnchor(anchor).withChapters(chapters, sceneChapters).withStaleSummaries(stale)
                .withCanon(canon).withMaxVerbatimWords(maxVerbatimWords);
    }

    AssembledPrompt assemble() {
        return ContextAssembler.assemble(input());
    }

    /** The tokens of what is never left out (the frame, the instruction, the passage, the turns, the canon). */
    int essentials() {
        int kept = budget;
        budget = 0;
        try {
            return assemble().tokens();
        } catch (PromptTooSmallException e) {
            return e.needed();
        } finally {
            budget = kept;
        }
    }

    /** The character, now played by the writer in co-writing turns. */
    CharacterSheet playedByTheWriter(CharacterSheet c) {
        CharacterSheet played = c.withPlayedBy(PlayedBy.WRITER);
        characters.set(characters.indexOf(c), played);
        return played;
    }

    static String all(AssembledPrompt p) {
        return p.report().text();
    }

    static boolean dropped(AssembledPrompt p, String kind, long id, String reason) {
        return p.report().dropped().stream().anyMatch(d -> d.kind().equals(kind) && d.id() == id
                && d.reason().equals(reason));
    }

    static boolean included(AssembledPrompt p, String kind, long id) {
        return p.report().included().stream().anyMatch(i -> i.kind().equals(kind) && i.id() == id);
    }

    /** About n words of sentences, each paragraph five sentences. */
    static String prose(String mark, int words) {
        StringBuilder sb = new StringBuilder(mark);
        int w = 1;
        int sentence = 0;
        while (w < words) {
            sb.append(" The tide came in over the flats");
            w += 7;
            sb.append('.');
            if (++sentence % 5 == 0) {
                sb.append('\n');
            }
        }
        return sb.toString().strip();
    }
}
