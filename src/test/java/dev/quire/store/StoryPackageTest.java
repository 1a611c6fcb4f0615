package dev.quire.store;

import dev.quire.backup.LibraryRows;
import dev.quire.model.StorySummary;
import dev.quire.studio.StoryPackage;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A whole story out to a .quire package and into another library, exactly; bad packages refused untouched. */
class StoryPackageTest {

    @TempDir
    Path dir;

    Path desk;
    Path laptop;
    long storyId;

    @BeforeEach
    void richStory() {
        desk = dir.resolve("desk");
        laptop = dir.resolve("laptop");
        try (Studio s = Studio.open(desk, Studio.NewLibrary.WITH_SAMPLE, Map.of())) {
            storyId = s.stories().list().get(0).id();
        }
        Studio.open(laptop, Studio.NewLibrary.EMPTY, Map.of()).close();
        long sid = storyId;
        Path db = desk.resolve("quire.db");
        long scene = Jdbc.queryLong(db, "SELECT min(id) FROM scene WHERE story_id = " + sid);
        long character = Jdbc.queryLong(db, "SELECT min(id) FROM character WHERE story_id = " + sid);
        // every story-scoped table gets rows, pointing at each other as the studio makes them point
        Jdbc.execute(db,
                "INSERT INTO chapter (story_id, position, title, created_at, updated_at) VALUES (" + sid
                        + ", 9, 'Packed chapter', 1, 2)",
                "UPDATE scene SET chapter_id = (SELECT max(id) FROM chapter), pov_character_id = " + character
                        + " WHERE id = " + scene,
                "INSERT INTO conversation (story_id, scene_id, title, frame, created_at, updated_at) VALUES (" + sid
                        + ", " + scene + ", 'Talk', 'co-writer', 3, 4)",
                "INSERT INTO generation (story_id, scene_id, conversation_id, frame, provider, model, messages,"
                        + " started_at, status, instruction) VALUES (" + sid + ", " + scene
                        + ", (SELECT max(id) FROM conversation), 'scene', 'p', 'm', '[]', 5, 'COMPLETE', 'go')",
                "INSERT INTO variant (generation_id, idx, text, status, output_tokens) VALUES ((SELECT max(id) FROM"
                        + " generation), 0, 'Variant A text', 'COMPLETE', 12)",
                "INSERT INTO variant (generation_id, idx, text, status) VALUES ((SELECT max(id) FROM generation), 1,"
                        + " 'Variant B text', 'COMPLETE')",
                "INSERT INTO continuation (variant_id, provider, model, messages, text, started_at, status) VALUES"
                        + " ((SELECT max(id) FROM variant), 'p', 'm', '[]', ' more', 6, 'COMPLETE')",
                "UPDATE scene SET text = 'Variant A text', spans = '[[14,4,\"A\",' || (SELECT min(id) FROM variant"
                        + " WHERE text = 'Variant A text') || ']]' WHERE id = " + scene,
                "INSERT INTO scene_revision (scene_id, kind, text, spans, word_count, created_at) VALUES (" + scene
                        + ", 'ACCEPT', 'Variant A text', '[[14,4,\"A\",' || (SELECT min(id) FROM variant WHERE text ="
                        + " 'Variant A text') || ']]', 3, 7)",
                "INSERT INTO composition (scene_id, text, columns, updated_at) VALUES (" + scene
                        + ", 'mix', '[' || (SELECT max(id) FROM variant) || ',' || (SELECT min(id) FROM variant WHERE"
                        + " text = 'Variant A text') || ']', 8)",
                "INSERT INTO message (conversation_id, role, text, created_at) VALUES ((SELECT max(id) FROM"
                        + " conversation), 'USER', 'Hello', 9)",
                "INSERT INTO message (conversation_id, parent_id, role, text, generation_id, created_at) VALUES"
                        + " ((SELECT max(id) FROM conversation), (SELECT max(id) FROM message), 'ASSISTANT', 'Hi',"
                        + " (SELECT max(id) FROM generation), 10)",
                "INSERT INTO character_fact (character_id, position, text, source_message_id, created_at) VALUES ("
                        + character + ", 0, 'Hates rain', (SELECT max(id) FROM message), 11)",
                "INSERT INTO note (story_id, text, shared, source_kind, source_id, created_at) VALUES (" + sid
                        + ", 'From B', 1, 'variant', (SELECT max(id) FROM variant), 12)",
                "INSERT INTO canon_fact (story_id, position, text, source, source_id, created_at) VALUES (" + sid
                        + ", 0, 'The tide is out', 'SCENE', " + scene + ", 13)",
                "INSERT INTO frame (story_id, kind, name, template, created_at, updated_at) VALUES (" + sid
                        + ", 'scene', 'Mine', '{{bible}}', 14, 15)",
                "UPDATE lore_entry SET secondary_keywords = '[\"tide\"]', secondary_logic = 'NOT_ANY', priority = 7,"
                        + " scan_depth = 3, extensions = '{\"format\":\"SILLYTAVERN\"}' WHERE story_id = " + sid,
                "INSERT OR REPLACE INTO words_written (story_id, day, writer, model, other) VALUES (" + sid
                        + ", '2026-11-30', 120, 40, 3)",
                "INSERT INTO request_usage (story_id, generation_id, variant_idx, continuation_id, message_id, kind,"
                        + " provider, model, input_tokens, output_tokens, cache_read_tokens, cache_write_tokens, at)"
                        + " VALUES (" + sid + ", (SELECT max(id) FROM generation), 0, (SELECT max(id) FROM"
                        + " continuation), (SELECT max(id) FROM message), 'scene', 'p', 'm', 900, 120, 800, 50, 18)",
                "INSERT INTO story_word (story_id, word, added_at) VALUES (" + sid + ", 'Marra', 17)",
                "INSERT INTO story_spelling (story_id, language) VALUES (" + sid + ", 'en-GB')",
                "INSERT INTO story_replace (story_id, find, replacement, changes, created_at) VALUES (" + sid
                        + ", 'tide', 'sea', 1, 16)",
                "INSERT INTO story_replace_scene (replace_id, scene_id, before_revision, after_revision) VALUES"
                        + " ((SELECT max(id) FROM story_replace), " + scene + ", (SELECT min(id) FROM scene_revision"
                        + " WHERE scene_id = " + scene + "), (SELECT max(id) FROM scene_revision WHERE scene_id = "
                        + scene + "))",
                "INSERT INTO setting (key, value) VALUES ('story." + sid + ".verbatim-cap', '900')",
                "INSERT INTO setting (key, value) VALUES ('cliche.allowed." + sid + "', '[\"grey\"]')");
    }

