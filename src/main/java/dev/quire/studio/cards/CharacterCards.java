package dev.quire.studio.cards;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.CharacterSheet;
import dev.quire.model.LoreEntry;
import dev.quire.store.PersistenceException;
import dev.quire.studio.Studio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Character cards in and out of a library: SillyTavern/TavernAI Character Card V2 and V3, from
 * PNG, JSON or CHARX, to PNG or JSON. How card fields map onto a sheet, and where the card is kept
 * so that a round trip loses nothing, is described in this package's {@code package-info.java}.
 */
public final class CharacterCards {

    /** The plain portrait an exported PNG gets when the card brought none: SillyTavern's 2:3. */
    static final int PORTRAIT_WIDTH = 400;
    static final int PORTRAIT_HEIGHT = 600;
    /** V3 asks a backfilled V2 card to say it is one. */
    static final String BACKFILL_NOTE = "This character card is Character Card V3, but it is loaded as a Character"
            + " Card V2. Please use a Character Card V3 compatible application to use this character card properly.";

    private final Studio studio;
    private final Clock clock;

    public CharacterCards(Studio studio) {
        this(studio, Clock.systemUTC());
    }

    CharacterCards(Studio studio, Clock clock) {
        this.studio = studio;
        this.clock = clock;
    }

    /** What a card file would become, read and checked without touching any library. */
    public record Preview(CharacterSheet character, List<LoreEntry> lore, CardSpec spec, CardFormat format,
                          List<String> warnings) {
        public Preview {
            lore = List.copyOf(lore);
            warnings = List.copyOf(warnings);
        }
    }

    /** A card imported: the new character and lore entries as saved, and what the writer should know. */
    public record Imported(CharacterSheet character, List<LoreEntry> lore, CardSpec spec, CardFormat format,
                           List<String> warnings) {
        public Imported {
            lore = List.copyOf(lore);
            warnings = List.copyOf(warnings);
        }
    }

    /**
     * Reads and checks a card file for a preview before import.
     *
     * @throws CardException when the file is not a card Quire can read, saying what is wrong
     */
    public static Preview read(Path file) {
        Card card = CardReader.read(file);
        SheetMapping.Mapped mapped = SheetMapping.fromCard(card.json(), 0);
        return new Preview(mapped.sheet(), mapped.lore(), card.spec(), card.format(), card.warnings());
    }

    /**
     * Adds the card's character to the story, with its character book as lore entries, and keeps
     * the card itself for export: all in one transaction, so a failure leaves the library as it was.
     *
     * @throws CardException        when the file is not a card Quire can read; nothing is written
     * @throws PersistenceException when the library cannot be written; nothing is written
     */
    public Imported importCard(Path file, long storyId) {
        Card card;
        try {
            card = CardReader.read(file);
        } catch (CardException e) {
            throw new CardException(e.file(), e.getMessage() + " Nothing was added to the library.", e.getCause());
        }
        if (studio.stories().get(storyId).isEmpty()) {
            throw new PersistenceException("There is no story " + storyId + " in the library at " + studio.dataDir()
                    + "; the card was not imported.");
        }
        SheetMapping.Mapped mapped = SheetMapping.fromCard(card.json(), storyId);
        List<String> warnings = new ArrayList<>(card.warnings());
        for (CharacterSheet existing : studio.characters().list(storyId)) {
            if (existing.name().equalsIgnoreCase(mapped.sheet().name())) {
                warnings.add("The story already had a character named " + existing.name() + "; this one was added"
                        + " beside it.");
                break;
            }
        }
        return studio.database().transaction("import the character card " + file.getFileName(), () -> {
            CharacterSheet character = studio.characters().create(mapped.sheet());
            List<LoreEntry> lore = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            for (LoreEntry entry : mapped.lore()) {
                LoreEntry saved = studio.lore().create(entry);
                lore.add(saved);
                ids.add(saved.id());
            }
            KeptCards.keep(studio, character.id(), card, ids);
            return new Imported(character, lore, card.spec(), card.format(), warnings);
        });
    }

    /** The spec the character's card was imported as, if it came from one. */
    public Optional<CardSpec> importedSpec(long characterId) {
        return KeptCards.find(studio, character(characterId)).map(KeptCard::spec);
    }

    /** The spec an export uses when the writer names none: the one imported, else V2, which every tool reads. */
    public CardSpec defaultSpec(long characterId) {
        return importedSpec(characterId).orElse(CardSpec.V2);
    }

