package dev.quire.studio;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quire.llm.ApiKey;
import dev.quire.store.PersistenceException;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * API keys entered in settings, kept in a file only the user can read ({@code keys.json}, mode
 * 600 where the file system has POSIX permissions), in the config folder: never in the library,
 * so a shared or backed-up library carries no key. Messages name the file, never a key.
 */
public final class KeyVault {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<TreeMap<String, String>> MAP = new TypeReference<>() { };

    private final Path file;

    public KeyVault(Path configDir) {
        this.file = configDir.resolve("keys.json");
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<ApiKey> get(String profileName) {
        String key = read().get(profileName);
        return key == null || key.isBlank() ? Optional.empty() : Optional.of(ApiKey.of(key));
    }

    public synchronized void put(String profileName, ApiKey key) {
        TreeMap<String, String> keys = read();
        keys.put(profileName, key.reveal());
        write(keys);
    }

    public synchronized void remove(String profileName) {
        TreeMap<String, String> keys = read();
        if (keys.remove(profileName) != null) {
            write(keys);
        }
    }

    /** A profile was renamed: its key follows it. */
    public synchronized void rename(String from, String to) {
        TreeMap<String, String> keys = read();
        String key = keys.remove(from);
        if (key != null) {
            keys.put(to, key);
            write(keys);
        }
    }

    private TreeMap<String, String> read() {
        if (!Files.exists(file)) {
            return new TreeMap<>();
        }
        try {
            return JSON.readValue(file.toFile(), MAP);
        } catch (IOException e) {
            // the message must not quote the file's contents: they are keys
            throw new PersistenceException("Quire could not read the stored API keys in " + file
                    + ". Enter the keys again in the Providers page (or `quire provider`), or set them as environment variables.", null);
        }
    }

    private void write(Map<String, String> keys) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("keys.json.tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(keys));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new PersistenceException("Quire could not save the API key in " + file + " (" + e.getClass()
                    .getSimpleName() + "). Check that the folder can be written, or set the key as an environment"
                    + " variable instead.", null);
        }
    }
}
