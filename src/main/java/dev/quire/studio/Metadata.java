package dev.quire.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.StoryMetadata;
import dev.quire.model.WordRounding;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A story's metadata (author, pen name, contact block, word-count rounding, short title), kept in the story's
 * settings. Exports read it for title pages, a manuscript's first page and header, and a file's author.
 */
public final class Metadata {

    /** The names a writer sets fields by, as {@code quire story --set} and the JSON use them, in order. */
    public static final List<String> FIELDS = List.of("author", "pen-name", "contact", "email", "agent", "rounding",
            "short-title");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Studio studio;

    Metadata(Studio studio) {
        this.studio = studio;
    }

    /** The story's metadata; {@link StoryMetadata#NONE} when none was set. */
    public StoryMetadata of(long storyId) {
        return studio.settings().get(key(storyId)).map(Metadata::parse).orElse(StoryMetadata.NONE);
    }

    /**
     * Keeps {@code metadata} for the story.
     *
     * @throws IllegalArgumentException when there is no such story
     */
    public void set(long storyId, StoryMetadata metadata) {
        String json;
        try {
            json = JSON.writeValueAsString(toJson(metadata));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        studio.database().transaction("save the story's author and contact", () -> {
            studio.stories().get(storyId).orElseThrow(() -> new IllegalArgumentException(
                    "There is no story with id " + storyId + " in this library."));
            if (metadata.isEmpty()) {
                studio.settings().delete(key(storyId));
            } else {
                studio.settings().put(key(storyId), json);
            }
            return null;
        });
    }

    /**
     * Changes the named fields ({@link #FIELDS}) and keeps the result, in one transaction; an empty value clears a
     * field.
     *
     * @throws IllegalArgumentException naming the field or value that is not known, before anything changes
     */
    public StoryMetadata change(long storyId, Map<String, String> changes) {
        return studio.database().transaction("change the story's author and contact", () -> {
            StoryMetadata changed = apply(of(storyId), changes);
            set(storyId, changed);
            return changed;
        });
    }

    /** {@code metadata} with {@code changes} applied; see {@link #change}. */
    public static StoryMetadata apply(StoryMetadata metadata, Map<String, String> changes) {
        StoryMetadata m = metadata;
        for (Map.Entry<String, String> e : changes.entrySet()) {
            String value = e.getValue() == null ? "" : e.getValue();
            m = switch (e.getKey().strip().toLowerCase(Locale.ROOT).replace('_', '-')) {
                case "author" -> m.withAuthor(value);
                case "pen-name", "penname" -> m.withPenName(value);
                case "contact", "address" -> m.withContact(value);
                case "email", "e-mail" -> m.withEmail(value);
                case "agent" -> m.withAgent(value);
                case "short-title", "shorttitle" -> m.withShortTitle(value);
                case "rounding" -> m.withRounding(value.isBlank() ? WordRounding.CONVENTION
                        : WordRounding.named(value).orElseThrow(() -> new IllegalArgumentException(
                        "rounding must be one of convention, 100, 500, 1000, 5000 or exact, not “" + value + "”.")));
                default -> throw new IllegalArgumentException("A story has no “" + e.getKey() + "”: set one of "
                        + String.join(", ", FIELDS) + ".");
            };
        }
        return m;
    }

    /** The fields by name, in {@link #FIELDS} order, each as text. */
    public static Map<String, String> fields(StoryMetadata m) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("author", m.author());
        out.put("pen-name", m.penName());
        out.put("contact", m.contact());
        out.put("email", m.email());
        out.put("agent", m.agent());
        out.put("rounding", m.rounding().key());
        out.put("short-title", m.shortTitle());
        return out;
    }

    /** Forgets the story's metadata, as when the story is deleted (a later story may get its id). */
    void forget(long storyId) {
        studio.settings().delete(key(storyId));
    }

    private static ObjectNode toJson(StoryMetadata m) {
        ObjectNode node = JSON.createObjectNode();
        fields(m).forEach(node::put);
        return node;
    }

    private static StoryMetadata parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            Map<String, String> values = new LinkedHashMap<>();
            for (String f : FIELDS) {
                JsonNode v = node.get(f);
                if (v != null && v.isTextual()) {
                    values.put(f, v.asText());
                }
            }
            String rounding = values.remove("rounding");
            StoryMetadata m = apply(StoryMetadata.NONE, values);
            return m.withRounding(Optional.ofNullable(rounding).flatMap(WordRounding::named)
                    .orElse(WordRounding.CONVENTION));
        } catch (JsonProcessingException | RuntimeException e) {
            // only an edit of the library file by hand gets here; the story then has no metadata, as before any was set
            return StoryMetadata.NONE;
        }
    }

    /** Built and read only here, so the setting's name has one home. */
    private static String key(long storyId) {
        return "story." + storyId + ".metadata";
    }
}