    /**
     * The character as a card. A character imported from a card gives that card back, with the
     * writer's changes to the sheet and to its lore entries merged in; any other gets a new card.
     * A PNG carries the card's own portrait if it came with one, else a plain one; a V3 PNG also
     * carries a V2 copy for older tools.
     */
    public byte[] export(long characterId, CardSpec spec, CardFormat format) {
        if (!format.writable()) {
            throw new IllegalArgumentException("Quire writes cards as PNG or JSON, not " + format);
        }
        CharacterSheet sheet = character(characterId);
        KeptCard kept = KeptCards.find(studio, sheet).orElse(null);
        Map<Long, LoreEntry> lore = new LinkedHashMap<>();
        for (LoreEntry e : studio.lore().list(sheet.storyId())) {
            lore.put(e.id(), e);
        }
        long now = clock.instant().getEpochSecond();
        ObjectNode card = SheetMapping.toCard(sheet, kept, lore, spec, now);
        if (format == CardFormat.JSON) {
            return checked(sheet, json(card, true));
        }
        List<Png.Chunk> chunks = new ArrayList<>();
        chunks.add(Png.textChunk(spec.pngKeyword(), base64(checked(sheet, json(card, false)))));
        if (spec == CardSpec.V3) {
            ObjectNode v2 = SheetMapping.toCard(sheet, kept, lore, CardSpec.V2, now);
            ObjectNode data = (ObjectNode) v2.get("data");
            String notes = data.path("creator_notes").asText("");
            data.put("creator_notes", notes.isEmpty() ? BACKFILL_NOTE : BACKFILL_NOTE + "\n\n" + notes);
            chunks.add(Png.textChunk(CardSpec.V2.pngKeyword(), base64(checked(sheet, json(v2, false)))));
        }
        return Png.write(Png.beforeEnd(portrait(sheet, kept), chunks));
    }

    /** The card's own portrait, checked again on the way out; a plain one when there is none or it is damaged. */
    private static List<Png.Chunk> portrait(CharacterSheet sheet, KeptCard kept) {
        if (kept != null && kept.image() != null) {
            try {
                return Png.read(kept.image(), CardReader.CARD_LIMIT, IllegalArgumentException::new);
            } catch (IllegalArgumentException damaged) {
                // only a library changed by hand gets here; the card itself is still worth exporting
            }
        }
        return Png.portrait(PORTRAIT_WIDTH, PORTRAIT_HEIGHT, sheet.name());
    }

    /**
     * Writes the card to {@code out} atomically: the file is either the whole new card or what it
     * was before.
     *
     * @return the file written
     */
    public Path exportTo(long characterId, CardSpec spec, CardFormat format, Path out) {
        Path target = out.toAbsolutePath();
        Path dir = target.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new CardException(target, "The folder " + dir + " does not exist, so the card cannot be written"
                    + " there. Create it or choose another file.");
        }
        if (Files.isDirectory(target)) {
            throw new CardException(target, target + " is a folder; name the card file to write.");
        }
        byte[] bytes = export(characterId, spec, format);
        Path temp = null;
        try {
            // a short name: the target's own may already be as long as the disk allows
            temp = Files.createTempFile(dir, ".quire-", ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        } catch (IOException e) {
            throw new CardException(target, "Quire could not write the card to " + target + ": " + e.getMessage()
                    + ". The file was not changed.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray .part file is all that is left
                }
            }
        }
    }

    private CharacterSheet character(long characterId) {
        return studio.characters().get(characterId).orElseThrow(() -> new PersistenceException(
                "There is no character " + characterId + " in the library; it may have been deleted."));
    }

    private static byte[] checked(CharacterSheet sheet, byte[] json) {
        if (json.length > CardReader.CARD_LIMIT) {
            throw new CardException(null, sheet.name() + "'s card would be " + Png.megabytes(json.length)
                    + ", more than card tools (and Quire) read (" + Png.megabytes(CardReader.CARD_LIMIT)
                    + "). Shorten the sheet or its lore.");
        }
        return json;
    }

    private static byte[] json(ObjectNode card, boolean pretty) {
        try {
            if (pretty) {
                return (KeptCards.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n")
                        .getBytes(StandardCharsets.UTF_8);
            }
            return KeptCards.JSON.writeValueAsBytes(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a card tree that cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    private static String base64(byte[] json) {
        return Base64.getEncoder().encodeToString(json);
    }
}
