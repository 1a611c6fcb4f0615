package dev.quire.studio.cards;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * PNG at the level of chunks: enough to find, strip and add the text chunks a character card
 * lives in, and to write a plain portrait. No image decoding, so nothing here needs AWT.
 */
final class Png {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    /** A chunk: its four-letter type and its data. */
    record Chunk(String type, byte[] data) {
        boolean isText() {
            return type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
        }

        /** The keyword of a text chunk (the bytes before the first NUL), or "" for other chunks. */
        String keyword() {
            if (!isText()) {
                return "";
            }
            int end = 0;
            while (end < data.length && data[end] != 0) {
                end++;
            }
            return new String(data, 0, end, StandardCharsets.ISO_8859_1);
        }
    }

    private Png() {
    }

    static boolean looksLikePng(byte[] bytes) {
        return bytes.length >= SIGNATURE.length && Arrays.equals(bytes, 0, SIGNATURE.length, SIGNATURE, 0,
                SIGNATURE.length);
    }

    /**
     * The chunks up to and including IEND, each checked: lengths inside the file, letters for types,
     * CRCs that match, text chunks no longer than {@code textLimit}.
     *
     * @param problem how a fault becomes the caller's exception, given a description of what is wrong
     */
    static List<Chunk> read(byte[] bytes, int textLimit, Problem problem) {
        if (!looksLikePng(bytes)) {
            throw problem.of("it is not a PNG image (its first bytes are not the PNG signature)");
        }
        List<Chunk> chunks = new ArrayList<>();
        int at = SIGNATURE.length;
        while (true) {
            if (bytes.length - at < 12) {
                throw problem.of(chunks.isEmpty() ? "the PNG is truncated: it ends right after its signature"
                        : "the PNG is truncated: it ends at byte " + bytes.length + " without an IEND chunk");
            }
            long length = readInt(bytes, at) & 0xffffffffL;
            String type = new String(bytes, at + 4, 4, StandardCharsets.ISO_8859_1);
            if (!type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                throw problem.of("the PNG is damaged: at byte " + at + " there is no valid chunk (type \""
                        + printable(type) + "\")");
            }
            boolean text = type.equals("tEXt") || type.equals("zTXt") || type.equals("iTXt");
            if (text && length > textLimit) {
                throw problem.of("its " + type + " chunk at byte " + at + " holds " + megabytes(length)
                        + ", over the " + megabytes(textLimit) + " a character card may carry");
            }
            if (length > Integer.MAX_VALUE || length > bytes.length - at - 12L) {
                throw problem.of("the PNG is truncated: its " + type + " chunk at byte " + at + " says it holds "
                        + length + " bytes, but the file ends " + Math.max(0, bytes.length - at - 12L)
                        + " bytes later");
            }
            int n = (int) length;
            CRC32 crc = new CRC32();
            crc.update(bytes, at + 4, 4 + n);
            int stored = readInt(bytes, at + 8 + n);
            if ((int) crc.getValue() != stored) {
                throw problem.of("the PNG is damaged: its " + type + " chunk at byte " + at
                        + " fails its CRC check");
            }
            if (chunks.isEmpty() && !type.equals("IHDR")) {
                throw problem.of("the PNG is damaged: it starts with a " + type + " chunk instead of IHDR");
            }
            chunks.add(new Chunk(type, Arrays.copyOfRange(bytes, at + 8, at + 8 + n)));
            at += 12 + n;
            if (type.equals("IEND")) {
                return chunks;
            }
        }
    }

    /** The text of a tEXt chunk (Latin-1, after the keyword and its NUL). */
    static String text(Chunk chunk) {
        byte[] data = chunk.data();
        int nul = 0;
        while (nul < data.length && data[nul] != 0) {
            nul++;
        }
        int start = Math.min(data.length, nul + 1);
        return new String(data, start, data.length - start, StandardCharsets.ISO_8859_1);
    }

