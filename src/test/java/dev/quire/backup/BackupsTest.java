package dev.quire.backup;

import dev.quire.model.CharacterSheet;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.store.Jdbc;
import dev.quire.store.LibraryLock;
import dev.quire.store.LibraryOpenException;
import dev.quire.store.PersistenceException;
import dev.quire.studio.Backups;
import dev.quire.studio.LibraryLocation;
import dev.quire.studio.Studio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups made, listed, described and restored on real library files. */
class BackupsTest {

    @TempDir
    Path dir;

    private Path dataDir() {
        return dir.resolve("library");
    }

    private Path library() {
        return LibraryLocation.libraryFile(dataDir());
    }

    private Studio open() {
        return Studio.open(dataDir(), Studio.NewLibrary.WITH_SAMPLE, Map.of());
    }

    @Test
    void aBackupRestoresToAnIdenticalLibrary() {
        Path backup = dir.resolve("saved.db");
        Map<String, List<String>> before;
        try (Studio studio = open()) {
            long story = studio.stories().create(Story.titled("Saltrey")).id();
            studio.scenes().append(Scene.titled(story, "Storm").withProse(Prose.plain("The lamp went out at nine.")));
            studio.characters().create(CharacterSheet.named(story, "Maren Holt"));
            Backups.backUp(studio, backup);
            before = LibraryRows.of(library());
            // and then the writer carries on, and regrets it
            studio.deleteStory(story);
            studio.stories().create(Story.titled("A worse idea"));
        }
        assertNotEquals(before, LibraryRows.of(library()));

        Backups.Restored restored = Backups.restore(backup, dataDir());

        assertEquals(before, LibraryRows.of(library()));
        assertEquals(library(), restored.library());
        try (Studio studio = open()) {
            assertEquals(List.of(), studio.check());
        }
    }

    @Test
    void restoreKeepsTheLibraryItReplacesAsABeforeRestoreBackup() {
        Path backup = dir.resolve("saved.db");
        try (Studio studio = open()) {
            Backups.backUp(studio, backup);
            studio.stories().create(Story.titled("Written after the backup"));
        }
        Map<String, List<String>> current = LibraryRows.of(library());

        Backups.Restored restored = Backups.restore(backup, dataDir());

        assertTrue(restored.previous().getFileName().toString().startsWith("before-restore-"));
        assertEquals(Backups.folder(dataDir()), restored.previous().getParent());
        assertEquals(current, LibraryRows.of(restored.previous()));
        assertEquals(Backups.Kind.BEFORE_RESTORE, Backups.list(dataDir()).get(0).kind());
    }

    @Test
    @SuppressWarnings("try") // the lock is held, not used
    void restoreIsRefusedWhileAStudioHoldsTheLibrary() {
        Path backup = dir.resolve("saved.db");
        try (Studio studio = open()) {
            Backups.backUp(studio, backup);
        }
        Map<String, List<String>> current = LibraryRows.of(library());

        try (LibraryLock window = LibraryLock.acquire(library())) {
            LibraryOpenException e = assertThrows(LibraryOpenException.class, () -> Backups.restore(backup, dataDir()));

            assertEquals(LibraryOpenException.Problem.IN_USE, e.problem());
            assertTrue(e.getMessage().contains("is open in a Quire window") && e.getMessage().contains("Close the"
                    + " library there") && e.getMessage().endsWith("Nothing was changed."), e.getMessage());
        }
        assertEquals(current, LibraryRows.of(library()));
        assertFalse(Files.exists(Backups.folder(dataDir())), "no before-restore copy either");
    }

