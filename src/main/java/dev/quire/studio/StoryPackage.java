package dev.quire.studio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.store.PersistenceException;
import dev.quire.store.StoryRows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A whole story in one {@code .quire} file, to move it between libraries: a zip of {@code manifest.json} (format,
 * format version, library version, title, row counts and the SHA-256 of the rows) and {@code rows.json} (every row
 * of every story-scoped table, as {@link StoryRows} reads them). Library backups are whole SQLite files named
 * {@code .db}; a {@code .quire} package holds one story. An import gives every row a new id, in one transaction;
 * a foreign, damaged or newer package is refused before anything is written.
 */
public final class StoryPackage {

    public static final String EXTENSION = "quire";
    static final String FORMAT = "quire-story-package";
    static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    static final String ROWS = "rows.json";
    /** Far beyond any story's text; a package claiming more is not read. */
    static final long MAX_ROWS_BYTES = 2L * 1024 * 1024 * 1024 - 64;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A package that cannot be read or written; nothing in the library has changed. */
    public static final class PackageException extends RuntimeException {
        PackageException(String message) {
            super(message);
        }

        PackageException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** What was written or brought in: the story, its title and how many rows of each table. */
    public record Result(Path file, long storyId, String title, Map<String, Integer> rows) {
        public int total() {
            return rows.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private StoryPackage() {
    }

    /** Writes the story to {@code out}, replacing it whole or not at all. */
    public static Result export(Studio studio, long storyId, Path out) {
        StoryRows.Rows rows = StoryRows.export(studio.database(), storyId);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(rows.tables());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        String title = String.valueOf(rows.tables().get("story").get(0).get("title"));
        Map<String, Integer> counts = counts(rows.tables());
        ObjectNode manifest = JSON.createObjectNode().put("format", FORMAT).put("formatVersion", FORMAT_VERSION)
                .put("schemaVersion", rows.schemaVersion()).put("quire", Version.current()).put("title", title)
                .put("exportedAt", System.currentTimeMillis()).put("sha256", sha256(body));
        ObjectNode tableCounts = manifest.putObject("rows");
        counts.forEach(tableCounts::put);
        Path file = out.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new PackageException("Quire cannot write " + file + ": the folder " + folder + " does not exist.");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".story-", ".part");
            try (OutputStream os = Files.newOutputStream(temp); ZipOutputStream zip = new ZipOutputStream(os)) {
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.putNextEntry(new ZipEntry(ROWS));
                zip.write(body);
                zip.closeEntry();
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
        } catch (IOException e) {
            throw new PackageException("Quire could not write " + file + ": " + e.getMessage()
                    + ". Any earlier file of that name is unchanged.", e);
        } finally {
            deleteQuietly(temp);
        }
        return new Result(file, storyId, title, counts);
    }

    /** What a package holds, read and checked; nothing is written. */
    public record Contents(Path file, String title, int schemaVersion, String madeBy, Map<String, Integer> rows,
                           StoryRows.Rows data) {
    }

    /** Reads and checks a package: its format, version and checksum. */
    public static Contents read(Path file) {
        byte[] manifestBytes = null;
        byte[] body = null;
        try (InputStream in = Files.newInputStream(file); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (MANIFEST.equals(e.getName())) {
                    manifestBytes = readCapped(zip, 1024 * 1024, file);
                } else if (ROWS.equals(e.getName())) {
                    body = readCapped(zip, MAX_ROWS_BYTES, file);
                }
            }
        } catch (NoSuchFileException e) {
            throw new PackageException("There is no file " + file + ".", e);
        } catch (ZipException | java.io.EOFException e) {
            throw new PackageException(file + " is damaged: it ends early or is not whole (" + e.getMessage()
                    + "). Nothing was imported.", e);
        } catch (IOException e) {
            throw new PackageException("Quire cannot read " + file + ": " + e.getMessage(), e);
        }
        if (manifestBytes == null) {
            throw new PackageException(file + " is not a Quire story package (it has no " + MANIFEST + "). "
                    + "A library backup (.db) is brought back with Restore backup. Nothing was imported.");
        }
        JsonNode manifest;
        try {
            manifest = JSON.readTree(manifestBytes);
        } catch (IOException e) {
            throw new PackageException(file + " is damaged: its manifest is not readable. Nothing was imported.", e);
        }
        if (manifest == null || !FORMAT.equals(manifest.path("format").asText())) {
            throw new PackageException(file + " is not a Quire story package. Nothing was imported.");
        }
        int formatVersion = manifest.path("formatVersion").asInt(-1);
        int schema = manifest.path("schemaVersion").asInt(-1);
        String madeBy = manifest.path("quire").asText("an unknown version");
        if (formatVersion > FORMAT_VERSION || schema > StoryRows.schemaVersion()) {
            throw new PackageException(file + " was made by a newer Quire (" + madeBy + "). Update Quire to bring "
                    + "this story in; nothing was imported.");
        }
        if (formatVersion < 1 || schema < 1) {
            throw new PackageException(file + " is damaged: its manifest has no version. Nothing was imported.");
        }
        if (body == null || !sha256(body).equals(manifest.path("sha256").asText())) {
            throw new PackageException(file + " is damaged: its contents do not match its checksum (it may have "
                    + "been cut short or changed). Nothing was imported.");
        }
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        try {
            JsonNode root = JSON.readTree(body);
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> t = it.next();
                List<Map<String, Object>> rows = new ArrayList<>();
                for (JsonNode r : (ArrayNode) t.getValue()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    r.fields().forEachRemaining(f -> row.put(f.getKey(), value(f.getValue())));
                    rows.add(row);
                }
                tables.put(t.getKey(), rows);
            }
        } catch (IOException | ClassCastException e) {
            throw new PackageException(file + " is damaged: its rows cannot be read. Nothing was imported.", e);
        }
        List<Map<String, Object>> story = tables.getOrDefault("story", List.of());
        if (story.size() != 1) {
            throw new PackageException(file + " is damaged: it holds " + story.size()
                    + " stories where one belongs. Nothing was imported.");
        }
        return new Contents(file, String.valueOf(story.get(0).get("title")), schema, madeBy, counts(tables),
                new StoryRows.Rows(schema, tables));
    }

    /** Brings the package's story into the library as a new story, all of it or nothing. */
    public static Result importStory(Studio studio, Path file) {
        Contents contents = read(file);
        long id;
        try {
            id = StoryRows.importRows(studio.database(), contents.data());
        } catch (PersistenceException e) {
            throw new PackageException("The story in " + file + " could not be brought in: " + e.getMessage()
                    + " Nothing was imported.", e);
        }
        return new Result(file, id, contents.title(), contents.rows());
    }

    private static Object value(JsonNode n) {
        if (n.isNull()) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isNumber()) {
            return n.asDouble();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    private static Map<String, Integer> counts(Map<String, List<Map<String, Object>>> tables) {
        Map<String, Integer> out = new LinkedHashMap<>();
        tables.forEach((k, v) -> out.put(k, v.size()));
        return out;
    }

    private static byte[] readCapped(InputStream in, long cap, Path file) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buf)) > 0; ) {
            total += n;
            if (total > cap) {
                throw new PackageException(file + " is not a story package Quire can read: a part of it is larger "
                        + "than any story. Nothing was imported.");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // a hidden temporary file is left; harmless
            }
        }
    }
}