    @Test
    void aStoryComesBackRowForRowWithNewIds() throws IOException {
        Path pack = dir.resolve("book.quire");
        long imported;
        StoryRows.Rows before;
        try (Studio desktop = Studio.open(desk, Studio.NewLibrary.EMPTY, Map.of())) {
            before = StoryRows.export(desktop.database(), storyId);
            StoryPackage.export(desktop, storyId, pack);
        }
        for (String table : StoryRows.tableNames()) {
            assertFalse(before.tables().get(table).isEmpty(), table + " has rows to carry");
        }
        try (Studio other = Studio.open(laptop, Studio.NewLibrary.EMPTY, Map.of())) {
            // brought in twice: the second copy's ids cannot equal the first's by chance, in any table
            long first = StoryPackage.importStory(other, pack).storyId();
            imported = StoryPackage.importStory(other, pack).storyId();
            assertNotEquals(first, imported);
            assertNotEquals(storyId, imported);
            StoryRows.Rows after = StoryRows.export(other.database(), imported);
            assertSameRows(before, after);
            assertTrue(other.database().integrityProblems().isEmpty(), other.database().integrityProblems().toString());
            assertEquals("900", other.settings().get("story." + imported + ".verbatim-cap").orElseThrow());
            assertFalse(other.search().find(imported, dev.quire.model.SearchQuery.plain("Variant A")).isEmpty(),
                    "the scenes brought in are in the library's search index");
        }
    }