    @Test
    void aBackupThatIsNotASoundLibraryIsNotRestored() throws Exception {
        Path notALibrary = Files.writeString(dir.resolve("notes.db"), "just some notes");
        Path damaged = dir.resolve("damaged.db");
        try (Studio studio = open()) {
            Backups.backUp(studio, damaged);
        }
        // a scene whose stored word count disagrees with its text: `quire check` finds it
        Jdbc.execute(damaged, "UPDATE scene SET word_count = word_count + 5");
        Map<String, List<String>> current = LibraryRows.of(library());

        PersistenceException notOne = assertThrows(PersistenceException.class,
                () -> Backups.restore(notALibrary, dataDir()));
        PersistenceException broken = assertThrows(PersistenceException.class, () -> Backups.restore(damaged,
                dataDir()));

        assertTrue(notOne.getMessage().contains("is not a Quire library"), notOne.getMessage());
        assertTrue(broken.getMessage().contains("does not check out") && broken.getMessage().contains("words but its"
                + " count says") && broken.getMessage().endsWith("The library was not changed."), broken.getMessage());
        assertEquals(current, LibraryRows.of(library()));
        assertFalse(Files.exists(Backups.folder(dataDir())));
    }

    @Test
    void aDamagedLibraryIsKeptAsItsBytesWhenABackupReplacesIt() throws Exception {
        Path backup = dir.resolve("saved.db");
        try (Studio studio = open()) {
            Backups.backUp(studio, backup);
        }
        byte[] garbage = "this library was overwritten by something else".getBytes();
        Files.write(library(), garbage);

        Backups.Restored restored = Backups.restore(backup, dataDir());

        assertEquals(new String(garbage), Files.readString(restored.previous()));
        assertEquals(LibraryRows.of(backup), LibraryRows.of(library()));
    }

