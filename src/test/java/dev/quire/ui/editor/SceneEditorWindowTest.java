package dev.quire.ui.editor;

import dev.quire.model.Prose;
import dev.quire.model.Span;
import dev.quire.ui.StudioWindow;
import dev.quire.ui.prose.ProseArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SceneEditorWindowTest extends StudioWindow {

    /** "kitchen" in the first scene's opening words, "The kitchen clock said ten": plain in the sample. */
    private static final int FROM = 4;
    private static final int TO = 11;

    private static boolean italicAt(Prose prose, int index) {
        int start = 0;
        for (Span s : prose.spans()) {
            if (index < start + s.length()) {
                return s.italic();
            }
            start += s.length();
        }
        throw new IndexOutOfBoundsException(index);
    }

    private static void assertItalicExactly(Prose prose, int from, int to) {
        assertFalse(italicAt(prose, from - 1), "the character before the selection stays upright");
        for (int i = from; i < to; i++) {
            assertTrue(italicAt(prose, i), "character " + i + " of the selection is italic");
        }
        assertFalse(italicAt(prose, to), "the character after the selection stays upright");
    }

    /** As the writer closes the window: the close request, then the application stops. */
    private void closeWindow() throws TimeoutException {
        onFx(() -> {
            Stage stage = (Stage) main().view().getScene().getWindow();
            stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST));
        });
        stop();
    }

    private ProseArea clickIntoFirstScene() {
        waitForOpenScene();
        ProseArea area = proseArea();
        assertEquals("kitchen", fx(() -> area.getText(FROM, TO)));
        clickOn(area);
        return area;
    }

    @Test
    void typedTextIsThereAfterClosingAndReopening() throws TimeoutException {
        start();
        ProseArea area = clickIntoFirstScene();
        shortcut(KeyCode.END);

        write(" The pencil was blunt.");
        assertTrue(fx(area::getText).endsWith("decided to. The pencil was blunt."), "typed at the end of the scene");

        // no waiting for the autosave: closing must save what was typed
        closeWindow();
        start();

        SceneEditorView reopened = waitForOpenScene();
        assertEquals("Nine O’Clock, Greenwich Time", fx(() -> reopened.model().titleProperty().get()));
        assertTrue(fx(() -> reopened.area().getText()).endsWith("decided to. The pencil was blunt."));
    }

    @Test
    void ctrlIMakesExactlyTheSelectionItalic() throws TimeoutException {
        start();
        ProseArea area = clickIntoFirstScene();
        onFx(() -> area.selectRange(FROM, TO));

        shortcut(KeyCode.I);

        Prose prose = fx(area::prose);
        assertItalicExactly(prose, FROM, TO);
        assertEquals("kitchen", fx(area::getSelectedText), "the selection is kept for a second toggle");
    }

    @Test
    void ctrlIAgainMakesTheSelectionUprightAgain() throws TimeoutException {
        start();
        ProseArea area = clickIntoFirstScene();
        Prose before = fx(area::prose);
        onFx(() -> area.selectRange(FROM, TO));

        shortcut(KeyCode.I);
        shortcut(KeyCode.I);

        assertEquals(before, fx(area::prose));
    }

    @Test
    void anItalicisedSelectionIsStillItalicAfterReopening() throws TimeoutException {
        start();
        ProseArea area = clickIntoFirstScene();
        onFx(() -> area.selectRange(FROM, TO));
        shortcut(KeyCode.I);

        closeWindow();
        start();

        SceneEditorView reopened = waitForOpenScene();
        assertItalicExactly(fx(() -> reopened.area().prose()), FROM, TO);
    }
}
