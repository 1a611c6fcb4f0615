package dev.quire.model;

import java.util.List;
import java.util.Objects;

/**
 * A character sheet. Every field except {@code privateNotes} may reach the model through the
 * prompt builder; private notes never do.
 */
public record CharacterSheet(
        long id,
        long storyId,
        String name,
        List<String> aliases,
        String role,
        String appearance,
        String personality,
        String psychology,
        String backstory,
        String desires,
        String fears,
        String voice,
        String relationships,
        String interests,
        String privateNotes,
        PlayedBy playedBy,
        List<Fact> facts) {

    public CharacterSheet {
        Objects.requireNonNull(name, "name");
        aliases = List.copyOf(aliases == null ? List.of() : aliases);
        role = Text.orEmpty(role);
        appearance = Text.orEmpty(appearance);
        personality = Text.orEmpty(personality);
        psychology = Text.orEmpty(psychology);
        backstory = Text.orEmpty(backstory);
        desires = Text.orEmpty(desires);
        fears = Text.orEmpty(fears);
        voice = Text.orEmpty(voice);
        relationships = Text.orEmpty(relationships);
        interests = Text.orEmpty(interests);
        privateNotes = Text.orEmpty(privateNotes);
        playedBy = playedBy == null ? PlayedBy.MODEL : playedBy;
        facts = List.copyOf(facts == null ? List.of() : facts);
    }

    public static CharacterSheet named(long storyId, String name) {
        return new CharacterSheet(0, storyId, name, List.of(), "", "", "", "", "", "", "", "", "", "", "",
                PlayedBy.MODEL, List.of());
    }

    /** The sheet fields in reading order, for views and prompts that walk them generically. */
    public enum Field {
        ROLE("Role"), APPEARANCE("Appearance"), PERSONALITY("Personality"), PSYCHOLOGY("Psychology"),
        BACKSTORY("Backstory"), DESIRES("Desires"), FEARS("Fears"), VOICE("Voice"),
        RELATIONSHIPS("Relationships"), INTERESTS("Interests outside the plot"), PRIVATE_NOTES("Private notes");

        private final String label;

        Field(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public String get(Field field) {
        return switch (field) {
            case ROLE -> role;
            case APPEARANCE -> appearance;
            case PERSONALITY -> personality;
            case PSYCHOLOGY -> psychology;
            case BACKSTORY -> backstory;
            case DESIRES -> desires;
            case FEARS -> fears;
            case VOICE -> voice;
            case RELATIONSHIPS -> relationships;
            case INTERESTS -> interests;
            case PRIVATE_NOTES -> privateNotes;
        };
    }

    public CharacterSheet with(Field field, String value) {
        String v = Text.orEmpty(value);
        return new CharacterSheet(id, storyId, name, aliases,
                field == Field.ROLE ? v : role,
                field == Field.APPEARANCE ? v : appearance,
                field == Field.PERSONALITY ? v : personality,
                field == Field.PSYCHOLOGY ? v : psychology,
                field == Field.BACKSTORY ? v : backstory,
                field == Field.DESIRES ? v : desires,
                field == Field.FEARS ? v : fears,
                field == Field.VOICE ? v : voice,
                field == Field.RELATIONSHIPS ? v : relationships,
                field == Field.INTERESTS ? v : interests,
                field == Field.PRIVATE_NOTES ? v : privateNotes,
                playedBy, facts);
    }

    public CharacterSheet withName(String newName) {
        return new CharacterSheet(id, storyId, newName, aliases, role, appearance, personality, psychology, backstory,
                desires, fears, voice, relationships, interests, privateNotes, playedBy, facts);
    }

    public CharacterSheet withAliases(List<String> newAliases) {
        return new CharacterSheet(id, storyId, name, newAliases, role, appearance, personality, psychology, backstory,
                desires, fears, voice, relationships, interests, privateNotes, playedBy, facts);
    }

    public CharacterSheet withPlayedBy(PlayedBy newPlayedBy) {
        return new CharacterSheet(id, storyId, name, aliases, role, appearance, personality, psychology, backstory,
                desires, fears, voice, relationships, interests, privateNotes, newPlayedBy, facts);
    }

    public CharacterSheet withFacts(List<Fact> newFacts) {
        return new CharacterSheet(id, storyId, name, aliases, role, appearance, personality, psychology, backstory,
                desires, fears, voice, relationships, interests, privateNotes, playedBy, newFacts);
    }

    public CharacterSheet withId(long newId, long newStoryId) {
        return new CharacterSheet(newId, newStoryId, name, aliases, role, appearance, personality, psychology, backstory,
                desires, fears, voice, relationships, interests, privateNotes, playedBy, facts);
    }
}