    /** Rows equal column for column once each old id is read as the new row in the same place. */
    private static void assertSameRows(StoryRows.Rows before, StoryRows.Rows after) {
        Map<String, Map<Long, Long>> ids = new HashMap<>();
        for (StoryTables.Table t : StoryTables.TABLES) {
            List<Map<String, Object>> a = before.tables().get(t.name());
            List<Map<String, Object>> b = after.tables().get(t.name());
            assertEquals(a.size(), b.size(), t.name() + " rows");
            if (t.hasId()) {
                Map<Long, Long> map = new HashMap<>();
                for (int i = 0; i < a.size(); i++) {
                    map.put((Long) a.get(i).get("id"), (Long) b.get(i).get("id"));
                }
                ids.put(t.name(), map);
            }
        }
        for (StoryTables.Table t : StoryTables.TABLES) {
            List<Map<String, Object>> a = before.tables().get(t.name());
            List<Map<String, Object>> b = after.tables().get(t.name());
            for (int i = 0; i < a.size(); i++) {
                Map<String, Object> expected = new LinkedHashMap<>(a.get(i));
                for (Map.Entry<String, Object> e : expected.entrySet()) {
                    Object v = e.getValue();
                    if (v == null) {
                        continue;
                    }
                    String col = e.getKey();
                    if (col.equals("id") && t.hasId()) {
                        e.setValue(ids.get(t.name()).get((Long) v));
                    } else if (t.refs().get(col) instanceof StoryTables.Id ref) {
                        e.setValue(ids.get(ref.table()).get((Long) v));
                    } else if (t.refs().get(col) instanceof StoryTables.ById ref) {
                        String target = ref.tables().get(String.valueOf(a.get(i).get(ref.kindColumn())));
                        e.setValue(target == null ? v : ids.get(target).get((Long) v));
                    } else if (t.refs().get(col) instanceof StoryTables.IdList || col.equals("spans")) {
                        e.setValue(renumber((String) v, ids.get("variant")));
                    }
                }
                assertEquals(expected, b.get(i), t.name() + " row " + i);
            }
        }
        assertEquals(before.tables().get(StoryRows.SETTINGS).size(), after.tables().get(StoryRows.SETTINGS).size());
        assertEquals(before.tables().get(StoryRows.SETTINGS), after.tables().get(StoryRows.SETTINGS));
    }

    /** Every number in a JSON array of ids, or in the fourth place of a span, read through the map. */
    private static String renumber(String json, Map<Long, Long> variants) {
        StringBuilder out = new StringBuilder();
        java.util.regex.Matcher m;
        if (json.startsWith("[[")) {
            m = java.util.regex.Pattern.compile("(\\[\\d+,\\d+,\"[^\"]*\",)(\\d+)(])").matcher(json);
            while (m.find()) {
                m.appendReplacement(out, m.group(1) + variants.get(Long.parseLong(m.group(2))) + "]");
            }
        } else {
            m = java.util.regex.Pattern.compile("\\d+").matcher(json);
            while (m.find()) {
                m.appendReplacement(out, String.valueOf(variants.get(Long.parseLong(m.group()))));
            }
        }
        m.appendTail(out);
        return out.toString();
    }

