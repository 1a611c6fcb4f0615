package dev.quire.store;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Story;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SettingsRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void missingSettingIsEmpty() {
        try (Database db = Database.open(dir.resolve("quire.db"))) {
            assertEquals(Optional.empty(), new SettingsRepository(db).get("theme"));
        }
    }

    @Test
    void settingIsOverwrittenAndSurvivesReopening() {
        Path file = dir.resolve("quire.db");
        try (Database db = Database.open(file)) {
            SettingsRepository settings = new SettingsRepository(db);
            settings.put("theme", "light");
            settings.put("theme", "dark");
            settings.put("last-story", "3");
        }
        try (Database db = Database.open(file)) {
            SettingsRepository settings = new SettingsRepository(db);
            assertEquals(Optional.of("dark"), settings.get("theme"));
            assertEquals(Optional.of("3"), settings.get("last-story"));
        }
        assertEquals(2, Jdbc.count(file, "setting"));
    }

    @ParameterizedTest
    @CsvSource({"card.", "a_b%."})
    void settingsKeptForADeletedCharacterGoAndNoOthers(String prefix) {
        try (Database db = Database.open(dir.resolve("quire.db"))) {
            long story = new StoryRepository(db).create(Story.titled("Story")).id();
            CharacterRepository characters = new CharacterRepository(db);
            long kept = characters.create(CharacterSheet.named(story, "Kept")).id();
            long gone = characters.create(CharacterSheet.named(story, "Gone")).id();
            characters.delete(gone);
            SettingsRepository settings = new SettingsRepository(db);
            settings.put(prefix + kept, "kept");
            settings.put(prefix + gone, "gone");
            // the prefix is taken as it is written, not as a LIKE pattern
            String lookalike = prefix.replace('_', 'x').replace('%', 'y').replace('.', 'z') + gone;
            settings.put(lookalike, "another setting");

            settings.deleteForMissingCharacters(prefix);

            assertEquals(Optional.of("kept"), settings.get(prefix + kept));
            assertEquals(Optional.empty(), settings.get(prefix + gone));
            assertEquals(Optional.of("another setting"), settings.get(lookalike));
        }
    }
}

