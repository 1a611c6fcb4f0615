package dev.quire.studio.lorebooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.quire.model.LoreEntry;
import dev.quire.prompt.LoreKeys;
import dev.quire.studio.Studio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A story's lore in and out of lorebook files. An import is read into a {@link Preview} (nothing is written), the
 * writer picks the names {@code {{char}}} and {@code {{user}}} stand for, and {@link #importInto} adds the entries
 * in one transaction.
 */
public final class Lorebooks {

    /** Lorebooks are small; anything bigger than this is not one. */
    static final long MAX_BYTES = 32L * 1024 * 1024;
    private static final Pattern CHAR = Pattern.compile("\\{\\{char}}|<BOT>", Pattern.CASE_INSENSITIVE);
    private static final Pattern USER = Pattern.compile("\\{\\{user}}|<USER>", Pattern.CASE_INSENSITIVE);

    private Lorebooks() {
    }

    /** What a lorebook file holds, as it would be imported; {@code entries} have no story yet. */
    public record Book(Path file, LorebookFormat format, List<LoreEntry> entries, List<String> warnings) {
        public Book {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }

        /** Whether any entry says {@code {{char}}}. */
        public boolean mentionsChar() {
            return entries.stream().anyMatch(e -> CHAR.matcher(all(e)).find());
        }

        /** Whether any entry says {@code {{user}}}. */
        public boolean mentionsUser() {
            return entries.stream().anyMatch(e -> USER.matcher(all(e)).find());
        }

        private static String all(LoreEntry e) {
            return e.title() + "\n" + e.content() + "\n" + String.join("\n", e.keywords()) + "\n"
                    + String.join("\n", e.secondaryKeywords());
        }
    }

    /** What {@code {{char}}} and {@code {{user}}} become; a blank name leaves the macro as it is. */
    public record Names(String character, String user) {
        public static final Names KEEP = new Names("", "");

        public Names {
            character = character == null ? "" : character.strip();
            user = user == null ? "" : user.strip();
        }
    }

    /** The entries as they will be added to the story, and what the writer should know first. */
    public record Preview(Book book, long storyId, List<LoreEntry> entries, List<String> warnings) {
        public Preview {
            entries = List.copyOf(entries);
            warnings = List.copyOf(warnings);
        }
    }

    /** Reads and checks a lorebook file; writes nothing. */
    public static Book read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new LorebookException(file, file + " is larger than any lorebook (over "
                        + MAX_BYTES / (1024 * 1024) + " MB); nothing was imported.");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new LorebookException(file, "There is no file " + file + ".", e);
        } catch (IOException e) {
            throw new LorebookException(file, "Quire cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = Extensions.JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new LorebookException(file, file + " is not a lorebook: it is not JSON ("
                    + e.getOriginalMessage() + "). Nothing was imported.", e);
        }
        List<String> warnings = new ArrayList<>();
        List<LoreEntry> entries;
        LorebookFormat format;
        if (root != null && NovelAiLorebook.looksLike(root)) {
            format = LorebookFormat.NOVELAI;
            entries = NovelAiLorebook.read(root, file, warnings);
        } else if (root != null && SillyTavernWorld.looksLike(root)) {
            format = LorebookFormat.SILLYTAVERN;
            entries = SillyTavernWorld.read(root, file, warnings);
        } else {
            throw new LorebookException(file, file + " is not a lorebook Quire knows: it is neither SillyTavern "
                    + "World Info (an object of \"entries\") nor a NovelAI lorebook (\"lorebookVersion\" and a list of "
                    + "\"entries\"). A character card goes through Import character card. Nothing was imported.");
        }
        for (LoreEntry e : entries) {
            LoreKeys.problem(e).ifPresent(p -> warnings.add(label(e) + ": " + p + " The entry is imported; the key"
                    + " never matches until it is fixed."));
        }
        return new Book(file, format, entries, warnings);
    }

    /** The book's entries for the story, with the macros resolved to the names picked. */
    public static Preview preview(Book book, long storyId, Names names) {
        return preview(book, storyId, names, List.of());
    }

    /** As {@link #preview(Book, long, Names)}, saying how many entries the story's lore already has. */
    public static Preview preview(Book book, long storyId, Names names, List<LoreEntry> existing) {
        List<LoreEntry> out = new ArrayList<>();
        List<String> warnings = new ArrayList<>(book.warnings());
        for (LoreEntry e : book.entries()) {
            out.add(new LoreEntry(0, storyId, resolve(e.title(), names), resolve(e.keywords(), names),
                    resolve(e.content(), names), e.alwaysOn(), e.enabled(), resolve(e.secondaryKeywords(), names),
                    e.secondaryLogic(), e.priority(), e.scanDepth(), e.extensions()));
        }
        long again = out.stream().filter(e -> existing.stream().anyMatch(x -> x.keywords().equals(e.keywords())
                && x.content().equals(e.content()))).count();
        if (again > 0) {
            warnings.add(again + (again == 1 ? " entry is" : " entries are") + " already in this story's lore, with "
                    + "the same keywords and text; importing adds " + (again == 1 ? "it" : "them") + " again.");
        }
        if (names.character().isEmpty() && book.mentionsChar()) {
            warnings.add("{{char}} is left as it is: pick a character for it to name.");
        }
        if (names.user().isEmpty() && book.mentionsUser()) {
            warnings.add("{{user}} is left as it is: pick the name it stands for (your own character).");
        }
        return new Preview(book, storyId, out, warnings);
    }

    /** Adds the preview's entries after the story's lore, all or none. */
    public static List<LoreEntry> importInto(Studio studio, Preview preview) {
        studio.stories().get(preview.storyId()).orElseThrow(() -> new LorebookException(preview.book().file(),
                "The story is no longer in the library; nothing was imported."));
        return studio.lore().createAll(preview.entries());
    }

    /** The story's lore as a lorebook of the format. */
    public static String export(List<LoreEntry> entries, LorebookFormat format) {
        ObjectNode root = switch (format) {
            case SILLYTAVERN -> SillyTavernWorld.write(entries);
            case NOVELAI -> NovelAiLorebook.write(entries);
        };
        try {
            return Extensions.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the story's lore to {@code out}, whole or not at all. */
    public static Path exportTo(Studio studio, long storyId, LorebookFormat format, Path out) {
        String json = export(studio.lore().list(storyId), format);
        Path file = out.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new LorebookException(file, "Quire cannot write " + file + ": the folder " + folder
                    + " does not exist.");
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(folder, ".lore-", ".part");
            Files.writeString(temp, json, StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return file;
        } catch (IOException e) {
            throw new LorebookException(file, "Quire could not write " + file + ": " + e.getMessage()
                    + ". Any earlier file of that name is unchanged.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is left; it is hidden and harmless
                }
            }
        }
    }

    static String label(LoreEntry e) {
        return e.title().isBlank() ? (e.keywords().isEmpty() ? "An entry" : "“" + e.keywords().get(0) + "”")
                : "“" + e.title() + "”";
    }

    private static String resolve(String text, Names names) {
        String out = text;
        if (!names.character().isEmpty()) {
            out = CHAR.matcher(out).replaceAll(Matcher.quoteReplacement(names.character()));
        }
        if (!names.user().isEmpty()) {
            out = USER.matcher(out).replaceAll(Matcher.quoteReplacement(names.user()));
        }
        return out;
    }

    private static List<String> resolve(List<String> texts, Names names) {
        return texts.stream().map(t -> resolve(t, names)).toList();
    }
}
