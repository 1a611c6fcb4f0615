package dev.quire.studio.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.CharacterSheet;
import dev.quire.model.CharacterSheet.Field;
import dev.quire.model.Fact;
import dev.quire.model.LoreEntry;
import dev.quire.model.PlayedBy;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Card fields to sheet fields and back; the choices are described in {@code package-info.java}.
 * Export starts from the card as it was imported and rewrites only the groups of fields whose
 * sheet counterparts the writer has since changed, so everything else leaves exactly as it came.
 */
final class SheetMapping {

    /** The key under {@code data.extensions} for what a sheet has and a card does not. */
    static final String EXTENSION = "quire";
    static final String SCENARIO = "Scenario: ";
    static final String FIRST_MESSAGE = "First message:";
    static final String EXAMPLE_MESSAGES = "Example messages:";

    /** The sheet fields the card's description holds, in the order they are written. */
    static final List<Field> DESCRIPTION = List.of(Field.ROLE, Field.APPEARANCE, Field.PSYCHOLOGY, Field.BACKSTORY,
            Field.DESIRES, Field.FEARS, Field.RELATIONSHIPS, Field.INTERESTS);

    /** "Appearance:" and the like at the start of a line: a description written in labelled sections. */
    private static final Pattern LABEL;

    static {
        List<String> labels = new ArrayList<>();
        for (Field f : DESCRIPTION) {
            labels.add(Pattern.quote(f.label()));
        }
        labels.add("Interests"); // after "Interests outside the plot", so the longer label wins
        LABEL = Pattern.compile("(?im)^[ \\t]*(" + String.join("|", labels) + ")[ \\t]*:[ \\t]*");
    }

    /** What a card becomes in Quire: a sheet and the lore entries of its character book. */
    record Mapped(CharacterSheet sheet, List<LoreEntry> lore) {
    }

    private SheetMapping() {
    }

    static Mapped fromCard(ObjectNode card, long storyId) {
        JsonNode data = card.get("data");
        String name = text(data, "name").strip();
        CharacterSheet sheet = CharacterSheet.named(storyId, name);
        for (Map.Entry<Field, String> e : parseDescription(text(data, "description")).entrySet()) {
            sheet = sheet.with(e.getKey(), e.getValue());
        }
        sheet = sheet.with(Field.PERSONALITY, text(data, "personality"))
                .with(Field.VOICE, composeVoice(text(data, "first_mes"), text(data, "mes_example")))
                .with(Field.PRIVATE_NOTES, text(data, "creator_notes"));

        JsonNode quire = data.path("extensions").path(EXTENSION);
        Set<String> aliases = new LinkedHashSet<>();
        String nickname = text(data, "nickname").strip();
        if (!nickname.isEmpty() && !nickname.equals(name)) {
            aliases.add(nickname);
        }
        for (String alias : strings(quire.path("aliases"))) {
            if (!alias.isBlank()) {
                aliases.add(alias.strip());
            }
        }
        List<Fact> facts = new ArrayList<>();
        String scenario = text(data, "scenario");
        if (!scenario.isBlank()) {
            facts.add(Fact.of(SCENARIO + scenario));
        }
        for (String fact : strings(quire.path("facts"))) {
            facts.add(Fact.of(fact));
        }
        PlayedBy playedBy = quire.path("played_by").asText("").equalsIgnoreCase("writer") ? PlayedBy.WRITER
                : PlayedBy.MODEL;
        sheet = sheet.withAliases(List.copyOf(aliases)).withFacts(facts).withPlayedBy(playedBy);

        List<LoreEntry> lore = new ArrayList<>();
        JsonNode entries = data.path("character_book").path("entries");
        for (int i = 0; i < entries.size(); i++) {
            lore.add(loreEntry(entries.get(i), storyId, name, i));
        }
        return new Mapped(sheet, lore);
    }

    private static LoreEntry loreEntry(JsonNode entry, long storyId, String character, int index) {
        List<String> keys = new ArrayList<>();
        for (String key : strings(entry.path("keys"))) {
            if (!key.isBlank()) {
                keys.add(key.strip());
            }
        }
        String title = firstNonBlank(text(entry, "name"), text(entry, "comment"),
                keys.isEmpty() ? "" : keys.get(0), character + " lore " + (index + 1));
        boolean enabled = !entry.has("enabled") || entry.get("enabled").asBoolean(true);
        boolean constant = entry.path("constant").asBoolean(false);
        return new LoreEntry(0, storyId, title.strip(), keys, text(entry, "content"), constant, enabled);
    }

