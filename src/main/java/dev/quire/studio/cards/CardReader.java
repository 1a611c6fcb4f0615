package dev.quire.studio.cards;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a card file, PNG, JSON or CHARX, refusing anything malformed or oversized before a byte
 * of it reaches the library. The format is told from the file's first bytes, then its name.
 */
final class CardReader {

    /** The most card JSON Quire reads: a PNG text chunk, a JSON file, a CHARX card.json. */
    static final int CARD_LIMIT = 8 * 1024 * 1024;
    /** The largest PNG read whole; a portrait with a card is far smaller. */
    static final long PNG_LIMIT = 64L * 1024 * 1024;
    /** What a CHARX may unpack to in all, and how many entries it may have: past these it is a zip bomb. */
    static final long CHARX_UNPACKED_LIMIT = 64L * 1024 * 1024;
    static final int CHARX_ENTRY_LIMIT = 1000;
    /** A portrait larger than this is not kept in the library; an export then gets a plain one. */
    static final int IMAGE_LIMIT = 4 * 1024 * 1024;

    static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // decimals exactly as the card wrote them: 1.10 leaves as 1.10, not rounded through a double
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private static final byte[] EMPTY_ZIP_MAGIC = {'P', 'K', 5, 6};

    private CardReader() {
    }

    static CardException bad(Path file, String what) {
        return new CardException(file, "Quire cannot read the character card " + file + ": " + what + ".");
    }

