package dev.quire.store;

import java.util.Optional;

/** Small per-library settings (theme, the story last open). Never API keys. */
public final class SettingsRepository {

    private final Database db;

    public SettingsRepository(Database db) {
        this.db = db;
    }

    public Optional<String> get(String key) {
        return db.read("read a setting", c -> Statements.one(c, "SELECT value FROM setting WHERE key = ?",
                rs -> rs.getString(1), key));
    }

    public void put(String key, String value) {
        db.write("save a setting", c -> Statements.update(c,
                "INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                key, value));
    }

    /** Forgets a setting; nothing happens when there is none. */
    public void delete(String key) {
        db.write("forget a setting", c -> Statements.update(c, "DELETE FROM setting WHERE key = ?", key));
    }

    /**
     * Deletes the settings kept per character, named {@code prefix} and the character's id, whose character is no
     * longer in the library. Joins the caller's transaction when there is one.
     */
    public void deleteForMissingCharacters(String prefix) {
        db.write("forget the settings of deleted characters", c -> Statements.update(c, """
                DELETE FROM setting WHERE key LIKE ? ESCAPE '\\'
                    AND CAST(substr(key, ?) AS INTEGER) NOT IN (SELECT id FROM character)""",
                prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%", prefix.length() + 1));
    }
}
