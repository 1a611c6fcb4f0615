package dev.quire.store;

import java.util.List;
import java.util.Map;

/**
 * Every table that holds a story's rows, in the order they can be inserted (a table after those it points to),
 * with which rows belong to a story and which columns hold ids that must be remapped on import. A story package
 * ({@link StoryRows}) carries exactly these; <b>a new story-scoped table is added here, in one line</b>, and its
 * columns travel by themselves (every column is copied, so a column added to a listed table needs nothing).
 */
final class StoryTables {

    /** How a column refers to other rows. */
    sealed interface Ref {
    }

    /** The column holds the id of a row of {@code table} (or null). */
    record Id(String table) implements Ref {
    }

    /** The column holds a JSON array of ids of {@code table}. */
    record IdList(String table) implements Ref {
    }

    /** The column holds spans ({@code [length, flags, label, variantId]} arrays) whose variant ids are remapped. */
    record Spans() implements Ref {
    }

    /** The column holds an id of the table named, by value of {@code kindColumn}; other kinds keep their value. */
    record ById(String kindColumn, Map<String, String> tables) implements Ref {
    }

    /**
     * A table of the package: its rows for story {@code ?} are {@code SELECT * FROM name WHERE where ORDER BY
     * order}; {@code hasId} when its rows have an {@code id INTEGER PRIMARY KEY} of their own.
     */
    record Table(String name, String where, String order, boolean hasId, Map<String, Ref> refs) {
    }

    private static final String SCENES = "(SELECT id FROM scene WHERE story_id = ?)";
    private static final String GENERATIONS = "(SELECT id FROM generation WHERE story_id = ?)";
    private static final String CONVERSATIONS = "(SELECT id FROM conversation WHERE story_id = ?)";
    private static final String CHARACTERS = "(SELECT id FROM character WHERE story_id = ?)";

    static final List<Table> TABLES = List.of(
            new Table("story", "id = ?", "id", true, Map.of()),
            new Table("character", "story_id = ?", "id", true, Map.of("story_id", new Id("story"))),
            new Table("chapter", "story_id = ?", "id", true, Map.of("story_id", new Id("story"))),
            new Table("scene", "story_id = ?", "id", true, Map.of("story_id", new Id("story"),
                    "pov_character_id", new Id("character"), "chapter_id", new Id("chapter"), "spans", new Spans())),
            new Table("scene_character", "scene_id IN " + SCENES, "scene_id, character_id", false, Map.of(
                    "scene_id", new Id("scene"), "character_id", new Id("character"))),
            new Table("conversation", "story_id = ?", "id", true, Map.of("story_id", new Id("story"),
                    "scene_id", new Id("scene"))),
            new Table("generation", "story_id = ?", "id", true, Map.of("story_id", new Id("story"),
                    "scene_id", new Id("scene"), "conversation_id", new Id("conversation"))),
            new Table("variant", "generation_id IN " + GENERATIONS, "id", true, Map.of(
                    "generation_id", new Id("generation"))),
            new Table("continuation", "variant_id IN (SELECT id FROM variant WHERE generation_id IN " + GENERATIONS
                    + ")", "id", true, Map.of("variant_id", new Id("variant"))),
            new Table("scene_revision", "scene_id IN " + SCENES, "id", true, Map.of("scene_id", new Id("scene"),
                    "spans", new Spans())),
            new Table("message", "conversation_id IN " + CONVERSATIONS, "id", true, Map.of(
                    "conversation_id", new Id("conversation"), "parent_id", new Id("message"),
                    "generation_id", new Id("generation"))),
            new Table("character_fact", "character_id IN " + CHARACTERS, "id", true, Map.of(
                    "character_id", new Id("character"), "source_message_id", new Id("message"))),
            new Table("composition", "scene_id IN " + SCENES, "scene_id", false, Map.of("scene_id", new Id("scene"),
                    "columns", new IdList("variant"), "spans", new Spans())),
            new Table("lore_entry", "story_id = ?", "id", true, Map.of("story_id", new Id("story"))),
            new Table("note", "story_id = ?", "id", true, Map.of("story_id", new Id("story"),
                    "source_id", new ById("source_kind", Map.of("variant", "variant", "scene", "scene",
                            "message", "message")))),
            new Table("canon_fact", "story_id = ?", "id", true, Map.of("story_id", new Id("story"),
                    "source_id", new ById("source", Map.of("SCENE", "scene", "MESSAGE", "message")))),
            new Table("frame", "story_id = ?", "id", true, Map.of("story_id", new Id("story"))),
            new Table("request_usage", "story_id = ?", "id", true, Map.of("story_id", new Id("story"),
                    "generation_id", new Id("generation"), "continuation_id", new Id("continuation"),
                    "message_id", new Id("message"))),
            new Table("story_word", "story_id = ?", "word", false, Map.of("story_id", new Id("story"))),
            new Table("story_spelling", "story_id = ?", "story_id", false, Map.of("story_id", new Id("story"))),
            new Table("scene_words", "scene_id IN " + SCENES, "scene_id", false, Map.of("scene_id", new Id("scene"))),
            new Table("words_written", "story_id = ?", "day", false, Map.of("story_id", new Id("story"))),
            new Table("story_replace", "story_id = ?", "id", true, Map.of("story_id", new Id("story"))),
            new Table("story_replace_scene", "replace_id IN (SELECT id FROM story_replace WHERE story_id = ?)",
                    "replace_id, scene_id", false, Map.of("replace_id", new Id("story_replace"),
                    "scene_id", new Id("scene"), "before_revision", new Id("scene_revision"),
                    "after_revision", new Id("scene_revision"))));

    /**
     * Settings that belong to a story, by the shape of their key: {@code story.<id>.…} (verbatim cap, generate
     * mix) and {@code cliche.allowed.<id>}. Their keys are rewritten with the new story id.
     */
    static final List<String> SETTING_PREFIXES = List.of("story.%d.", "cliche.allowed.%d");

    private StoryTables() {
    }
}