    static Card read(Path file) {
        byte[] head = head(file);
        CardFormat format;
        if (Png.looksLikePng(head)) {
            format = CardFormat.PNG;
        } else if (startsWith(head, ZIP_MAGIC) || startsWith(head, EMPTY_ZIP_MAGIC)) {
            format = CardFormat.CHARX;
        } else {
            format = CardFormat.ofFileName(file).orElse(CardFormat.JSON);
        }
        return switch (format) {
            case PNG -> readPng(file);
            case CHARX -> readCharx(file);
            case JSON -> readJson(file);
        };
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(8);
            if (head.length == 0) {
                throw bad(file, "the file is empty");
            }
            return head;
        } catch (NoSuchFileException e) {
            throw new CardException(file, "There is no file " + file + ". Check the path.", e);
        } catch (AccessDeniedException e) {
            throw new CardException(file, "Quire may not read " + file + ". Check the file's permissions.", e);
        } catch (IOException e) {
            if (Files.isDirectory(file)) {
                throw new CardException(file, file + " is a folder, not a character card file.", e);
            }
            throw new CardException(file, "Quire could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readAll(Path file, long limit, String tooLarge) {
        try {
            long size = Files.size(file);
            if (size > limit) {
                throw bad(file, "the file is " + Png.megabytes(size) + ", " + tooLarge + " (the limit is "
                        + Png.megabytes(limit) + ")");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CardException(file, "Quire could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Card readJson(Path file) {
        byte[] bytes = readAll(file, CARD_LIMIT, "more than a character card may be");
        JsonNode root = parse(file, bytes, "the file");
        return Card.check(root, file, CardFormat.JSON, null, List.of());
    }

    private static Card readPng(Path file) {
        byte[] bytes = readAll(file, PNG_LIMIT, "too large for a character card");
        List<Png.Chunk> chunks = Png.read(bytes, CARD_LIMIT, what -> bad(file, what));
        Png.Chunk ccv3 = null;
        Png.Chunk chara = null;
        for (Png.Chunk c : chunks) {
            String keyword = c.keyword().toLowerCase(Locale.ROOT);
            if (!keyword.equals("ccv3") && !keyword.equals("chara")) {
                continue;
            }
            if (!c.type().equals("tEXt")) {
                throw bad(file, "its " + keyword + " card is in a " + c.type() + " chunk; cards are kept in plain"
                        + " tEXt chunks, so this PNG was not written by a card editor Quire knows");
            }
            if (keyword.equals("ccv3") && ccv3 == null) {
                ccv3 = c;
            } else if (keyword.equals("chara") && chara == null) {
                chara = c;
            }
        }
        // V3 says: when a PNG has both, the ccv3 chunk is the card and chara a V2 fallback
        Png.Chunk chosen = ccv3 != null ? ccv3 : chara;
        if (chosen == null) {
            throw bad(file, "this PNG holds no character card (it has no chara or ccv3 text chunk)");
        }
        String keyword = chosen == ccv3 ? "ccv3" : "chara";
        byte[] json = base64(file, Png.text(chosen), keyword);
        JsonNode root = parse(file, json, "the " + keyword + " chunk");
        List<String> warnings = new ArrayList<>();
        byte[] image = portraitOf(chunks);
        if (image.length > IMAGE_LIMIT) {
            warnings.add("The portrait is " + Png.megabytes(image.length) + ", more than Quire keeps ("
                    + Png.megabytes(IMAGE_LIMIT) + "); an exported PNG card gets a plain portrait instead.");
            image = null;
        }
        return Card.check(root, file, CardFormat.PNG, image, warnings);
    }

    /** The PNG without the chunks that carry cards, so an export can put its own in. */
    static byte[] portraitOf(List<Png.Chunk> chunks) {
        List<Png.Chunk> image = new ArrayList<>();
        for (Png.Chunk c : chunks) {
            if (!isCardChunk(c)) {
                image.add(c);
            }
        }
        return Png.write(image);
    }

    static boolean isCardChunk(Png.Chunk c) {
        String k = c.keyword().toLowerCase(Locale.ROOT);
        return c.isText() && (k.equals("chara") || k.equals("ccv3") || k.startsWith("chara-ext-asset_"));
    }

    private static byte[] base64(Path file, String text, String keyword) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.isEmpty()) {
            throw bad(file, "its " + keyword + " chunk is empty");
        }
        try {
            return Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            throw bad(file, "its " + keyword + " chunk is not valid base64 (" + e.getMessage() + ")");
        }
    }

    static JsonNode parse(Path file, byte[] bytes, String where) {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        try {
            JsonNode root = JSON.readTree(Arrays.copyOfRange(bytes, start, bytes.length));
            if (root == null || root.isMissingNode()) {
                throw bad(file, where + " holds no JSON (it is empty)");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            throw new CardException(file, "Quire cannot read the character card " + file + ": " + where
                    + " is not valid JSON" + position + ": " + firstLine(e.getOriginalMessage()) + ".", e);
        } catch (IOException e) {
            throw new CardException(file, "Quire could not read " + file + ": " + e.getMessage(), e);
        }
    }

    private static Card readCharx(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            int count = 0;
            long unpacked = 0;
            int assets = 0;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > CHARX_ENTRY_LIMIT) {
                    throw bad(file, "the CHARX archive has more than " + CHARX_ENTRY_LIMIT + " entries, far more than"
                            + " a card has; it may be a zip bomb");
                }
                String name = entry.getName();
                if (escapes(name)) {
                    throw bad(file, "the CHARX archive has an entry named \"" + name + "\", which points outside"
                            + " the archive (a path traversal); Quire refuses the whole file");
                }
                long size = entry.getSize();
                unpacked += size < 0 ? 0 : size;
                if (unpacked > CHARX_UNPACKED_LIMIT) {
                    throw bad(file, "the CHARX archive would unpack to more than "
                            + Png.megabytes(CHARX_UNPACKED_LIMIT) + "; it may be a zip bomb");
                }
                if (!entry.isDirectory() && !name.equals("card.json")) {
                    assets++;
                }
            }
            ZipEntry cardEntry = zip.getEntry("card.json");
            if (cardEntry == null || cardEntry.isDirectory()) {
                throw bad(file, "the CHARX archive has no card.json at its root");
            }
            byte[] json = readEntry(zip, cardEntry, CARD_LIMIT, file);
            if (json == null) {
                throw bad(file, "its card.json unpacks to more than " + Png.megabytes(CARD_LIMIT)
                        + ", more than a character card may be; it may be a zip bomb");
            }
            JsonNode root = parse(file, json, "its card.json");
            List<String> warnings = new ArrayList<>();
            byte[] image = charxIcon(zip, root, file, warnings);
            if (assets > (image == null ? 0 : 1)) {
                warnings.add("Quire keeps the card but not the " + assets + " file" + (assets == 1 ? "" : "s")
                        + " packed with it (images, sounds); exported cards leave out what points to them.");
            }
            return Card.check(root, file, CardFormat.CHARX, image, warnings);
        } catch (ZipException e) {
            throw bad(file, "it is not a CHARX card: it cannot be read as a zip archive (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new CardException(file, "Quire could not read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The main icon, when card.json names an embedded PNG for it; kept as the card's portrait. */
    private static byte[] charxIcon(ZipFile zip, JsonNode root, Path file, List<String> warnings) throws IOException {
        JsonNode assets = root.path("data").path("assets");
        if (!assets.isArray()) {
            return null;
        }
        for (JsonNode asset : assets) {
            String uri = asset.path("uri").asText("");
            if (!asset.path("type").asText("").equals("icon") || !asset.path("name").asText("").equals("main")
                    || !uri.startsWith("embeded://")) {
                continue;
            }
            String path = uri.substring("embeded://".length());
            ZipEntry entry = escapes(path) ? null : zip.getEntry(path);
            if (entry == null) {
                return null;
            }
            byte[] bytes = readEntry(zip, entry, IMAGE_LIMIT, file);
            if (bytes == null) {
                warnings.add("The card's icon is larger than Quire keeps (" + Png.megabytes(IMAGE_LIMIT)
                        + "); an exported PNG card gets a plain portrait instead.");
                return null;
            }
            if (!Png.looksLikePng(bytes)) {
                return null;
            }
            try {
                return portraitOf(Png.read(bytes, CARD_LIMIT, what -> new IllegalArgumentException(what)));
            } catch (IllegalArgumentException damaged) {
                warnings.add("The card's icon is a damaged PNG (" + damaged.getMessage() + "); it was not kept.");
                return null;
            }
        }
        return null;
    }

    /** The entry's bytes, or null when it unpacks to more than {@code limit}, whatever its header says. */
    private static byte[] readEntry(ZipFile zip, ZipEntry entry, int limit, Path file) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            byte[] bytes = in.readNBytes(limit + 1);
            return bytes.length > limit ? null : bytes;
        }
    }

    /** Absolute, drive-lettered, backslashed or dot-dot names: ones that unpacked would land outside the folder. */
    static boolean escapes(String name) {
        if (name.startsWith("/") || name.contains("\\") || name.matches("^[A-Za-z]:.*") || name.indexOf('\0') >= 0) {
            return true;
        }
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static String firstLine(String message) {
        String m = message == null ? "" : message.strip();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
