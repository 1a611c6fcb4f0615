package dev.quire.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
}
