package dev.quire.prompt;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.util.ArrayList;
import java.util.List;

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
    TokenCounter counter = TokenCounter.estimate();

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

    AssembledPrompt assemble() {
        return ContextAssembler.assemble(new PromptInput(story, characters, scenes, target, lore, frame, instruction,
                budget, counter).withAnchor(anchor));
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