    /**
     * The card for {@code sheet}: the kept card with the writer's changes merged in, or a new card.
     *
     * @param kept       the card as imported, with the ids its book entries became; null for a sheet made in Quire
     * @param loreNow    the story's lore entries by id, as they are now
     * @param nowSeconds for V3's modification (and, on a new card, creation) date
     */
    static ObjectNode toCard(CharacterSheet sheet, KeptCard kept, Map<Long, LoreEntry> loreNow, CardSpec spec,
                             long nowSeconds) {
        ObjectNode card;
        Mapped was;
        if (kept != null) {
            card = kept.card().deepCopy();
            was = fromCard(kept.card(), sheet.storyId());
        } else {
            card = newCard(spec);
            was = null;
        }
        ObjectNode data = (ObjectNode) card.get("data");
        if (was == null || !sheet.name().equals(was.sheet().name())) {
            data.put("name", sheet.name());
        }
        if (was == null || !sameFields(sheet, was.sheet(), DESCRIPTION)) {
            data.put("description", composeDescription(sheet));
        }
        if (was == null || !sameFields(sheet, was.sheet(), List.of(Field.PERSONALITY))) {
            data.put("personality", sheet.personality());
        }
        if (was == null || !sameFields(sheet, was.sheet(), List.of(Field.VOICE))) {
            String[] voice = splitVoice(sheet.voice());
            data.put("first_mes", voice[0]);
            data.put("mes_example", voice[1]);
        }
        if (was == null || !sameFields(sheet, was.sheet(), List.of(Field.PRIVATE_NOTES))) {
            data.put("creator_notes", sheet.privateNotes());
        }
        if (was == null || !scenario(sheet).equals(scenario(was.sheet()))) {
            data.put("scenario", scenario(sheet));
        }
        if (was == null || !sheet.aliases().equals(was.sheet().aliases())
                || !otherFacts(sheet).equals(otherFacts(was.sheet())) || sheet.playedBy() != was.sheet().playedBy()) {
            writeExtension(data, sheet, spec);
        }
        if (kept != null) {
            mergeBook(data, kept, was.lore(), loreNow);
        }
        convert(card, spec, kept == null, nowSeconds);
        mirrorTopLevel(card);
        return card;
    }

    private static ObjectNode newCard(CardSpec spec) {
        ObjectNode card = JsonNodeFactory.instance.objectNode();
        card.put("spec", spec.spec());
        card.put("spec_version", spec.version());
        ObjectNode data = card.putObject("data");
        for (String field : new String[] {"name", "description", "personality", "scenario", "first_mes",
                "mes_example", "creator_notes", "system_prompt", "post_history_instructions"}) {
            data.put(field, "");
        }
        data.putArray("alternate_greetings");
        data.putArray("tags");
        data.put("creator", "");
        data.put("character_version", "");
        data.putObject("extensions");
        return card;
    }

    private static void writeExtension(ObjectNode data, CharacterSheet sheet, CardSpec spec) {
        JsonNode existing = data.get("extensions");
        ObjectNode extensions = existing != null && existing.isObject() ? (ObjectNode) existing
                : data.putObject("extensions");
        JsonNode existingQuire = extensions.get(EXTENSION);
        ObjectNode quire = existingQuire != null && existingQuire.isObject() ? (ObjectNode) existingQuire
                : extensions.objectNode();
        List<String> aliases = sheet.aliases();
        boolean nicknameSays = spec == CardSpec.V3 && aliases.size() <= 1;
        if (spec == CardSpec.V3 && !aliases.isEmpty()) {
            data.put("nickname", aliases.get(0));
        } else {
            data.remove("nickname");
        }
        if (!aliases.isEmpty() && !nicknameSays) {
            putStrings(quire, "aliases", aliases);
        } else {
            quire.remove("aliases");
        }
        List<String> facts = otherFacts(sheet);
        if (!facts.isEmpty()) {
            putStrings(quire, "facts", facts);
        } else {
            quire.remove("facts");
        }
        if (sheet.playedBy() == PlayedBy.WRITER) {
            quire.put("played_by", "writer");
        } else {
            quire.remove("played_by");
        }
        if (quire.isEmpty()) {
            extensions.remove(EXTENSION);
        } else {
            extensions.set(EXTENSION, quire);
        }
    }