    static Chunk textChunk(String keyword, String text) {
        byte[] k = keyword.getBytes(StandardCharsets.ISO_8859_1);
        byte[] t = text.getBytes(StandardCharsets.ISO_8859_1);
        byte[] data = new byte[k.length + 1 + t.length];
        System.arraycopy(k, 0, data, 0, k.length);
        System.arraycopy(t, 0, data, k.length + 1, t.length);
        return new Chunk("tEXt", data);
    }

    static byte[] write(List<Chunk> chunks) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(SIGNATURE);
        for (Chunk chunk : chunks) {
            byte[] type = chunk.type().getBytes(StandardCharsets.ISO_8859_1);
            out.writeBytes(intBytes(chunk.data().length));
            out.writeBytes(type);
            out.writeBytes(chunk.data());
            CRC32 crc = new CRC32();
            crc.update(type);
            crc.update(chunk.data());
            out.writeBytes(intBytes((int) crc.getValue()));
        }
        return out.toByteArray();
    }

    /** {@code chunks} with {@code added} just before IEND, as SillyTavern places its card chunks. */
    static List<Chunk> beforeEnd(List<Chunk> chunks, List<Chunk> added) {
        List<Chunk> out = new ArrayList<>(chunks.size() + added.size());
        for (Chunk c : chunks) {
            if (c.type().equals("IEND")) {
                out.addAll(added);
            }
            out.add(c);
        }
        return out;
    }

    /** A solid-colour RGB portrait, the colour taken from {@code seed} so each character keeps its own. */
    static List<Chunk> portrait(int width, int height, String seed) {
        float hue = (Math.floorMod(seed.hashCode(), 360)) / 360f;
        int rgb = hsbToRgb(hue, 0.28f, 0.62f);
        byte[] row = new byte[1 + width * 3];
        for (int x = 0; x < width; x++) {
            row[1 + x * 3] = (byte) (rgb >> 16);
            row[2 + x * 3] = (byte) (rgb >> 8);
            row[3 + x * 3] = (byte) rgb;
        }
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int y = 0; y < height; y++) {
                deflater.setInput(row);
                while (!deflater.needsInput()) {
                    idat.write(buffer, 0, deflater.deflate(buffer));
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                idat.write(buffer, 0, deflater.deflate(buffer));
            }
        } finally {
            deflater.end();
        }
        byte[] ihdr = new byte[13];
        System.arraycopy(intBytes(width), 0, ihdr, 0, 4);
        System.arraycopy(intBytes(height), 0, ihdr, 4, 4);
        ihdr[8] = 8; // bit depth
        ihdr[9] = 2; // truecolour
        return List.of(new Chunk("IHDR", ihdr), new Chunk("IDAT", idat.toByteArray()), new Chunk("IEND", new byte[0]));
    }

    private static int hsbToRgb(float hue, float saturation, float brightness) {
        float h = (hue - (float) Math.floor(hue)) * 6f;
        float f = h - (float) Math.floor(h);
        float p = brightness * (1 - saturation);
        float q = brightness * (1 - saturation * f);
        float t = brightness * (1 - saturation * (1 - f));
        float r;
        float g;
        float b;
        switch ((int) h) {
            case 0 -> { r = brightness; g = t; b = p; }
            case 1 -> { r = q; g = brightness; b = p; }
            case 2 -> { r = p; g = brightness; b = t; }
            case 3 -> { r = p; g = q; b = brightness; }
            case 4 -> { r = t; g = p; b = brightness; }
            default -> { r = brightness; g = p; b = q; }
        }
        return ((int) (r * 255 + 0.5f) << 16) | ((int) (g * 255 + 0.5f) << 8) | (int) (b * 255 + 0.5f);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static byte[] intBytes(int v) {
        return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
    }

    static String megabytes(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%,d KB", Math.max(1, (bytes + 1023) / 1024));
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format(Locale.ROOT, "\\x%02x", (int) c));
        }
        return sb.toString();
    }

    /** Turns a description of a fault into the exception the caller throws. */
    @FunctionalInterface
    interface Problem {
        RuntimeException of(String what);
    }
}
