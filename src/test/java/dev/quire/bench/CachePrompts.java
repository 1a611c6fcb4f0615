package dev.quire.bench;

import dev.quire.llm.ChatRequest;
import dev.quire.llm.SystemBlock;
import dev.quire.model.CanonFact;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.prompt.AssembledPrompt;
import dev.quire.prompt.ContextAssembler;
import dev.quire.prompt.Frames;
import dev.quire.prompt.PromptInput;
import dev.quire.prompt.TokenCounter;

import java.util.ArrayList;
import java.util.List;

/**
 * A story of about 20,000 words whose scene prompt, as the real prompt builder lays it out, is about 30,000 tokens:
 * bible, canon, six character sheets, always-on lore, older scenes by summary, the nearest verbatim, and the scene
 * being written. {@link #request} sends it as the studio does.
 */
public final class CachePrompts {

    private final Story story = new Story(1, "The Lantern Quay", "A harbour town keeps its lamps lit through a winter "
            + "of storms. ".repeat(30), "Spare, close third person, present tense. ".repeat(20),
            "The writer likes quiet endings.", List.of("suddenly"), "", null, null);
    private final List<CharacterSheet> characters = new ArrayList<>();
    private final List<Scene> scenes = new ArrayList<>();
    private final List<LoreEntry> lore = new ArrayList<>();
    private final List<CanonFact> canon = new ArrayList<>();
    private final StoryText text = new StoryText(20_241_204L);
    private Scene target;

    public CachePrompts() {
        String[] names = {"Mara", "Tobias", "Elin", "Corwin", "Ada", "Jonas"};
        List<Long> cast = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            CharacterSheet c = CharacterSheet.named(1, names[i]).withId(10 + i, 1)
                    .with(CharacterSheet.Field.ROLE, text.scene(40).text())
                    .with(CharacterSheet.Field.PERSONALITY, text.scene(80).text())
                    .with(CharacterSheet.Field.BACKSTORY, text.scene(120).text())
                    .with(CharacterSheet.Field.VOICE, text.scene(40).text())
                    .withFacts(List.of(Fact.of(text.scene(20).text()), Fact.of(text.scene(20).text())));
            characters.add(c);
            cast.add(c.id());
        }
        for (int i = 0; i < 8; i++) {
            canon.add(new CanonFact(700 + i, 1, text.scene(25).text(), CanonFact.Source.WRITER, null, null));
        }
        for (int i = 0; i < 4; i++) {
            lore.add(new LoreEntry(1000 + i, 1, "Place " + i, List.of(), text.scene(150).text(), true, true));
        }
        for (int n = 0; n < 24; n++) {
            scenes.add(new Scene(100 + n, 1, n, "Scene " + (n + 1), text.scene(1_400), text.scene(160).text(), null,
                    cast, false, null));
        }
        target = new Scene(200, 1, scenes.size(), "Now", text.scene(1_500), "", null, cast, false, null);
        scenes.add(target);
    }

    public AssembledPrompt assemble() {
        PromptInput in = new PromptInput(story, characters, scenes, target, lore, Frames.builtIn("scene").orElseThrow(),
                "Write the rest of the scene: the lamp fails at midnight.", 60_000, TokenCounter.estimate())
                .withCanon(canon).withMaxVerbatimWords(12_000);
        return ContextAssembler.assemble(in);
    }

    /** The writer edits the end of the scene being written. */
    public void editCurrentScene() {
        Scene edited = new Scene(target.id(), 1, target.position(), target.title(),
                Prose.plain(target.prose().text() + "\n\nShe sets the lamp down. " + text.scene(60).text()), "",
                null, target.characterIds(), false, null);
        scenes.set(scenes.indexOf(target), edited);
        target = edited;
    }

    /** The current scene is done (and summarised); the writer starts the next one. */
    public void nextScene() {
        Scene done = new Scene(target.id(), 1, target.position(), target.title(), target.prose(),
                text.scene(160).text(), null, target.characterIds(), false, null);
        scenes.set(scenes.indexOf(target), done);
        target = new Scene(300 + scenes.size(), 1, scenes.size(), "Next", text.scene(200), "", null,
                target.characterIds(), false, null);
        scenes.add(target);
    }

    public static ChatRequest request(AssembledPrompt p, int variants) {
        ChatRequest.Builder b = ChatRequest.builder();
        for (AssembledPrompt.Block block : p.system()) {
            b.system(new SystemBlock(block.text(), block.cacheBreakpoint()));
        }
        return b.user(p.user()).model("claude-sonnet-4-5").maxOutputTokens(1200).variants(variants).build();
    }
}