    /**
     * The book entries the card came with, those the writer deleted in Quire left out and the
     * changed ones updated; lore added in Quire since is the story's, not this character's.
     */
    private static void mergeBook(ObjectNode data, KeptCard kept, List<LoreEntry> was, Map<Long, LoreEntry> loreNow) {
        JsonNode book = data.get("character_book");
        if (book == null || !book.isObject() || !book.path("entries").isArray()) {
            return;
        }
        ArrayNode original = (ArrayNode) book.get("entries");
        ArrayNode merged = original.arrayNode();
        for (int i = 0; i < original.size(); i++) {
            Long id = i < kept.loreIds().size() ? kept.loreIds().get(i) : null;
            LoreEntry now = id == null ? null : loreNow.get(id);
            if (now == null) {
                continue;
            }
            ObjectNode entry = (ObjectNode) original.get(i);
            LoreEntry before = was.get(i);
            if (!now.keywords().equals(before.keywords())) {
                putStrings(entry, "keys", now.keywords());
            }
            if (!now.content().equals(before.content())) {
                entry.put("content", now.content());
            }
            if (now.enabled() != before.enabled()) {
                entry.put("enabled", now.enabled());
            }
            if (now.alwaysOn() != before.alwaysOn()) {
                entry.put("constant", now.alwaysOn());
            }
            if (!now.title().equals(before.title())) {
                entry.put(entry.has("name") || !entry.has("comment") ? "name" : "comment", now.title());
            }
            merged.add(entry);
        }
        ((ObjectNode) book).set("entries", merged);
    }

    /** Sets the spec, and what V3 requires that a V2 card may lack; V3 fields a V2 export keeps are harmless. */
    private static void convert(ObjectNode card, CardSpec spec, boolean isNew, long nowSeconds) {
        String before = card.path("spec").asText("");
        card.put("spec", spec.spec());
        if (!before.equals(spec.spec()) || !card.has("spec_version")) {
            card.put("spec_version", spec.version());
        }
        ObjectNode data = (ObjectNode) card.get("data");
        // files packed in a CHARX are not kept, so pointers to them would dangle, in a V2 export too
        dropEmbeddedAssets(data);
        if (spec != CardSpec.V3) {
            return;
        }
        if (!data.path("group_only_greetings").isArray()) {
            data.putArray("group_only_greetings");
        }
        JsonNode entries = data.path("character_book").path("entries");
        for (JsonNode entry : entries) {
            if (entry.isObject() && !entry.has("use_regex")) {
                ((ObjectNode) entry).put("use_regex", false);
            }
        }
        if (isNew) {
            data.put("creation_date", nowSeconds);
        }
        data.put("modification_date", nowSeconds);
    }

    private static void dropEmbeddedAssets(ObjectNode data) {
        JsonNode assets = data.get("assets");
        if (assets == null || !assets.isArray()) {
            return;
        }
        ArrayNode kept = ((ArrayNode) assets).arrayNode();
        for (JsonNode asset : assets) {
            if (!asset.path("uri").asText("").startsWith("embeded://")) {
                kept.add(asset);
            }
        }
        if (kept.isEmpty() && !assets.isEmpty()) {
            data.remove("assets");
        } else {
            data.set("assets", kept);
        }
    }

    /** SillyTavern repeats the V1 fields at the top of a V2 card; where a card has them, they follow data. */
    private static void mirrorTopLevel(ObjectNode card) {
        JsonNode data = card.get("data");
        for (String field : new String[] {"name", "description", "personality", "scenario", "first_mes",
                "mes_example"}) {
            if (card.path(field).isTextual()) {
                card.put(field, text(data, field));
            }
        }
        if (card.path("creatorcomment").isTextual()) {
            card.put("creatorcomment", text(data, "creator_notes"));
        }
    }

