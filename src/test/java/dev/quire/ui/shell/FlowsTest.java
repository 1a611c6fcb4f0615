package dev.quire.ui.shell;

import dev.quire.model.CharacterSheet;
import dev.quire.ui.SampleLibrary;
import dev.quire.ui.common.EditorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's flows with the writer's answers scripted: no dialog is shown, the library is real. */
class FlowsTest {

    @TempDir
    Path dir;

    private SampleLibrary library;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private Shell shell;
    private MainViewModel model;

    @BeforeAll
    static void toolkit() throws TimeoutException {
        FxToolkit.registerPrimaryStage();
    }

    @BeforeEach
    void open() {
        library = SampleLibrary.open(dir.resolve("library"));
        model = fx(() -> new MainViewModel(library.studio(), library.background()));
        shell = fx(() -> new Shell(model, dialogs, () -> null, new EditorTabs()));
    }

    @AfterEach
    void close() {
        library.close();
    }

    private static <T> T fx(Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(15, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void onFx(Runnable action) {
        fx(() -> {
            action.run();
            return null;
        });
    }

    @Test
    void exportingACardWritesItWhereTheWriterChoseAndSaysSo() throws Exception {
        CharacterSheet sheet = library.characters().get(0);
        Path out = dir.resolve("out").resolve("card.json");
        Files.createDirectories(out.getParent());
        dialogs.files.add(Optional.of(out));

        onFx(() -> new CardFlow(shell).exportCard(sheet));

        assertTrue(Files.size(out) > 0, "the card is written");
        assertTrue(Files.readString(out).contains(sheet.name()), "as JSON, since the file is named .json");
        assertEquals("Exported " + sheet.name() + "'s card to " + out + ".", fx(() -> model.noticeProperty().get()));
        assertTrue(dialogs.asked.get(0).endsWith("[" + sheet.name().replaceAll("[\\\\/:*?\"<>|]", "") + ".png]"),
                dialogs.asked.toString());
        assertTrue(dialogs.errors.isEmpty());
    }

    @Test
    void aMalformedCardIsRefusedWithAMessageAndNothingIsWritten() throws Exception {
        Path bad = Files.writeString(dir.resolve("not-a-card.json"), "{\"spec\": \"chara_card_v2\", \"data\": 12}");
        byte[] before = Files.readAllBytes(library.studio().database().file());
        int characters = library.characters().size();
        dialogs.files.add(Optional.of(bad));
        AtomicReference<CharacterSheet> opened = new AtomicReference<>();

        onFx(() -> new CardFlow(shell).importCard(library.storyId(), () -> { }, opened::set));
        library.settle();
        WaitForAsyncUtils.waitForFxEvents();

        assertEquals(1, dialogs.errors.size(), "the writer is told");
        assertEquals("Quire cannot import this card", dialogs.errors.get(0).header());
        assertFalse(dialogs.errors.get(0).message().isBlank());
        assertEquals(characters, library.characters().size(), "no character was added");
        assertEquals(null, opened.get());
        assertTrue(before.length > 0);
    }

    @Test
    void cancellingTheFileChooserDoesNothing() {
        dialogs.files.add(Optional.empty());
        int characters = library.characters().size();
        onFx(() -> new CardFlow(shell).importCard(library.storyId(), () -> { }, s -> { }));
        library.settle();
        assertEquals(characters, library.characters().size());
        assertTrue(dialogs.errors.isEmpty());
        assertEquals("", fx(() -> model.noticeProperty().get()));
    }

    @Test
    void aDeleteTheWriterDeclinesDeletesNothingAndADeleteTheyConfirmClosesTheTabFirst() {
        List<Runnable> deletions = new java.util.ArrayList<>();
        MainViewModel.OpenStory open = openStory();
        StoryDesk desk = fx(() -> new StoryDesk(shell, open, () -> null, () -> { }));

        dialogs.confirmations.add(false);
        onFx(() -> desk.confirmDelete("the scene \"Morning\"", () -> deletions.add(() -> { }),
                new EditorKey.Scene(1)));
        assertTrue(deletions.isEmpty());
        assertEquals(List.of("Delete the scene \"Morning\"?"), dialogs.asked);

        dialogs.confirmations.add(true);
        onFx(() -> desk.confirmDelete("the scene \"Morning\"", () -> deletions.add(() -> { }),
                new EditorKey.Scene(1)));
        assertEquals(1, deletions.size());
    }

    @Test
    void exportOfAStoryIsNotAskedWhenNoStoryIsOpen() {
        onFx(() -> new StoryExportFlow(shell).run());
        assertTrue(dialogs.asked.isEmpty());
    }

    private MainViewModel.OpenStory openStory() {
        onFx(() -> model.open(library.storyId()));
        library.settle();
        WaitForAsyncUtils.waitForFxEvents();
        MainViewModel.OpenStory open = fx(() -> model.openStoryProperty().get());
        assertArrayEquals(new long[] {library.storyId()}, new long[] {open.story().id()});
        return open;
    }
}
