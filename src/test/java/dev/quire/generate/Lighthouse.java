package dev.quire.generate;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;

import java.util.List;

/**
 * A small story with marked text, so a test can tell which parts of the library reached a prompt: a bible, three
 * characters (one with private notes), and three scenes.
 */
public final class Lighthouse {

    public static final String TITLE = "The Lighthouse";
    public static final String PREMISE = "PREMISE-MARK: a keeper who cannot leave, and the storm that comes for her.";
    public static final String STYLE = "STYLE-MARK: close third person, short sentences, salt and iron.";
    public static final String ABOUT = "ABOUT-MARK: the author sailed for twenty years.";
    public static final String AVOID = "the surname Chen";
    public static final String PRIVATE = "PRIVATE-NOTE-MARK: she dies in the last chapter.";
    public static final String SCENE_1 = "SCENE-1-MARK Mara climbed the tower at dusk.";
    public static final String SCENE_2 = "SCENE-2-MARK Tomas brought the oil across the causeway.";
    public static final String SCENE_3 = "SCENE-3-MARK The storm took the boat.";

    public final Story story;
    public final CharacterSheet mara;
    public final CharacterSheet tomas;
    public final CharacterSheet ines;
    public final List<Scene> scenes;

    private Lighthouse(Story story, CharacterSheet mara, CharacterSheet tomas, CharacterSheet ines,
                       List<Scene> scenes) {
        this.story = story;
        this.mara = mara;
        this.tomas = tomas;
        this.ines = ines;
        this.scenes = scenes;
    }

    public static Lighthouse addTo(Studio studio) {
        Story story = studio.stories().create(Story.titled(TITLE));
        story = story.withBible(PREMISE, STYLE, ABOUT, List.of(AVOID, " "));
        studio.stories().update(story);
        CharacterSheet mara = studio.characters().create(CharacterSheet.named(story.id(), "Mara")
                .withAliases(List.of("the keeper"))
                .with(CharacterSheet.Field.ROLE, "MARA-ROLE-MARK the lighthouse keeper")
                .with(CharacterSheet.Field.FEARS, "open water")
                .with(CharacterSheet.Field.PRIVATE_NOTES, PRIVATE)
                .withFacts(List.of(Fact.of("MARA-FACT-MARK keeps her father's logbook"))));
        CharacterSheet tomas = studio.characters().create(CharacterSheet.named(story.id(), "Tomas")
                .with(CharacterSheet.Field.ROLE, "TOMAS-ROLE-MARK the supply runner"));
        CharacterSheet ines = studio.characters().create(CharacterSheet.named(story.id(), "Ines")
                .with(CharacterSheet.Field.ROLE, "INES-ROLE-MARK the harbour master"));
        Scene s1 = studio.scenes().append(new Scene(0, story.id(), 0, "Dusk", Prose.plain(SCENE_1),
                "SUMMARY-1-MARK Mara lights the lamp.", mara.id(), List.of(mara.id()), false, null));
        Scene s2 = studio.scenes().append(new Scene(0, story.id(), 0, "Oil", Prose.plain(SCENE_2),
                "SUMMARY-2-MARK Tomas arrives.", null, List.of(mara.id(), tomas.id()), false, null));
        Scene s3 = studio.scenes().append(new Scene(0, story.id(), 0, "Storm", Prose.plain(SCENE_3),
                "SUMMARY-3-MARK The boat is lost.", null, List.of(ines.id()), false, null));
        return new Lighthouse(studio.stories().get(story.id()).orElseThrow(), mara, tomas, ines, List.of(s1, s2, s3));
    }
}