    // ---- the description: one text on a card, several fields on a sheet ----

    static Map<Field, String> parseDescription(String description) {
        Map<Field, String> out = new EnumMap<>(Field.class);
        Matcher m = LABEL.matcher(description);
        if (!m.find() || !description.substring(0, m.start()).isBlank()) {
            if (!description.isEmpty()) {
                out.put(Field.BACKSTORY, description);
            }
            return out;
        }
        Field field = labelled(m.group(1));
        int start = m.end();
        while (true) {
            boolean more = m.find();
            String value = description.substring(start, more ? m.start() : description.length()).strip();
            out.merge(field, value, (a, b) -> a.isEmpty() ? b : b.isEmpty() ? a : a + "\n\n" + b);
            if (!more) {
                return out;
            }
            field = labelled(m.group(1));
            start = m.end();
        }
    }

    static String composeDescription(CharacterSheet sheet) {
        List<Field> filled = new ArrayList<>();
        for (Field f : DESCRIPTION) {
            if (!sheet.get(f).isBlank()) {
                filled.add(f);
            }
        }
        if (filled.isEmpty()) {
            return "";
        }
        if (filled.equals(List.of(Field.BACKSTORY)) && !startsWithLabel(sheet.backstory())) {
            return sheet.backstory();
        }
        List<String> sections = new ArrayList<>();
        for (Field f : filled) {
            sections.add(f.label() + ": " + sheet.get(f).strip());
        }
        return String.join("\n\n", sections);
    }

    private static boolean startsWithLabel(String text) {
        Matcher m = LABEL.matcher(text);
        return m.find() && text.substring(0, m.start()).isBlank();
    }

    private static Field labelled(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        for (Field f : DESCRIPTION) {
            if (f.label().toLowerCase(Locale.ROOT).equals(l)) {
                return f;
            }
        }
        return Field.INTERESTS; // "Interests", the short label
    }

    // ---- voice: the first message and the example messages ----

    static String composeVoice(String firstMessage, String examples) {
        if (firstMessage.isBlank()) {
            return examples;
        }
        String voice = FIRST_MESSAGE + "\n" + firstMessage;
        return examples.isBlank() ? voice : voice + "\n\n" + EXAMPLE_MESSAGES + "\n" + examples;
    }

    /** {first_mes, mes_example}: a voice Quire composed splits back; any other voice is example text. */
    static String[] splitVoice(String voice) {
        if (!voice.startsWith(FIRST_MESSAGE + "\n")) {
            return new String[] {"", voice};
        }
        String rest = voice.substring(FIRST_MESSAGE.length() + 1);
        String marker = "\n\n" + EXAMPLE_MESSAGES + "\n";
        int at = rest.indexOf(marker);
        return at < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, at), rest.substring(at + marker.length())};
    }

    // ---- facts: the scenario, and the rest ----

    static String scenario(CharacterSheet sheet) {
        for (Fact f : sheet.facts()) {
            if (f.text().startsWith(SCENARIO)) {
                return f.text().substring(SCENARIO.length());
            }
        }
        return "";
    }

    static List<String> otherFacts(CharacterSheet sheet) {
        List<String> out = new ArrayList<>();
        boolean scenarioSeen = false;
        for (Fact f : sheet.facts()) {
            if (!scenarioSeen && f.text().startsWith(SCENARIO)) {
                scenarioSeen = true;
            } else {
                out.add(f.text());
            }
        }
        return out;
    }

    // ---- helpers ----

    private static boolean sameFields(CharacterSheet a, CharacterSheet b, List<Field> fields) {
        for (Field f : fields) {
            if (!Objects.equals(a.get(f), b.get(f))) {
                return false;
            }
        }
        return true;
    }

    static String text(JsonNode parent, String field) {
        JsonNode v = parent == null ? null : parent.get(field);
        return v != null && v.isTextual() ? v.asText() : "";
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            for (JsonNode item : array) {
                if (item.isTextual()) {
                    out.add(item.asText());
                }
            }
        }
        return out;
    }

    private static void putStrings(ObjectNode parent, String field, List<String> values) {
        ArrayNode array = parent.putArray(field);
        values.forEach(array::add);
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }
}
