package dev.quire.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.model.CharacterSheet;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;
import dev.quire.model.Provenance;
import dev.quire.model.Scene;
import dev.quire.model.Story;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The short story a new library starts with, so a first-time writer meets a populated studio. */
final class SampleStory {

    private SampleStory() {
    }

    /** Adds the sample story in one transaction and returns its id. */
    static long addTo(Studio studio) {
        JsonNode root = read();
        return studio.database().transaction("add the sample story", () -> {
            Story story = studio.stories().create(new Story(0, root.get("title").asText(), text(root, "premise"),
                    text(root, "styleGuide"), text(root, "aboutWriter"), strings(root.get("avoidList")),
                    text(root, "notes"), null, null));
            Map<String, Long> characterIds = new HashMap<>();
            for (JsonNode ch : root.get("characters")) {
                List<Fact> facts = new ArrayList<>();
                for (String f : strings(ch.get("facts"))) {
                    facts.add(Fact.of(f));
                }
                CharacterSheet sheet = new CharacterSheet(0, story.id(), text(ch, "name"), strings(ch.get("aliases")),
                        text(ch, "role"), text(ch, "appearance"), text(ch, "personality"), text(ch, "psychology"),
                        text(ch, "backstory"), text(ch, "desires"), text(ch, "fears"), text(ch, "voice"),
                        text(ch, "relationships"), text(ch, "interests"), text(ch, "privateNotes"),
                        PlayedBy.valueOf(text(ch, "playedBy")), facts);
                characterIds.put(sheet.name(), studio.characters().create(sheet).id());
            }
            for (JsonNode l : root.get("lore")) {
                studio.lore().create(new LoreEntry(0, story.id(), text(l, "title"), strings(l.get("keywords")),
                        text(l, "content"), l.path("alwaysOn").asBoolean(), true));
            }
            for (JsonNode s : root.get("scenes")) {
                List<Long> present = new ArrayList<>();
                for (String name : strings(s.get("characters"))) {
                    if (characterIds.containsKey(name)) {
                        present.add(characterIds.get(name));
                    }
                }
                studio.scenes().append(new Scene(0, story.id(), 0, text(s, "title"),
                        Markup.parse(text(s, "text"), Provenance.WRITER), text(s, "summary"),
                        characterIds.get(text(s, "pov")), present, false, null));
            }
            return story.id();
        });
    }

    private static JsonNode read() {
        try (InputStream in = SampleStory.class.getResourceAsStream("sample-story.json")) {
            if (in == null) {
                throw new IllegalStateException("the sample story is missing from this build");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the sample story in this build cannot be read", e);
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asText("");
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }
}
