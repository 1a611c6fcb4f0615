package dev.quire.ui.shell;

import dev.quire.backup.LibraryRows;
import dev.quire.model.LoreEntry;
import dev.quire.model.StorySummary;
import dev.quire.ui.SampleLibrary;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Import lorebook… (with its preview), Export lore…, and Library › Story package, on a real library. */
class LoreAndPackageFlowsTest extends FxRobot {

    private static final String WORLD = """
            {"entries": {
              "0": {"uid": 0, "key": ["glade"], "keysecondary": [], "comment": "The glade",
                    "content": "{{char}} guards the glade for {{user}}.", "constant": false, "selective": false,
                    "order": 100, "position": 0, "disable": false},
              "1": {"uid": 1, "key": ["/shadowfangs?/i"], "keysecondary": [], "comment": "Shadowfangs",
                    "content": "Beasts of the dark wood.", "constant": false, "selective": false, "order": 90,
                    "position": 0, "disable": false}}}""";

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
    void close() throws TimeoutException {
        FxToolkit.cleanupStages();
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

    private static void waitUntil(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> Boolean.TRUE.equals(fx(condition)));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private List<LoreEntry> lore() {
        return library.studio().lore().list(library.storyId());
    }

    @Test
    void theImportPreviewShowsTheNamesPickedAndAddsTheEntriesOnlyWhenTheWriterAgrees() throws Exception {
        Path world = Files.writeString(dir.resolve("eldoria.json"), WORLD);
        int before = lore().size();
        String character = library.characters().get(0).name();
        dialogs.files.add(Optional.of(world));

        // not waited for: the preview's dialog holds the FX thread's nested loop until it is answered
        WaitForAsyncUtils.asyncFx(() -> new LoreFlow(shell).importLore(library.storyId(), () -> { }));
        waitUntil("the preview shows", () -> lookup(".lorebook-preview").tryQuery().isPresent());
        assertEquals(before, lore().size(), "nothing is written while the preview is open");

        ComboBox<?> charName = lookup(".char-name").queryAs(ComboBox.class);
        clickOn(charName.getEditor());
        write(character);
        ListView<?> entries = lookup(".lorebook-entries").queryAs(ListView.class);
        waitUntil("the preview shows the picked name", () -> ((LoreEntry) entries.getItems().get(0)).content()
                .startsWith(character + " guards the glade"));
        clickOn("Add to the lore");

        waitUntil("the entries are added", () -> lore().size() == before + 2);
        List<LoreEntry> added = lore().subList(before, before + 2);
        assertTrue(added.get(0).content().startsWith(character + " guards the glade for "), added.get(0).content());
        assertEquals(List.of("/shadowfangs?/i"), added.get(1).keywords());
        waitUntil("the writer is told", () -> model.noticeProperty().get().equals(
                "Added 2 lore entries from eldoria.json."));

        // the same book again: the preview says so before anything is added twice
        dialogs.files.add(Optional.of(world));
        WaitForAsyncUtils.asyncFx(() -> new LoreFlow(shell).importLore(library.storyId(), () -> { }));
        waitUntil("the preview shows again", () -> lookup(".lorebook-preview").tryQuery().isPresent());
        waitUntil("it says the entry is there already", () -> lookup(".lorebook-preview .field-hint").queryAll()
                .stream().anyMatch(n -> ((javafx.scene.control.Label) n).getText()
                        .contains("1 entry is already in this story's lore")));
        clickOn("Cancel");
        waitUntil("the preview is gone", () -> lookup(".lorebook-preview").tryQuery().isEmpty());
        library.settle();
        assertEquals(before + 2, lore().size());
    }

    @Test
    void cancellingThePreviewAddsNothing() throws Exception {
        Path world = Files.writeString(dir.resolve("eldoria.json"), WORLD);
        int before = lore().size();
        dialogs.files.add(Optional.of(world));
        // not waited for: the preview's dialog holds the FX thread's nested loop until it is answered
        WaitForAsyncUtils.asyncFx(() -> new LoreFlow(shell).importLore(library.storyId(), () -> { }));
        waitUntil("the preview shows", () -> lookup(".lorebook-preview").tryQuery().isPresent());
        clickOn("Cancel");
        waitUntil("the preview is gone", () -> lookup(".lorebook-preview").tryQuery().isEmpty());
        library.settle();
        assertEquals(before, lore().size());
    }

    @Test
    void aFileThatIsNotALorebookIsRefusedWithTheLibraryUntouched() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"entries\": {\"0\": {\"key\": 42}}}");
        library.settle();
        Map<String, List<String>> untouched = LibraryRows.of(library.studio().database().file());
        dialogs.files.add(Optional.of(bad));
        onFx(() -> new LoreFlow(shell).importLore(library.storyId(), () -> { }));
        waitUntil("the writer is told", () -> !dialogs.errors.isEmpty());
        assertEquals("Quire cannot import this lorebook", dialogs.errors.get(0).header());
        assertTrue(dialogs.errors.get(0).message().contains("where the list \"key\" belongs"),
                dialogs.errors.get(0).message());
        assertEquals(untouched, LibraryRows.of(library.studio().database().file()));
    }

    @Test
    void theLoreExportsAsTheFormatTheFileNameSays() throws Exception {
        Path novelai = dir.resolve("lore.lorebook");
        dialogs.files.add(Optional.of(novelai));
        onFx(() -> new LoreFlow(shell).exportLore(library.storyId(), "The Remarks Column"));
        waitUntil("the lore is exported", () -> model.noticeProperty().get().startsWith(
                "Exported the lore as NovelAI lorebook"));
        assertTrue(Files.readString(novelai).contains("\"lorebookVersion\""));
        assertTrue(dialogs.asked.get(0).endsWith("[The Remarks Column lore.json]"), dialogs.asked.toString());
    }

    @Test
    void aStoryPackageGoesOutAndComesBackAsANewStory() throws Exception {
        Path pack = dir.resolve("remarks.quire");
        StorySummary story = library.story();
        dialogs.files.add(Optional.of(pack));
        onFx(() -> new StoryPackageFlow(shell).exportPackage(story));
        waitUntil("the package is written", () -> model.noticeProperty().get().startsWith("Exported “"
                + story.title() + "” as a story package"));
        assertTrue(Files.size(pack) > 0);

        dialogs.files.add(Optional.of(pack));
        onFx(() -> new StoryPackageFlow(shell).importPackage());
        waitUntil("the story is imported", () -> model.noticeProperty().get().equals("Imported “" + story.title()
                + "” from remarks.quire."));
        assertEquals(2, library.studio().stories().list().stream().filter(s -> s.title().equals(story.title()))
                .count());

        Path junk = Files.writeString(dir.resolve("junk.quire"), "PK not really");
        library.settle();
        Map<String, List<String>> untouched = LibraryRows.of(library.studio().database().file());
        dialogs.files.add(Optional.of(junk));
        onFx(() -> new StoryPackageFlow(shell).importPackage());
        waitUntil("the writer is told", () -> !dialogs.errors.isEmpty());
        assertEquals("Quire cannot import this story package", dialogs.errors.get(0).header());
        assertEquals(untouched, LibraryRows.of(library.studio().database().file()));
    }

    @Test
    void aPackageOpenedFromOutsideIsImportedWhenTheWriterAgreesAndTheNewStoryOpens() throws Exception {
        Path pack = dir.resolve("remarks.quire");
        StorySummary story = library.story();
        dialogs.files.add(Optional.of(pack));
        onFx(() -> new StoryPackageFlow(shell).exportPackage(story));
        waitUntil("the package is written", () -> Files.exists(pack) && model.noticeProperty().get()
                .startsWith("Exported"));
        int scenes = library.headers().size();
        dialogs.asked.clear();

        dialogs.confirmations.add(false);
        onFx(() -> new StoryPackageFlow(shell).openFile(pack));
        waitUntil("the writer is asked", () -> !dialogs.asked.isEmpty());
        assertEquals("Import “" + story.title() + "” as a new story?", dialogs.asked.get(0));
        library.settle();
        assertEquals(1, library.studio().stories().list().size(), "declined: nothing imported");

        dialogs.confirmations.add(true);
        onFx(() -> new StoryPackageFlow(shell).openFile(pack));
        waitUntil("the imported story is open", () -> model.openStoryProperty().get() != null
                && model.openStoryProperty().get().story().id() != story.id());
        long imported = fx(() -> model.openStoryProperty().get().story().id());
        assertEquals(story.title(), library.studio().stories().get(imported).orElseThrow().title());
        assertEquals(scenes, library.studio().scenes().headers(imported).size());
        assertEquals("Imported “" + story.title() + "” from remarks.quire.", fx(() -> model.noticeProperty().get()));

        Path damaged = Files.writeString(dir.resolve("damaged.quire"), "PK not really");
        onFx(() -> new StoryPackageFlow(shell).openFile(damaged));
        waitUntil("the writer is told", () -> !dialogs.errors.isEmpty());
        assertEquals("Quire cannot open this story package", dialogs.errors.get(0).header());
        assertEquals(2, dialogs.asked.size(), "a damaged package is not offered");
    }
}