    @Test
    void backupsTakenWhileAnotherConnectionWritesOpenAsSoundLibraries() throws Exception {
        int most = 20_000;
        try (Studio window = open()) {
            long story = window.stories().create(Story.titled("Being written")).id();
            long draft = window.scenes().append(Scene.titled(story, "Draft")).id();
            AtomicInteger written = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch started = new CountDownLatch(1);
            // the studio window: a word more in the draft each time, a new scene every 40 saves
            Thread writer = new Thread(() -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < most && !stop.get(); i++) {
                    text.append("Word").append(i).append(' ');
                    window.scenes().saveProse(draft, Prose.plain(text.toString()));
                    if (i % 40 == 0) {
                        window.scenes().append(Scene.titled(story, "More " + i));
                    }
                    written.incrementAndGet();
                    started.countDown();
                }
            }, "writer");
            writer.start();
            started.await();
            List<Path> copies = new ArrayList<>();
            int backupsOverlappingWrites = 0;
            // `quire backup` opens its own connection beside the window's
            try (Studio command = open()) {
                for (int i = 0; i < 5; i++) {
                    int before = written.get();
                    Path copy = dir.resolve("copy-" + i + ".db");
                    Backups.backUp(command, copy);
                    copies.add(copy);
                    if (written.get() > before) {
                        backupsOverlappingWrites++;
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
            assertTrue(backupsOverlappingWrites > 0, "the window wrote while backups were taken");
            for (Path copy : copies) {
                Path folder = Files.createDirectories(dir.resolve("open-" + copy.getFileName()));
                Files.copy(copy, LibraryLocation.libraryFile(folder));
                try (Studio opened = Studio.open(folder, Studio.NewLibrary.EMPTY, Map.of())) {
                    assertEquals(List.of(), opened.check(), copy.toString());
                    // one moment of the writing, not a mix of two: the scenes fit the words in the draft
                    int words = opened.scenes().get(draft).orElseThrow().wordCount();
                    int scenes = opened.scenes().headers(story).size();
                    int appended = words == 0 ? 0 : (words - 1) / 40 + 1;
                    boolean betweenSaveAndAppend = words > 0 && (words - 1) % 40 == 0 && scenes == appended;
                    assertTrue(scenes == 1 + appended || betweenSaveAndAppend,
                            copy + ": " + words + " words but " + scenes + " scenes");
                }
            }
        }
    }

    @Test
    void rollingBackupsMakeOnePerDayAndKeepTheLastN() throws Exception {
        try (Studio studio = open()) {
            Path folder = Files.createDirectories(Backups.folder(dataDir()));
            Path beforeDelete = Files.writeString(folder.resolve("before-delete-story-1-1700000000000.db"), "kept");
            Path mine = Files.writeString(folder.resolve("my-own-copy.db"), "kept");
            LocalDate first = LocalDate.of(2025, 3, 1);

            for (int day = 0; day < 10; day++) {
                Optional<Path> made = Backups.rolling(studio, first.plusDays(day), 3);
                assertEquals(Optional.of(folder.resolve("auto-" + first.plusDays(day) + ".db")), made);
                assertEquals(Optional.empty(), Backups.rolling(studio, first.plusDays(day), 3), "one a day");
            }

            List<String> names;
            try (Stream<Path> files = Files.list(folder)) {
                names = files.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertEquals(List.of("auto-2025-03-08.db", "auto-2025-03-09.db", "auto-2025-03-10.db",
                    beforeDelete.getFileName().toString(), mine.getFileName().toString()), names);
            assertEquals(LibraryRows.of(library()).get("story"), LibraryRows.of(folder.resolve("auto-2025-03-10.db"))
                    .get("story"));
        }
    }

    @Test
    void listDescribesEachBackupWithoutTouchingIt() throws Exception {
        Path folder;
        try (Studio studio = open()) {
            Backups.rolling(studio, LocalDate.of(2025, 3, 1), 7);
            long story = studio.stories().list().get(0).id();
            folder = studio.deleteStory(story).getParent();
        }
        Path unreadable = Files.writeString(folder.resolve("scribbles.db"), "not a library");
        List<Path> filesBefore;
        try (Stream<Path> files = Files.list(folder)) {
            filesBefore = files.sorted().toList();
        }

        List<Backups.Backup> backups = Backups.list(dataDir());

        assertEquals(3, backups.size());
        Backups.Backup auto = backups.stream().filter(b -> b.kind() == Backups.Kind.AUTOMATIC).findFirst().orElseThrow();
        assertEquals(1, auto.contents().stories().size());
        Backups.StoryContents sample = auto.contents().stories().get(0);
        assertEquals("The Remarks Column", sample.title());
        assertEquals(4, sample.scenes());
        assertEquals(Jdbc.queryLong(auto.file(), "SELECT sum(word_count) FROM scene"), sample.words());
        assertEquals(Files.size(auto.file()), auto.bytes());
        Backups.Backup beforeDelete = backups.stream().filter(b -> b.kind() == Backups.Kind.BEFORE_DELETE)
                .findFirst().orElseThrow();
        assertEquals(3, beforeDelete.contents().characters());
        assertEquals(5, beforeDelete.contents().loreEntries());
        Backups.Backup scribbles = backups.stream().filter(b -> b.file().equals(unreadable)).findFirst().orElseThrow();
        assertFalse(scribbles.readable());
        assertNull(scribbles.contents());
        assertTrue(scribbles.problem().contains("is not a Quire library"), scribbles.problem());
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(filesBefore, files.sorted().toList(), "no -wal or -shm appears beside a backup");
        }
    }

    @Test
    void describeReadsTheLiveLibraryWhileAStudioWritesIt() {
        try (Studio studio = open()) {
            long story = studio.stories().create(Story.titled("Fresh")).id();
            studio.scenes().append(Scene.titled(story, "One").withProse(Prose.plain("Three short words.")));

            Backups.Contents contents = Backups.describe(library());

            Backups.StoryContents fresh = contents.stories().stream().filter(s -> s.id() == story).findFirst()
                    .orElseThrow();
            assertEquals(1, fresh.scenes());
            assertEquals(3, fresh.words());
            assertEquals(2, contents.stories().size());
        }
    }

    @Test
    void aBackupCannotOverwriteTheLibraryItself() {
        try (Studio studio = open()) {
            PersistenceException e = assertThrows(PersistenceException.class, () -> Backups.backUp(studio, library()));

            assertTrue(e.getMessage().contains("cannot replace the library it copies"), e.getMessage());
            assertEquals(List.of(), studio.check());
        }
    }
}
