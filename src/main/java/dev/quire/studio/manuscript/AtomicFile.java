package dev.quire.studio.manuscript;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then moved
 * over the target. A failure part-way leaves any earlier file of that name as it was.
 */
final class AtomicFile {

    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFile() {
    }

    /** @return the size written */
    static long write(Path target, Content content) {
        Path file = target.toAbsolutePath().normalize();
        Path folder = file.getParent();
        if (Files.isDirectory(file)) {
            throw new ManuscriptException(file, file + " is a folder. Give the export a file name, for example "
                    + file.resolve("story.epub") + ".");
        }
        if (folder == null || !Files.isDirectory(folder)) {
            throw new ManuscriptException(file, "Quire cannot write " + file + ": the folder " + folder
                    + (folder != null && Files.exists(folder) ? " is not a folder" : " does not exist")
                    + ". Create it, or choose another place to export to.");
        }
        Path temp = null;
        try {
            // a short name: the target's own may already be as long as the disk allows
            temp = Files.createTempFile(folder, ".quire-", ".part");
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
                size = channel.size();
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            temp = null;
            return size;
        } catch (AccessDeniedException e) {
            throw new ManuscriptException(file, "Quire is not allowed to write in " + folder + ". Choose a folder"
                    + " you can write to.", e);
        } catch (NoSuchFileException | NotDirectoryException e) {
            throw new ManuscriptException(file, "Quire cannot write " + file + ": the folder is gone. Choose"
                    + " another place to export to.", e);
        } catch (FileSystemException e) {
            if (String.valueOf(e.getReason()).contains("name too long")) {
                throw new ManuscriptException(file, "Quire cannot write " + file + ": the name is longer than the"
                        + " disk allows. Choose a shorter name.", e);
            }
            String reason = e.getReason() == null ? e.getClass().getSimpleName() : e.getReason();
            throw new ManuscriptException(file, "Quire could not write " + file + " (" + reason + "). Nothing was"
                    + " written there; check the disk has room and the folder can be written, or choose another.", e);
        } catch (IOException e) {
            throw new ManuscriptException(file, "Quire could not write " + file + " (" + e.getMessage() + ")."
                    + " Nothing was written there; check the disk has room, or choose another place.", e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // the temporary file is hidden and named for the export; nothing else refers to it
                }
            }
        }
    }
}
