package dev.quire.ui.editor;

import dev.quire.llm.ApiKey;
import dev.quire.llm.ProviderKind;
import dev.quire.llm.ProviderProfile;
import dev.quire.model.Finding;
import dev.quire.model.Note;
import dev.quire.model.Prose;
import dev.quire.model.Scene;
import dev.quire.model.Story;
import dev.quire.studio.Studio;
import dev.quire.testing.Wire;
import dev.quire.ui.common.Background;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The continuity check as the scene editor runs it, with no screen: a real library and a loopback provider. */
class ContinuityViewModelTest {

    static final String TEXT = "Mara swam out to the boat and pulled Tomas back to the rocks.";

    @TempDir
    Path dir;

    private Studio studio;
    private MockWebServer server;
    private Background background;
    private ContinuityViewModel model;
    private long storyId;
    private long sceneId;

    @BeforeEach
    void open() {
        Map<String, String> env = new HashMap<>();
        env.put("QUIRE_CONFIG_HOME", dir.resolve("config").toString());
        server = Wire.start();
        studio = Studio.open(dir.resolve("library"), Studio.NewLibrary.EMPTY, env);
        studio.providers().save(new ProviderProfile("loop", ProviderKind.OPENAI_COMPATIBLE,
                Wire.root(server) + "/v1", "check-model", 32_000, 1000), null);
        studio.providers().storeKey("loop", ApiKey.of("sk-test-0123456789"));
        studio.providers().setDefaultProfile("loop");
        storyId = studio.stories().create(Story.titled("Flood")).id();
        sceneId = studio.scenes().append(Scene.titled(storyId, "Rescue").withProse(Prose.plain(TEXT))).id();
        background = Background.direct();
        model = new ContinuityViewModel(studio, background, sceneId);
    }

    @AfterEach
    void close() {
        background.close();
        studio.close();
        server.close();
    }

    /** Waits until the check's findings or failure reached the view model. */
    private void settle() throws Exception {
        model.settled().get(20, TimeUnit.SECONDS);
    }

    private void answer(String json) {
        server.enqueue(Wire.sse(Wire.openAi(json)).build());
    }

    @Test
    void findingsArriveAndTheirPassageIsFoundEvenAfterTheTextChanged() throws Exception {
        answer("[{\"quote\": \"Mara swam out\", \"conflict\": \"Mara cannot swim.\", \"source\": \"canon 1\"}]");
        model.check();
        settle();

        assertEquals(ContinuityViewModel.State.DONE, model.stateProperty().get(), model.messageProperty().get());
        assertEquals(1, model.findings().size());
        Finding f = model.findings().get(0);
        assertArrayEquals(new int[] {0, 13}, model.locate(f, TEXT).orElseThrow());
        String edited = "At dawn, " + TEXT;
        assertArrayEquals(new int[] {9, 22}, model.locate(f, edited).orElseThrow(), "found again in the new text");
        assertTrue(model.locate(f, "Nothing of it left.").isEmpty());
        assertEquals("1 possible contradiction.", model.messageProperty().get());
    }

    @Test
    void theStereotypeCheckShowsItsFindingsTheSameWay() throws Exception {
        answer("[{\"quote\": \"Mara swam out\", \"conflict\": \"The all-knowing rescuer.\", "
                + "\"source\": \"all-knowing genius\"}]");
        model.check(dev.quire.studio.ContinuityCheck.Lens.STEREOTYPE);
        settle();

        assertEquals(ContinuityViewModel.State.DONE, model.stateProperty().get(), model.messageProperty().get());
        assertEquals("all-knowing genius", model.findings().get(0).source());
        assertArrayEquals(new int[] {0, 13}, model.locate(model.findings().get(0), TEXT).orElseThrow());
        assertEquals("1 possible stereotype.", model.messageProperty().get());
    }

    @Test
    void aDismissedFindingStaysDismissedInTheNextCheck() throws Exception {
        String json = "[{\"quote\": \"Mara swam out\", \"conflict\": \"Mara cannot swim.\", \"source\": \"canon 1\"}]";
        answer(json);
        model.check();
        settle();
        model.dismiss(model.findings().get(0));
        assertTrue(model.findings().isEmpty());
        background.writer().submit(() -> { }).get(10, TimeUnit.SECONDS);

        answer(json);
        model.check();
        settle();
        assertTrue(model.findings().isEmpty(), "the same finding is not shown again");
        assertTrue(model.messageProperty().get().contains("1 dismissed before"), model.messageProperty().get());
    }

    @Test
    void aFindingKeptAsAYesAndNoteBecomesANote() throws Exception {
        answer("[{\"quote\": \"pulled Tomas back\", \"conflict\": \"Tomas was ashore.\", \"source\": \"scene 2\"}]");
        model.check();
        settle();
        model.toNote(model.findings().get(0), true);
        background.writer().submit(() -> { }).get(10, TimeUnit.SECONDS);

        List<Note> notes = studio.threads().notes(storyId);
        assertEquals(1, notes.size());
        assertTrue(notes.get(0).shared());
        assertTrue(model.messageProperty().get().startsWith("Kept as a “yes, and” note"));
    }

    @Test
    void aCheckThatCannotBeReadSaysWhyAndKeepsNothing() throws Exception {
        answer("I am not sure what you mean.");
        model.check();
        settle();
        assertEquals(ContinuityViewModel.State.FAILED, model.stateProperty().get());
        assertTrue(model.findings().isEmpty());
        assertTrue(!model.messageProperty().get().isBlank());
    }
}
