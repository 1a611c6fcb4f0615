package dev.quire.cards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.backup.LibraryRows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Card files as other tools write them, built byte by byte here rather than through Quire's own
 * PNG code, so a test checks Quire against the format and not against itself.
 */
final class CardFiles {

    static final ObjectMapper JSON = new ObjectMapper();
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private CardFiles() {
    }

    record Chunk(String type, byte[] data) {
        String keyword() {
            int nul = 0;
            while (nul < data.length && data[nul] != 0) {
                nul++;
            }
            return new String(data, 0, nul, StandardCharsets.ISO_8859_1);
        }

        String text() {
            int nul = keyword().length();
            return new String(data, nul + 1, data.length - nul - 1, StandardCharsets.ISO_8859_1);
        }
    }

    // ---- PNG ----

    static byte[] chunkBytes(String type, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(int32(data.length));
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(int32((int) crc.getValue()));
        return out.toByteArray();
    }

    static byte[] int32(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static Chunk text(String keyword, String text) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] v = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[k.length + 1 + v.length];
        System.arraycopy(k, 0, data, 0, k.length);
        System.arraycopy(v, 0, data, k.length + 1, v.length);
        return new Chunk("tEXt", data);
    }

    static Chunk cardChunk(String keyword, JsonNode card) {
        try {
            return text(keyword, Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(card)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 2×2 RGB image in two colours: IHDR and IDAT, no IEND. */
    static List<Chunk> image() {
        byte[] ihdr = new byte[13];
        System.arraycopy(int32(2), 0, ihdr, 0, 4);
        System.arraycopy(int32(2), 0, ihdr, 4, 4);
        ihdr[8] = 8;
        ihdr[9] = 2;
        byte[] rows = {0, (byte) 200, 40, 40, 40, 40, (byte) 200, 0, 10, 20, 30, 90, 80, 70};
        Deflater d = new Deflater();
        d.setInput(rows);
        d.finish();
        byte[] buf = new byte[256];
        int n = d.deflate(buf);
        d.end();
        return List.of(new Chunk("IHDR", ihdr), new Chunk("tEXt", text("Software", "a card editor").data()),
                new Chunk("IDAT", Arrays.copyOf(buf, n)));
    }

    /** The image with {@code extra} chunks after it, then IEND, as a card editor writes it. */
    static byte[] png(Chunk... extra) {
        List<Chunk> chunks = new ArrayList<>(image());
        chunks.addAll(List.of(extra));
        chunks.add(new Chunk("IEND", new byte[0]));
        return png(chunks);
    }

    static byte[] png(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        for (Chunk c : chunks) {
            out.writeBytes(chunkBytes(c.type(), c.data()));
        }
        return out.toByteArray();
    }

    /** Every chunk, each CRC checked: what a strict PNG reader does. */
    static List<Chunk> chunks(byte[] png) {
        if (!Arrays.equals(png, 0, 8, SIGNATURE, 0, 8)) {
            throw new AssertionError("not a PNG signature");
        }
        List<Chunk> out = new ArrayList<>();
        int at = 8;
        while (at < png.length) {
            int length = ((png[at] & 0xff) << 24) | ((png[at + 1] & 0xff) << 16) | ((png[at + 2] & 0xff) << 8)
                    | (png[at + 3] & 0xff);
            String type = new String(png, at + 4, 4, StandardCharsets.ISO_8859_1);
            byte[] data = Arrays.copyOfRange(png, at + 8, at + 8 + length);
            CRC32 crc = new CRC32();
            crc.update(png, at + 4, 4 + length);
            int stored = ((png[at + 8 + length] & 0xff) << 24) | ((png[at + 9 + length] & 0xff) << 16)
                    | ((png[at + 10 + length] & 0xff) << 8) | (png[at + 11 + length] & 0xff);
            if ((int) crc.getValue() != stored) {
                throw new AssertionError("bad CRC on " + type);
            }
            out.add(new Chunk(type, data));
            at += 12 + length;
            if (type.equals("IEND")) {
                break;
            }
        }
        if (out.isEmpty() || !out.get(out.size() - 1).type().equals("IEND")) {
            throw new AssertionError("no IEND");
        }
        return out;
    }

    /** The card in the PNG's text chunk named {@code keyword}, decoded. */
    static JsonNode cardIn(byte[] png, String keyword) {
        for (Chunk c : chunks(png)) {
            if (c.type().equals("tEXt") && c.keyword().equals(keyword)) {
                try {
                    return JSON.readTree(Base64.getDecoder().decode(c.text()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new AssertionError("no " + keyword + " chunk");
    }

    // ---- cards ----

    /** A card as SillyTavern exports one: V1 fields repeated at the top, its extensions, a book. */
    static ObjectNode sillyTavernV2() {
        return (ObjectNode) read(SILLY_TAVERN_V2);
    }

    /** {@link #sillyTavernV2()} as the text a file holds. */
    static final String SILLY_TAVERN_V2 = """
                {
                  "name": "Maren Holt",
                  "description": "A lighthouse keeper's daughter who took over the lamp at sixteen.",
                  "personality": "Dry, watchful, kind in deeds rather than words.",
                  "scenario": "A storm has cut the island off from the mainland for a week.",
                  "first_mes": "*Maren sets the kettle on.* You'll want to dry off before you say anything.",
                  "mes_example": "<START>\\n{{user}}: Is the light still burning?\\n{{char}}: Always is.",
                  "creatorcomment": "Works best in slow, quiet scenes.",
                  "avatar": "none",
                  "chat": "Maren Holt - 2024-5-1@12h00m00s",
                  "talkativeness": "0.4",
                  "fav": false,
                  "tags": ["coastal", "slow burn"],
                  "spec": "chara_card_v2",
                  "spec_version": "2.0",
                  "data": {
                    "name": "Maren Holt",
                    "description": "A lighthouse keeper's daughter who took over the lamp at sixteen.",
                    "personality": "Dry, watchful, kind in deeds rather than words.",
                    "scenario": "A storm has cut the island off from the mainland for a week.",
                    "first_mes": "*Maren sets the kettle on.* You'll want to dry off before you say anything.",
                    "mes_example": "<START>\\n{{user}}: Is the light still burning?\\n{{char}}: Always is.",
                    "creator_notes": "Works best in slow, quiet scenes.",
                    "system_prompt": "",
                    "post_history_instructions": "Keep Maren's replies short.",
                    "tags": ["coastal", "slow burn"],
                    "creator": "harbourwriter",
                    "character_version": "1.2",
                    "alternate_greetings": ["*The lamp turns overhead.* You're late.", "— « Tu es en retard. » 🌊"],
                    "x_unknown_field": {"kept": [1, 2.5, "three"]},
                    "extensions": {
                      "talkativeness": "0.4",
                      "fav": false,
                      "world": "Saltrey",
                      "depth_prompt": {"prompt": "Maren never lies about the weather.", "depth": 4, "role": "system"},
                      "some_other_tool": {"temperature": 0.7, "scale": 1.10, "seed": 12345678901234567890}
                    },
                    "character_book": {
                      "name": "Saltrey",
                      "scan_depth": 50,
                      "recursive_scanning": false,
                      "extensions": {},
                      "entries": [
                        {
                          "id": 0,
                          "keys": ["lighthouse", "lamp"],
                          "secondary_keys": [],
                          "comment": "The Saltrey light",
                          "content": "The light has not gone out in ninety years.",
                          "constant": false,
                          "selective": true,
                          "insertion_order": 100,
                          "enabled": true,
                          "position": "before_char",
                          "extensions": {"position": 0, "probability": 100, "useProbability": true, "depth": 4,
                                         "group": "", "display_index": 0}
                        },
                        {
                          "id": 1,
                          "keys": ["ferry"],
                          "comment": "",
                          "content": "The ferry runs Tuesdays, weather allowing.",
                          "constant": true,
                          "insertion_order": 90,
                          "enabled": false,
                          "extensions": {"position": 1}
                        }
                      ]
                    }
                  },
                  "create_date": "2024-5-1@12h00m00s"
                }""";

    static ObjectNode v3() {
        return (ObjectNode) read("""
                {
                  "spec": "chara_card_v3",
                  "spec_version": "3.0",
                  "data": {
                    "name": "Tobias Wren",
                    "nickname": "Toby",
                    "description": "Appearance: Tall, ink on his cuffs.\\n\\nBackstory: Printed the paper for thirty years.",
                    "personality": "Curious to a fault.",
                    "scenario": "",
                    "first_mes": "",
                    "mes_example": "{{char}}: Off the record? Nothing's off the record.",
                    "creator_notes": "",
                    "creator_notes_multilingual": {"en": "", "fr": "Un imprimeur curieux."},
                    "system_prompt": "",
                    "post_history_instructions": "",
                    "alternate_greetings": [],
                    "group_only_greetings": ["*Tobias looks up from the press.*"],
                    "tags": ["press"],
                    "creator": "",
                    "character_version": "",
                    "source": ["https://example.org/cards/tobias"],
                    "creation_date": 1700000000,
                    "modification_date": 1700000001,
                    "assets": [{"type": "icon", "uri": "ccdefault:", "name": "main", "ext": "png"}],
                    "extensions": {"risu": {"utilityBot": false}},
                    "character_book": {
                      "extensions": {},
                      "entries": [
                        {"keys": ["press"], "content": "@@depth 2\\nThe press is older than the harbour.",
                         "extensions": {}, "enabled": true, "insertion_order": 1, "use_regex": false,
                         "constant": false, "name": "The press"}
                      ]
                    }
                  }
                }""");
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode json) {
        try {
            return JSON.writeValueAsBytes(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(Path file, byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- CHARX ----

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            m.put((String) nameThenBytes[i], (byte[]) nameThenBytes[i + 1]);
        }
        return m;
    }

    // ---- the library, as rows ----

    /** Every row of every table: "the library has not changed" as one value. */
    static Map<String, List<String>> rows(Path library) {
        return LibraryRows.of(library);
    }
}
