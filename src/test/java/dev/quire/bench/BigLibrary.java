package dev.quire.bench;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Conversation;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark library, built through the real repositories: two small, older stories and the
 * big one, made last so that it is the most recently changed and the studio resumes it.
 *
 * <p>The big story: 100 scenes of 1,500 words except one of 10,000 (158,500 words in all),
 * 40 characters with every sheet field filled and 3–6 facts each, 300 lore entries and a dozen
 * conversations. The studio is told the big scene was the last one open, so start-up puts it in
 * the editor.
 */
final class BigLibrary {

    static final int SCENES = 100;
    static final int SCENE_WORDS = 1_500;
    static final int BIG_SCENE_WORDS = 10_000;
    /** Index of the 10,000-word scene: the middle of the story. */
    static final int BIG_SCENE_INDEX = 50;
    static final int CHARACTERS = 40;
    static final int LORE = 300;
    static final int CONVERSATIONS = 12;
    static final int TOTAL_WORDS = (SCENES - 1) * SCENE_WORDS + BIG_SCENE_WORDS;

    /** The settings key the studio resumes a story's scene from (MainViewModel: "ui.last-scene." + story id). */
    static final String LAST_SCENE_KEY = "ui.last-scene.";

    final long storyId;
    final long bigSceneId;
    final Prose bigSceneProse;
    final List<Long> otherStoryIds;

    private BigLibrary(long storyId, long bigSceneId, Prose bigSceneProse, List<Long> otherStoryIds) {
        this.storyId = storyId;
        this.bigSceneId = bigSceneId;
        this.bigSceneProse = bigSceneProse;
        this.otherStoryIds = otherStoryIds;
    }

    static BigLibrary build(Studio studio, long seed) {
        StoryText t = new StoryText(seed);
        List<Long> others = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Story small = studio.stories().create(Story.titled("A shorter piece " + (i + 1)));
            for (int s = 0; s < 5; s++) {
                studio.scenes().append(new Scene(0, small.id(), 0, "Short scene " + (s + 1), t.scene(800),
                        t.sentences(25), null, List.of(), false, null));
            }
            others.add(small.id());
        }

        Story story = studio.stories().create(Story.titled("The Lantern Quay"));
        studio.stories().update(story.withBible(t.sentences(120), t.sentences(200), t.sentences(80),
                List.of("purple prose", "sudden dream endings", "villain monologues", "anachronisms"))
                .withNotes(t.sentences(400)));

        List<Long> characterIds = new ArrayList<>();
        for (int i = 0; i < CHARACTERS; i++) {
            List<Fact> facts = new ArrayList<>();
            for (int f = 0, n = 3 + t.nextInt(4); f < n; f++) {
                facts.add(Fact.of(t.sentences(8 + t.nextInt(20))));
            }
            CharacterSheet sheet = new CharacterSheet(0, story.id(), t.name() + " " + capital(t.word()) + " " + i,
                    List.of(t.name(), t.word()), t.sentences(15), t.sentences(60), t.sentences(70),
                    t.sentences(80), t.sentences(150), t.sentences(50), t.sentences(50), t.sentences(60),
                    t.sentences(70), t.sentences(40), t.sentences(50),
                    i % 5 == 0 ? PlayedBy.WRITER : PlayedBy.MODEL, facts);
            characterIds.add(studio.characters().create(sheet).id());
        }

        for (int i = 0; i < LORE; i++) {
            studio.lore().create(new LoreEntry(0, story.id(), capital(t.word()) + " of " + t.place() + " " + i,
                    t.keywords(), t.sentences(40 + t.nextInt(160)), i % 25 == 0, i % 40 != 7));
        }

        long bigSceneId = 0;
        Prose bigProse = null;
        List<Long> sceneIds = new ArrayList<>();
        for (int i = 0; i < SCENES; i++) {
            boolean big = i == BIG_SCENE_INDEX;
            Prose prose = t.scene(big ? BIG_SCENE_WORDS : SCENE_WORDS);
            List<Long> present = new ArrayList<>();
            for (int c = 0, n = 2 + t.nextInt(4); c < n; c++) {
                long id = characterIds.get(t.nextInt(characterIds.size()));
                if (!present.contains(id)) {
                    present.add(id);
                }
            }
            Scene scene = studio.scenes().append(new Scene(0, story.id(), 0,
                    big ? "The long night at the quay" : "Scene " + (i + 1) + ": " + capital(t.word()),
                    prose, t.sentences(30 + t.nextInt(30)), present.get(0), present, i % 17 == 0, null));
            sceneIds.add(scene.id());
            if (big) {
                bigSceneId = scene.id();
                bigProse = prose;
            }
        }

        // chapters of ten scenes each, as a long story is kept; every scene already has a summary (the writer's)
        for (int c = 0; c < SCENES / 10; c++) {
            studio.chapters().startAt(sceneIds.get(c * 10), "Chapter " + (c + 1) + ": " + capital(t.word()));
        }

        for (int i = 0; i < CONVERSATIONS; i++) {
            Long sceneId = i % 2 == 0 ? sceneIds.get(t.nextInt(sceneIds.size())) : null;
            studio.conversations().create(new Conversation(0, story.id(), sceneId, "Talk " + (i + 1) + " about "
                    + t.word(), i % 3 == 0 ? "analyst" : "brainstorm", null));
        }

        studio.settings().put(LAST_SCENE_KEY + story.id(), Long.toString(bigSceneId));
        return new BigLibrary(story.id(), bigSceneId, bigProse, others);
    }

    private static String capital(String w) {
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