    /**
     * A table added later that points at a story's rows must travel in a package too: this fails, naming it,
     * until it is listed in {@link StoryTables#TABLES}.
     */
    @Test
    void everyTableThatBelongsToAStoryIsInThePackage() throws Exception {
        java.util.Set<String> listed = new java.util.HashSet<>();
        StoryTables.TABLES.forEach(t -> listed.add(t.name()));
        List<String> missing = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite:"
                + desk.resolve("quire.db").toAbsolutePath());
             java.sql.Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = st.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (listed.contains(table)) {
                    continue;
                }
                try (java.sql.ResultSet rs = st.executeQuery("SELECT \"table\" FROM pragma_foreign_key_list('"
                        + table + "')")) {
                    while (rs.next()) {
                        if (listed.contains(rs.getString(1))) {
                            missing.add(table + " (points at " + rs.getString(1) + ")");
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing, "tables holding a story's rows that a story package would leave behind:"
                + " add them to StoryTables.TABLES");
    }

    @Test
    void foreignDamagedAndNewerPackagesAreRefusedAndTheLibraryIsUntouched() throws IOException {
        Path good = dir.resolve("good.quire");
        try (Studio desktop = Studio.open(desk, Studio.NewLibrary.EMPTY, Map.of())) {
            StoryPackage.export(desktop, storyId, good);
        }
        Map<String, byte[]> parts = unzip(good);

        Path foreign = dir.resolve("foreign.quire");
        Files.writeString(foreign, "{\"entries\": {}}");
        Path notOurs = zip(dir.resolve("not-ours.quire"), Map.of("manifest.json",
                "{\"format\":\"something-else\"}".getBytes(StandardCharsets.UTF_8)));
        Path damaged = dir.resolve("damaged.quire");
        Map<String, byte[]> changed = new LinkedHashMap<>(parts);
        changed.put("rows.json", new String(parts.get("rows.json"), StandardCharsets.UTF_8)
                .replace("Packed chapter", "Altered chapter").getBytes(StandardCharsets.UTF_8));
        zip(damaged, changed);
        Path cut = dir.resolve("cut.quire");
        byte[] whole = Files.readAllBytes(good);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));
        Path newer = dir.resolve("newer.quire");
        Map<String, byte[]> future = new LinkedHashMap<>(parts);
        future.put("manifest.json", new String(parts.get("manifest.json"), StandardCharsets.UTF_8)
                .replaceFirst("\"schemaVersion\" : \\d+", "\"schemaVersion\" : 999").getBytes(StandardCharsets.UTF_8));
        zip(newer, future);

        Path library = laptop.resolve("quire.db");
        Map<String, List<String>> untouched = LibraryRows.of(library);
        Map<Path, String> says = new LinkedHashMap<>();
        says.put(foreign, "not a Quire story package");
        says.put(notOurs, "not a Quire story package");
        says.put(damaged, "damaged");
        says.put(cut, "damaged");
        says.put(newer, "newer Quire");
        for (Map.Entry<Path, String> e : says.entrySet()) {
            try (Studio other = Studio.open(laptop, Studio.NewLibrary.EMPTY, Map.of())) {
                StoryPackage.PackageException refused = assertThrows(StoryPackage.PackageException.class,
                        () -> StoryPackage.importStory(other, e.getKey()));
                assertTrue(refused.getMessage().contains(e.getValue()), e.getKey() + ": " + refused.getMessage());
                assertTrue(refused.getMessage().contains("Nothing was imported") || refused.getMessage()
                        .contains("nothing was imported"), refused.getMessage());
            }
            assertEquals(untouched, LibraryRows.of(library), e.getKey() + " left the library as it was");
        }
    }

    @Test
    void aPackageWhoseRowsTheLibraryCannotTakeAddsNothing() throws IOException {
        Path good = dir.resolve("good.quire");
        try (Studio desktop = Studio.open(desk, Studio.NewLibrary.EMPTY, Map.of())) {
            StoryPackage.export(desktop, storyId, good);
        }
        // a well-formed package whose last table breaks a rule of the schema: the rows before it must go too
        StoryRows.Rows rows = StoryPackage.read(good).data();
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>(rows.tables());
        List<Map<String, Object>> frames = new ArrayList<>(tables.get("frame"));
        Map<String, Object> bad = new LinkedHashMap<>(frames.get(0));
        bad.put("template", null);
        frames.add(bad);
        tables.put("frame", frames);
        Map<String, List<String>> untouched = LibraryRows.of(laptop.resolve("quire.db"));
        try (Studio other = Studio.open(laptop, Studio.NewLibrary.EMPTY, Map.of())) {
            assertThrows(PersistenceException.class,
                    () -> StoryRows.importRows(other.database(), new StoryRows.Rows(rows.schemaVersion(), tables)));
            List<StorySummary> stories = other.stories().list();
            assertTrue(stories.isEmpty(), stories.toString());
        }
        assertEquals(untouched, LibraryRows.of(laptop.resolve("quire.db")));
    }

    private static Map<String, byte[]> unzip(Path file) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                out.put(e.getName(), zip.readAllBytes());
            }
        }
        return out;
    }

    private static Path zip(Path file, Map<String, byte[]> parts) throws IOException {
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> p : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(p.getKey()));
                zip.write(p.getValue());
                zip.closeEntry();
            }
        }
        return file;
    }
}
