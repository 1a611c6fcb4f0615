package dev.quire.studio.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.CharacterSheet;
import dev.quire.store.PersistenceException;
import dev.quire.studio.Studio;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Imported cards, kept in the library's {@code setting} table under {@code card.<characterId>} so
 * that no schema change was needed. The value also records when the character row was created:
 * SQLite may give a deleted character's id to the next one, which must not inherit the card; the
 * same goes for the lore entries a card's book became.
 */
final class KeptCards {

    static final String PREFIX = "card.";
    private static final int FORMAT = 1;
    static final ObjectMapper JSON = CardReader.JSON;

    private KeptCards() {
    }

    static String key(long characterId) {
        return PREFIX + characterId;
    }

    /** Keeps {@code card} for the character just created; called inside the import's write, so it joins that. */
    static void keep(Studio studio, long characterId, Card card, List<Long> loreIds) {
        ObjectNode value = JSON.createObjectNode();
        value.put("format", FORMAT);
        value.put("character", characterId);
        value.put("created", millis(studio.characters().created(characterId)));
        value.put("spec", card.spec().label());
        value.put("from", card.format().extension());
        ArrayNode lore = value.putArray("lore");
        loreIds.forEach(lore::add);
        ArrayNode loreCreated = value.putArray("lore_created");
        for (long id : loreIds) {
            loreCreated.add(millis(studio.lore().created(id)));
        }
        value.set("card", card.json());
        if (card.image() != null) {
            value.put("image", Base64.getEncoder().encodeToString(card.image()));
        }
        try {
            studio.settings().put(key(characterId), JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new PersistenceException("Could not keep the card of " + card.name() + ": " + e.getOriginalMessage(), e);
        }
        // cards of characters deleted since are of no more use
        studio.settings().deleteForMissingCharacters(PREFIX);
    }

    /** The card {@code sheet} was imported from, if it was and the card is still readable. */
    static Optional<KeptCard> find(Studio studio, CharacterSheet sheet) {
        Optional<String> stored = studio.settings().get(key(sheet.id()));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        try {
            JsonNode value = JSON.readTree(stored.get());
            long created = millis(studio.characters().created(sheet.id()));
            if (value.path("format").asInt() != FORMAT || value.path("character").asLong() != sheet.id()
                    || value.path("created").asLong() != created || !value.path("card").isObject()) {
                return Optional.empty();
            }
            CardSpec spec = CardSpec.parse(value.path("spec").asText()).orElse(CardSpec.V2);
            CardFormat from = CardFormat.parse(value.path("from").asText()).orElse(CardFormat.JSON);
            // a book entry follows its lore entry only while that is the very row made at import
            Map<Long, Instant> createdNow = studio.lore().createdInStory(sheet.storyId());
            List<Long> lore = new ArrayList<>();
            JsonNode ids = value.path("lore");
            JsonNode createdThen = value.path("lore_created");
            for (int i = 0; i < ids.size(); i++) {
                long id = ids.get(i).asLong(-1);
                Instant now = createdNow.get(id);
                boolean same = now != null && createdThen.path(i).isNumber()
                        && createdThen.get(i).asLong() == now.toEpochMilli();
                lore.add(same ? id : -1L);
            }
            byte[] image = value.hasNonNull("image") ? Base64.getDecoder().decode(value.get("image").asText()) : null;
            return Optional.of(new KeptCard((ObjectNode) value.get("card"), spec, from, lore, image));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // a damaged kept card must not stop an export: the sheet alone still makes a card
            return Optional.empty();
        }
    }

    /** As kept in a card's record: -1 for a row that is gone. */
    private static long millis(Optional<Instant> created) {
        return created.map(Instant::toEpochMilli).orElse(-1L);
    }
}
